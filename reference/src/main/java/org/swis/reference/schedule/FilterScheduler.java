package org.swis.reference.schedule;

import java.util.Arrays;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.swis.reference.SwisInputException;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.tensor.QuantizedTensor;

/**
 * Offline filter scheduling (paper §4.3; SPEC §6): per-filter shift counts whose layer average meets
 * a (fractional) target at the least MSE++ cost, under the array constraint that filters running
 * together share one count.
 *
 * <p><b>Part 1, greedy descent.</b> Every filter starts at the start count. Repeatedly, the
 * {@code step} filters whose drop by one shift costs least (ties: lower filter index) move down one
 * shift, until the total equals the budget floor(target * F) (the last step moves only as many
 * filters as needed; no filter goes below 1). Filters are then ordered by count (ties by index).
 *
 * <p><b>Part 2, array constraint.</b> The ordered filters are cut into chunks of C_a columns. Among
 * all non-decreasing sequences of chunk counts whose total is the largest reachable total not above
 * the budget, the one of least cost is kept (ties: lexicographically smallest sequence). This is an
 * exact dynamic programme over (chunk, lowest allowed count, remaining total), equivalent to the
 * paper's enumeration.
 *
 * <p>Costs are {@code weight[f] * cost[f][n]} with the scaled MSE++ of {@link Decomposer#filterCostTable};
 * by default every weight is 1 (errors in quantization steps, exact integer arithmetic); see
 * {@link Weighting} and SPEC §6.1.
 */
public final class FilterScheduler {
    /** Largest dynamic-programme table the reference builds (chunks * 9 * (budget + 1) entries). */
    public static final long MAX_TABLE = 60_000_000L;

    private FilterScheduler() {
    }

    /** Schedules a quantized layer with the decomposition config's scheme, M and alpha. */
    public static Schedule schedule(QuantizedTensor t, DecompositionConfig decomposition, ScheduleConfig config) {
        return schedule(Decomposer.filterCostTable(t, decomposition), filterWeights(t), config);
    }

    /**
     * Schedules for double-shift PEs (paper §3.1): a DS PE spends ceil(N/2) cycles on a group, so an
     * odd count wastes a lane. Counts are restricted to 2, 4, 6, 8 by scheduling in cycles: cost
     * {@code cost[f][2c]} for c = 1..4 cycles, target / 2 cycles, then N = 2c. Needs target >= 2.
     */
    public static Schedule scheduleDoubleShift(QuantizedTensor t, DecompositionConfig decomposition, ScheduleConfig config) {
        requireDoubleShiftTarget(config);
        return scheduleDoubleShift(Decomposer.filterCostTable(t, decomposition), filterWeights(t), config);
    }

    /** {@link #scheduleDoubleShift(QuantizedTensor, DecompositionConfig, ScheduleConfig)} on a precomputed cost table. */
    public static Schedule scheduleDoubleShift(long[][] cost, double[] weight, ScheduleConfig config) {
        requireDoubleShiftTarget(config);
        long[][] cycles = new long[cost.length][5];
        for (int f = 0; f < cost.length; f++) {
            for (int c = 1; c <= 4; c++) {
                cycles[f][c] = cost[f][2 * c];
            }
        }
        int start = config.startCount() == 0 ? 0 : Math.min(4, (config.startCount() + 1) / 2);
        ScheduleConfig inCycles = new ScheduleConfig(config.target() / 2, config.arrayColumns(), config.step(), start);
        Schedule s = schedule(cycles, weight, inCycles);
        int[] shifts = s.shiftsPerFilter();
        int[] greedy = s.greedyCounts();
        int[] chunks = s.chunkCounts();
        for (int f = 0; f < shifts.length; f++) {
            shifts[f] *= 2;
            greedy[f] *= 2;
        }
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] *= 2;
        }
        return new Schedule(shifts, greedy, s.order(), chunks, 2 * s.budget(), 2 * s.total(), s.cost());
    }

    private static void requireDoubleShiftTarget(ScheduleConfig config) {
        if (config.target() < 2) {
            throw new SwisInputException("target", config.target(), "at least 2 shifts for a double-shift schedule");
        }
    }

    /**
     * How the scheduler weighs one filter's cost against another's (SPEC §6.1). With one scale per
     * tensor both rules give weight 1 for every filter.
     */
    public enum Weighting {
        /**
         * The default: every filter weight 1, errors counted in each filter's own quantization steps
         * (the paper's arithmetic, whose scale is per tensor).
         */
        STEPS,
        /** (scale_f / max scale)²: errors counted in float units, so small-scale filters count less. */
        FLOAT_UNITS
    }

    /** Per-filter cost weights under the default {@link Weighting#STEPS} (SPEC §6.1): all 1. */
    public static double[] filterWeights(QuantizedTensor t) {
        return filterWeights(t, Weighting.STEPS);
    }

    /** Per-filter cost weights of a quantized layer under {@code rule} (SPEC §6.1). */
    public static double[] filterWeights(QuantizedTensor t, Weighting rule) {
        double[] scales = new double[t.filters()];
        for (int f = 0; f < scales.length; f++) {
            scales[f] = t.scale(f);
        }
        return filterWeights(scales, rule);
    }

    /** {@link #filterWeights(QuantizedTensor)} from the per-filter scales alone. */
    public static double[] filterWeights(double[] scalePerFilter) {
        return filterWeights(scalePerFilter, Weighting.STEPS);
    }

    /** {@link #filterWeights(QuantizedTensor, Weighting)} from the per-filter scales alone. */
    public static double[] filterWeights(double[] scalePerFilter, Weighting rule) {
        double[] weight = new double[scalePerFilter.length];
        if (rule == Weighting.STEPS) {
            Arrays.fill(weight, 1.0);
            return weight;
        }
        double maxScale = 0;
        for (double s : scalePerFilter) {
            maxScale = Math.max(maxScale, s);
        }
        for (int f = 0; f < weight.length; f++) {
            double r = scalePerFilter[f] / maxScale;
            weight[f] = r * r;
        }
        return weight;
    }

    /**
     * @param cost   {@code cost[f][n]}, n = 1..K (index 0 ignored); K = cost[f].length - 1 is the
     *               largest count (8 for shifts, 4 for double-shift cycles)
     * @param weight per-filter cost weight (all 1 for a per-tensor scale)
     */
    public static Schedule schedule(long[][] cost, double[] weight, ScheduleConfig config) {
        int filters = cost.length;
        if (filters == 0) {
            throw new SwisInputException("filters", 0, "at least one filter");
        }
        if (weight.length != filters) {
            throw new SwisInputException("weight.length", weight.length, "filters = " + filters);
        }
        int maxCount = cost[0].length - 1;
        for (long[] row : cost) {
            if (row.length != maxCount + 1 || maxCount < 1 || maxCount > 8) {
                throw new SwisInputException("cost[f].length", row.length, "the same length 2..9 for every filter");
            }
        }
        if (config.target() > maxCount) {
            throw new SwisInputException("target", config.target(), "at most the largest count " + maxCount);
        }
        long budget = config.budget(filters);
        int chunks = (filters + config.arrayColumns() - 1) / config.arrayColumns();
        long entries = tableEntries(chunks, maxCount, budget);
        if (entries > MAX_TABLE) {
            throw new SwisInputException("arrayColumns", config.arrayColumns(), "more array columns for " + filters
                    + " filters: the exact table would need " + entries + " entries, at most " + MAX_TABLE);
        }
        int start = config.startCount() != 0 ? Math.min(maxCount, config.startCount())
                : Math.min(maxCount, (int) Math.ceil(config.target()) + 1);
        int[] counts = greedy(cost, weight, start, config.step(), budget);
        Integer[] boxed = new Integer[filters];
        for (int f = 0; f < filters; f++) {
            boxed[f] = f;
        }
        Arrays.sort(boxed, Comparator.<Integer>comparingInt(f -> counts[f]).thenComparingInt(f -> f));
        int[] order = Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
        double[][] chunkCost = new double[chunks][maxCount + 1];
        int[] chunkSize = new int[chunks];
        for (int p = 0; p < filters; p++) {
            int c = p / config.arrayColumns();
            chunkSize[c]++;
            for (int n = 1; n <= maxCount; n++) {
                chunkCost[c][n] += weight[order[p]] * cost[order[p]][n];
            }
        }
        int[] chunkCounts = constrain(chunkCost, chunkSize, budget);
        int[] shifts = new int[filters];
        long total = 0;
        double finalCost = 0;
        for (int p = 0; p < filters; p++) {
            int f = order[p];
            shifts[f] = chunkCounts[p / config.arrayColumns()];
            total += shifts[f];
        }
        for (int c = 0; c < chunks; c++) {
            finalCost += chunkCost[c][chunkCounts[c]];
        }
        return new Schedule(shifts, counts, order, chunkCounts, budget, total, finalCost);
    }

    /** Part 1. */
    static int[] greedy(long[][] cost, double[] weight, int start, int step, long budget) {
        int filters = cost.length;
        int[] counts = new int[filters];
        Arrays.fill(counts, start);
        long total = (long) start * filters;
        if (total < budget) {
            throw new SwisInputException("startCount", start, "at least the target");
        }
        Comparator<int[]> byDelta = Comparator.<int[]>comparingDouble(e -> delta(cost, weight, e[0], e[1]))
                .thenComparingInt(e -> e[0]);
        PriorityQueue<int[]> queue = new PriorityQueue<>(byDelta);
        for (int f = 0; f < filters; f++) {
            if (start > 1) {
                queue.add(new int[] {f, start});
            }
        }
        while (total > budget && !queue.isEmpty()) {
            long moves = Math.min(step, total - budget);
            int[][] moved = new int[(int) Math.min(moves, queue.size())][];
            for (int k = 0; k < moved.length; k++) {
                moved[k] = queue.poll();
            }
            for (int[] e : moved) {
                int f = e[0];
                counts[f]--;
                total--;
                if (counts[f] > 1) {
                    queue.add(new int[] {f, counts[f]});
                }
            }
        }
        return counts;
    }

    /** Cost increase of dropping filter f from n to n - 1 shifts. */
    private static double delta(long[][] cost, double[] weight, int f, int n) {
        return weight[f] * cost[f][n - 1] - weight[f] * cost[f][n];
    }

    /** Entries of the exact DP's table for {@code chunks} chunks, counts 1..K and a budget. */
    static long tableEntries(int chunks, int k, long budget) {
        return (long) (chunks + 1) * (k + 2) * (budget + 1);
    }

    /** Part 2: the exact DP over non-decreasing chunk counts 1..K, K = chunkCost[g].length - 1. */
    static int[] constrain(double[][] chunkCost, int[] chunkSize, long budget) {
        int chunks = chunkSize.length;
        int k = chunkCost[0].length - 1;
        long entries = tableEntries(chunks, k, budget);
        if (entries > MAX_TABLE) {
            throw new SwisInputException("filters", chunks + " chunks", "a layer small enough for the reference "
                    + "scheduler's table (" + MAX_TABLE + " entries); use more array columns");
        }
        int b = (int) budget;
        // best[g][lo][r]: least cost of chunks g.. with counts >= lo summing exactly to r (INF if impossible).
        double[][][] best = new double[chunks + 1][k + 2][b + 1];
        for (double[][] layer : best) {
            for (double[] row : layer) {
                Arrays.fill(row, Double.POSITIVE_INFINITY);
            }
        }
        for (int lo = 1; lo <= k + 1; lo++) {
            best[chunks][lo][0] = 0;
        }
        for (int g = chunks - 1; g >= 0; g--) {
            for (int lo = k; lo >= 1; lo--) {
                for (int r = 0; r <= b; r++) {
                    double v = best[g][lo + 1][r];
                    long use = (long) lo * chunkSize[g];
                    if (use <= r && best[g + 1][lo][(int) (r - use)] < Double.POSITIVE_INFINITY) {
                        double withLo = chunkCost[g][lo] + best[g + 1][lo][(int) (r - use)];
                        if (withLo <= v) {
                            v = withLo;
                        }
                    }
                    best[g][lo][r] = v;
                }
            }
        }
        int r = b;
        while (r >= 0 && best[0][1][r] == Double.POSITIVE_INFINITY) {
            r--;
        }
        if (r < 0) {
            throw new SwisInputException("target", budget, "a budget of at least one shift per filter");
        }
        int[] out = new int[chunks];
        int lo = 1;
        for (int g = 0; g < chunks; g++) {
            double target = best[g][lo][r];
            for (int c = lo; c <= k; c++) {
                long use = (long) c * chunkSize[g];
                if (use <= r) {
                    double rest = best[g + 1][c][(int) (r - use)];
                    if (rest < Double.POSITIVE_INFINITY && chunkCost[g][c] + rest == target) {
                        out[g] = c;
                        r -= (int) use;
                        lo = c;
                        break;
                    }
                }
            }
        }
        return out;
    }
}
