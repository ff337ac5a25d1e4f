package org.swis.properties.decomposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.swis.properties.DeepTries;
import org.swis.reference.schedule.FilterScheduler;
import org.swis.reference.schedule.Schedule;
import org.swis.reference.schedule.ScheduleConfig;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.tensor.QuantizedTensor;

/** Invariants of filter scheduling (paper §4.3; SPEC §6). */
@AddLifecycleHook(DeepTries.class)
class ScheduleProperties {

    /** Per-filter costs, non-increasing in n like real MSE costs, plus a config. */
    record Case(long[][] cost, ScheduleConfig config) {
        @Override
        public String toString() {
            return "Case{filters=" + cost.length + ", " + config + "}";
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        // At most 6 chunks, so the brute-force enumeration below stays small (C(13, 7) sequences).
        return Arbitraries.of(1, 2, 3, 4, 8).flatMap(columns -> Combinators.combine(
                Arbitraries.integers().between(1, Math.min(24, 6 * columns)), Arbitraries.just(columns),
                Arbitraries.of(1.0, 1.5, 2.0, 2.25, 2.5, 3.0, 3.5, 4.0, 5.5, 7.75, 8.0), Arbitraries.of(1, 2, 3))
                .flatAs((filters, cols, target, step) -> Arbitraries.longs().between(0, 1000).array(long[].class)
                        .ofSize(filters * 8).map(raw -> {
                            long[][] cost = new long[filters][9];
                            for (int f = 0; f < filters; f++) {
                                long acc = 0;
                                for (int n = 8; n >= 1; n--) {
                                    acc += raw[f * 8 + n - 1];
                                    cost[f][n] = acc;
                                }
                            }
                            return new Case(cost, new ScheduleConfig(target, cols, step, 0));
                        })));
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    @Property(tries = 300)
    void scheduleMeetsTheTargetExactlyWhenReachableAndNeverExceedsIt(@ForAll("cases") Case c) {
        Schedule s = FilterScheduler.schedule(c.cost(), ones(c.cost().length), c.config());
        long sum = 0;
        for (int n : s.shiftsPerFilter()) {
            assertThat(n).isBetween(1, 8);
            sum += n;
        }
        assertThat(sum).isEqualTo(s.total());
        assertThat(s.total()).isLessThanOrEqualTo(s.budget());
        assertThat(s.budget()).isEqualTo((long) Math.floor(c.config().target() * c.cost().length + 1e-9));
        // Greedy part alone always meets the budget exactly (filters move one shift at a time).
        long greedy = 0;
        for (int n : s.greedyCounts()) {
            greedy += n;
        }
        assertThat(greedy).isEqualTo(s.budget());
        if (reachable(chunkSizes(c), s.budget())) {
            assertThat(s.total()).isEqualTo(s.budget());
        }
    }

    @Property(tries = 300)
    void filtersRunningTogetherShareOneCountAndCountsRiseAlongTheArrayOrder(@ForAll("cases") Case c) {
        Schedule s = FilterScheduler.schedule(c.cost(), ones(c.cost().length), c.config());
        int columns = c.config().arrayColumns();
        int[] order = s.order();
        int[] shifts = s.shiftsPerFilter();
        for (int p = 0; p < order.length; p++) {
            assertThat(shifts[order[p]]).isEqualTo(s.chunkCounts()[p / columns]);
            if (p > 0) {
                assertThat(shifts[order[p]]).isGreaterThanOrEqualTo(shifts[order[p - 1]]);
            }
        }
    }

    @Property(tries = 200)
    void chunkCountsAreTheCheapestNonDecreasingSequenceOfAnEnumeration(@ForAll("cases") Case c) {
        Schedule s = FilterScheduler.schedule(c.cost(), ones(c.cost().length), c.config());
        int[] sizes = chunkSizes(c);
        int columns = c.config().arrayColumns();
        double[][] chunkCost = new double[sizes.length][9];
        for (int p = 0; p < s.order().length; p++) {
            for (int n = 1; n <= 8; n++) {
                chunkCost[p / columns][n] += c.cost()[s.order()[p]][n];
            }
        }
        double best = Double.POSITIVE_INFINITY;
        for (int[] seq : nonDecreasing(sizes.length)) {
            long total = 0;
            double cost = 0;
            for (int g = 0; g < seq.length; g++) {
                total += (long) seq[g] * sizes[g];
                cost += chunkCost[g][seq[g]];
            }
            if (total == s.total()) {
                best = Math.min(best, cost);
            }
        }
        assertThat(s.cost()).isEqualTo(best);
    }

    @Property(tries = 40)
    void doubleShiftSchedulesUseEvenCountsAndMeetTheTarget(@ForAll("magnitudes") int[] mag,
            @ForAll("dsTargets") double target, @ForAll("columns") int columns) {
        int filters = 8;
        QuantizedTensor t = new QuantizedTensor("t", filters, 8, 1, 1, mag, new boolean[mag.length], ones(filters));
        Schedule s = FilterScheduler.scheduleDoubleShift(t, DecompositionConfig.defaults(), new ScheduleConfig(target, columns, 1, 0));
        long total = 0;
        for (int n : s.shiftsPerFilter()) {
            assertThat(n % 2).isZero();
            assertThat(n).isBetween(2, 8);
            total += n;
        }
        assertThat(total).isEqualTo(s.total());
        // With 8 filters, every even budget 2 * floor(target * 8 / 2) is reachable when columns divide 8 into chunks of 1, 2, 4 or 8.
        assertThat(s.total()).isEqualTo(2 * (long) Math.floor(target * filters / 2 / columns) * columns);
    }

    @Provide
    Arbitrary<int[]> magnitudes() {
        return Arbitraries.integers().between(0, 127).array(int[].class).ofSize(64);
    }

    @Provide
    Arbitrary<Double> dsTargets() {
        return Arbitraries.of(2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 6.0, 8.0);
    }

    @Provide
    Arbitrary<Integer> columns() {
        return Arbitraries.of(1, 2, 4, 8);
    }

    private static int[] chunkSizes(Case c) {
        int filters = c.cost().length;
        int columns = c.config().arrayColumns();
        int chunks = (filters + columns - 1) / columns;
        int[] sizes = new int[chunks];
        for (int p = 0; p < filters; p++) {
            sizes[p / columns]++;
        }
        return sizes;
    }

    private static boolean reachable(int[] sizes, long budget) {
        for (int[] seq : nonDecreasing(sizes.length)) {
            long total = 0;
            for (int g = 0; g < seq.length; g++) {
                total += (long) seq[g] * sizes[g];
            }
            if (total == budget) {
                return true;
            }
        }
        return false;
    }

    /** Every non-decreasing sequence over 1..8 of the given length (the paper's enumeration). */
    private static List<int[]> nonDecreasing(int length) {
        List<int[]> out = new ArrayList<>();
        fill(new int[length], 0, 1, out);
        return out;
    }

    private static void fill(int[] cur, int k, int lo, List<int[]> out) {
        if (k == cur.length) {
            out.add(cur.clone());
            return;
        }
        for (int v = lo; v <= 8; v++) {
            cur[k] = v;
            fill(cur, k + 1, v, out);
        }
    }
}
