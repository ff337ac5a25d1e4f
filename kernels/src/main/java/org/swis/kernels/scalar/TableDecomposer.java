package org.swis.kernels.scalar;

import org.swis.kernels.DecomposeKernel;
import org.swis.kernels.SwisCodes;
import org.swis.reference.SwisInputException;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.GroupLayout;
import org.swis.reference.tensor.QuantizedTensor;

/**
 * The exhaustive SWIS / SWIS-C search of the paper (§4.1.1) on precomputed tables, bit-exact with
 * {@link org.swis.reference.swis.GroupDecomposer}: per group, per candidate, the signed and squared
 * error sums come from table lookups ({@link SearchPlan}); the first candidate of lowest scaled MSE++
 * cost wins. Streams over the tensor (reads it in place), hands chunks of groups to the threads.
 *
 * <p>This scalar class loops over candidates one at a time; the vector kernel overrides
 * {@link #choosePacked} and keeps everything else.
 */
public class TableDecomposer implements DecomposeKernel {
    /**
     * Groups per chunk handed to a worker (about 50 µs of search at M = 4): small enough that the
     * threads finish within one chunk of each other, large enough that claiming it costs nothing.
     */
    static final int GRAIN = 1024;

    /** Lane count the packed tables are padded to (1: no padding). */
    protected int lanes() {
        return 1;
    }

    /** Short lane count of the 16-bit tables ({@link SearchPlan#narrow}), 0 when this kernel does not use them. */
    protected int narrowLanes() {
        return 0;
    }

    @Override
    public String name() {
        return "table-scalar";
    }

    @Override
    public String description() {
        return "exhaustive search on per-(candidate, magnitude) tables, one candidate at a time";
    }

    @Override
    public final SwisCodes decompose(QuantizedTensor t, DecompositionConfig config, int[] shiftsPerFilter, int threads) {
        if (t == null || config == null) {
            throw new SwisInputException("tensor/config", t + "/" + config, "both present");
        }
        SwisInputException.requireRange("threads", threads, 1, 1024);
        GroupLayout layout = Decomposer.layoutOf(t, config.m());
        SwisCodes.Builder out = SwisCodes.builder(config.scheme(), layout, t.filters(), shiftsPerFilter);
        SearchPlan[] plans = new SearchPlan[9];
        int maxMagnitude = -1;
        for (int n : shiftsPerFilter) {
            if (plans[n] == null) {
                CandidateTables tab = CandidateTables.of(config.scheme(), n);
                plans[n] = SearchPlan.of(tab, config.m(), config.alpha(), lanes(), narrowLanes(), 255);
                if (narrowLanes() > 0 && !plans[n].narrow) {
                    if (maxMagnitude < 0) {
                        maxMagnitude = t.maxMagnitude();
                    }
                    if (maxMagnitude < 255) {
                        plans[n] = SearchPlan.of(tab, config.m(), config.alpha(), lanes(), narrowLanes(), maxMagnitude);
                    }
                }
            }
        }
        int m = layout.m();
        int gpf = layout.groupsPerFilter();
        int[] element = new int[gpf * m];
        for (int g = 0; g < gpf; g++) {
            for (int i = 0; i < m; i++) {
                element[g * m + i] = layout.element(g, i);
            }
        }
        WorkerPool.runChunked(out.signs.length, threads, GRAIN,
                (from, to) -> decomposeRange(t, layout, element, shiftsPerFilter, plans, out, from, to));
        return out.build();
    }

    /**
     * Decomposes groups [from, to) (flat, filter-major) into {@code out}. Subclasses may replace the
     * loop for configurations they specialise and call this for the rest.
     *
     * @param element per group-in-filter and slot, the canonical in-filter index or {@link GroupLayout#PAD}
     */
    protected void decomposeRange(QuantizedTensor t, GroupLayout layout, int[] element, int[] counts,
                                  SearchPlan[] plans, SwisCodes.Builder out, int from, int to) {
        int m = layout.m();
        int gpf = layout.groupsPerFilter();
        int fs = layout.filterSize();
        int[] rows = new int[m];
        int[] mag = new int[m];
        int f = from / gpf;
        int g = from % gpf;
        byte[] support = out.support;
        int[] signs = out.signs;
        byte[] masks = out.masks;
        for (int gi = from; gi < to; gi++) {
            SearchPlan p = plans[counts[f]];
            int base = f * fs;
            int signBits = 0;
            for (int i = 0; i < m; i++) {
                int e = element[g * m + i];
                int v = 0;
                if (e >= 0) {
                    v = t.magnitude(base + e);
                    if (t.negative(base + e)) {
                        signBits |= 1 << i;
                    }
                }
                mag[i] = v;
                rows[i] = ((signBits >> i & 1) * CandidateTables.MAGNITUDES + v) * p.stride;
            }
            int c = p.packed ? choosePacked(p, rows) : chooseExact(p, mag, signBits);
            CandidateTables tab = p.tables;
            support[gi] = (byte) tab.supportBits(c);
            signs[gi] = signBits;
            for (int i = 0; i < m; i++) {
                masks[gi * m + i] = (byte) tab.code(c, mag[i]);
            }
            if (++g == gpf) {
                g = 0;
                f++;
            }
        }
    }

    /**
     * First candidate of lowest cost on the packed table.
     *
     * @param rows per slot, the offset of its table row ({@code (sign * 256 + magnitude) * stride})
     */
    protected int choosePacked(SearchPlan p, int[] rows) {
        int[] table = p.table;
        int k = p.candidates();
        int qb = p.qb;
        int qmask = p.qmask;
        int num = (int) p.num;
        int den = (int) p.den;
        int best = Integer.MAX_VALUE;
        int bestC = 0;
        for (int c = 0; c < k; c++) {
            int sum = 0;
            for (int row : rows) {
                sum += table[row + c];
            }
            int s = sum >> qb;
            int cost = num * s * s + den * (sum & qmask);
            if (cost < best) {
                best = cost;
                bestC = c;
            }
        }
        return bestC;
    }

    /** The same search on exact long sums, for alphas or group sizes beyond the packed bounds. */
    protected static int chooseExact(SearchPlan p, int[] mag, int signBits) {
        CandidateTables tab = p.tables;
        long best = Long.MAX_VALUE;
        int bestC = 0;
        for (int c = 0; c < tab.candidates(); c++) {
            long s = 0;
            long q = 0;
            for (int i = 0; i < mag.length; i++) {
                long e = tab.error(c, mag[i]);
                s += (signBits >> i & 1) != 0 ? -e : e;
                q += e * e;
            }
            long cost = Math.addExact(Math.multiplyExact(p.num, s * s), Math.multiplyExact(p.den, q));
            if (cost < best) {
                best = cost;
                bestC = c;
            }
        }
        return bestC;
    }
}
