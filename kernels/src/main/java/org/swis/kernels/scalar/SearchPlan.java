package org.swis.kernels.scalar;

import java.util.concurrent.ConcurrentHashMap;
import org.swis.reference.swis.Alpha;

/**
 * Everything one group search needs for a given (scheme, N, M, alpha): the candidate tables and,
 * when the bounds allow, a packed 32-bit table that sums the signed and the squared error of all M
 * weights in a single add per candidate.
 *
 * <p>Packed entry for (sign, magnitude, candidate): {@code (e << qb) + e*e} with e the signed error
 * (negated for a negative weight). Over a group the sum is {@code (S << qb) + Q} with S the signed
 * error sum (Eq. 11) and Q the squared error sum; it splits back exactly into {@code S = sum >> qb}
 * and {@code Q = sum & (2^qb - 1)} because {@code 0 <= Q < 2^qb}. The packed path is used only when
 * {@code (M*maxErr + 1) * 2^qb} and {@code alpha.num*(M*maxErr)^2 + alpha.den*M*maxErr^2} are both
 * below 2^31; otherwise the search runs on exact {@code long} sums.
 *
 * <p>The 16-bit path (for wide vectors) keeps one short table of signed errors, each clamped to
 * [-E, E] (its square is the capped squared error, so Q follows from the same entries), and |S| clamped to E_S, where den*E^2 and num*E_S^2 exceed an upper bound
 * U on any group's optimal cost. A candidate touched by a clamp has, both clamped and exact, a cost
 * above U, so it can neither win nor tie with the optimum; every other candidate's cost is exact.
 * Used only when the clamped sums and costs fit in 16 bits (at M = 4, N = 4, alpha = 1: E = 68).
 */
public final class SearchPlan {
    /** Table rows: 256 positive then 256 negative magnitudes. */
    public static final int ROWS = 2 * CandidateTables.MAGNITUDES;

    /** Everything a plan is built from; plans are immutable, so equal keys share one plan. */
    private record Key(CandidateTables tables, int m, Alpha alpha, int lanes, int narrowLanes, int maxMagnitude) {
    }

    private static final ConcurrentHashMap<Key, SearchPlan> CACHE = new ConcurrentHashMap<>();

    public final CandidateTables tables;
    public final int m;
    /** alpha numerator and denominator (longs for the exact path). */
    public final long num;
    public final long den;
    /** True when the packed int path is exact for this configuration. */
    public final boolean packed;
    /** Candidates padded to a multiple of the lane count. */
    public final int stride;
    public final int qb;
    public final int qmask;
    /** {@code ROWS * stride} packed entries; row-major, padded lanes 0. */
    public final int[] table;
    /** {@code stride} entries: 0 for real candidates, Integer.MAX_VALUE for padding lanes. */
    public final int[] pad;

    /** True when the clamped 16-bit path is exact for this configuration (see class comment). */
    public final boolean narrow;
    /** Candidates padded to a multiple of the 16-bit lane count. */
    public final int narrowStride;
    /**
     * {@code ROWS * narrowStride}: signed error clamped to [-E, E]; padding E. Its square is the capped
     * squared error, {@code min(e^2, E^2)}, so a kernel may derive Q from these entries alone.
     */
    public final short[] narrowSigned;
    /** Bound on |S| used in the 16-bit cost (0 when alpha = 0). */
    public final short signedClamp;
    /**
     * True when the 16-bit path may rank candidates by one key per lane,
     * {@code (min(cost, 8191) << 3 | chunk) ^ 0x8000}: every group's optimum is below 8191 and there
     * are at most 8 chunks, so the key orders (cost, chunk) exactly for every cost that can win.
     */
    public final boolean narrowKey;

    /**
     * @param lanes       int lanes of the caller's vectors (1 for scalar code)
     * @param narrowLanes short lanes for the 16-bit path, 0 to skip it
     * @param maxMagnitude largest magnitude the tensor holds (255 when unknown)
     */
    public SearchPlan(CandidateTables tables, int m, Alpha alpha, int lanes, int narrowLanes, int maxMagnitude) {
        this.tables = tables;
        this.m = m;
        this.num = alpha.num();
        this.den = alpha.den();
        int k = tables.candidates();
        this.stride = (k + lanes - 1) / lanes * lanes;
        long maxE = tables.maxError();
        long sumSq = m * maxE * maxE;
        int bits = 64 - Long.numberOfLeadingZeros(sumSq);
        long packedMax = (m * maxE + 1) << bits;
        long costMax = num * (m * maxE) * (m * maxE) + den * sumSq;
        this.packed = packedMax <= Integer.MAX_VALUE && costMax <= Integer.MAX_VALUE;
        this.qb = bits;
        this.qmask = (int) ((1L << bits) - 1);
        this.pad = new int[stride];
        for (int c = k; c < stride; c++) {
            pad[c] = Integer.MAX_VALUE;
        }
        if (packed) {
            table = new int[ROWS * stride];
            for (int row = 0; row < ROWS; row++) {
                int v = row & 0xFF;
                boolean negative = row >= CandidateTables.MAGNITUDES;
                for (int c = 0; c < k; c++) {
                    int e = tables.error(c, v);
                    int signed = negative ? -e : e;
                    table[row * stride + c] = (signed << qb) + e * e;
                }
            }
        } else {
            table = null;
        }
        // 16-bit path: U bounds every group's optimal cost (the cost of one fixed candidate c0 can never
        // exceed num*(M*e0)^2 + den*M*e0^2, e0 = c0's largest error); entries are clamped at values
        // whose cost alone exceeds U, so only candidates that cannot win are distorted.
        long u = Long.MAX_VALUE;
        for (int c = 0; c < k; c++) {
            long e0 = 0;
            for (int v = 0; v <= maxMagnitude; v++) {
                e0 = Math.max(e0, Math.abs(tables.error(c, v)));
            }
            u = Math.min(u, num * (m * e0) * (m * e0) + den * m * e0 * e0);
        }
        long t = u + 1;
        long clampE = root(t, den);
        long clampS = num == 0 ? 0 : root(t, num);
        boolean fits = narrowLanes > 0 && m * clampE * clampE <= Short.MAX_VALUE
                && num * clampS * clampS + den * m * clampE * clampE <= Short.MAX_VALUE;
        this.narrow = fits;
        this.narrowStride = fits ? (k + narrowLanes - 1) / narrowLanes * narrowLanes : 0;
        this.signedClamp = (short) clampS;
        this.narrowKey = fits && u < 8191 && narrowStride / narrowLanes <= 8;
        if (fits) {
            narrowSigned = new short[ROWS * narrowStride];
            for (int v = 0; v < CandidateTables.MAGNITUDES; v++) {
                for (int c = 0; c < narrowStride; c++) {
                    long e = c < k ? Math.max(-clampE, Math.min(clampE, tables.error(c, v))) : clampE;
                    narrowSigned[v * narrowStride + c] = (short) e;
                    narrowSigned[(CandidateTables.MAGNITUDES + v) * narrowStride + c] = (short) (c < k ? -e : e);
                }
            }
        } else {
            narrowSigned = null;
        }
    }

    /**
     * The shared plan for these arguments, built on first use (building one costs about 0.5–1 ms, which
     * a per-call build paid serially before the worker threads started; see KERNELS.md §7). The cache
     * holds at most one plan per (scheme, N, M, alpha, lane counts, largest magnitude).
     */
    public static SearchPlan of(CandidateTables tables, int m, Alpha alpha, int lanes, int narrowLanes, int maxMagnitude) {
        return CACHE.computeIfAbsent(new Key(tables, m, alpha, lanes, narrowLanes, maxMagnitude),
                k -> new SearchPlan(k.tables, k.m, k.alpha, k.lanes, k.narrowLanes, k.maxMagnitude));
    }

    /** Smallest r &gt;= 0 with {@code scale * r^2 >= t}. */
    private static long root(long t, long scale) {
        long r = (long) Math.ceil(Math.sqrt((double) t / scale));
        while (r > 0 && scale * (r - 1) * (r - 1) >= t) {
            r--;
        }
        while (scale * r * r < t) {
            r++;
        }
        return r;
    }

    /** Number of candidates K. */
    public int candidates() {
        return tables.candidates();
    }
}
