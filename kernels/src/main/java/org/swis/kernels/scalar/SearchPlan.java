package org.swis.kernels.scalar;

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
 */
public final class SearchPlan {
    /** Table rows: 256 positive then 256 negative magnitudes. */
    public static final int ROWS = 2 * CandidateTables.MAGNITUDES;

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

    public SearchPlan(CandidateTables tables, int m, Alpha alpha, int lanes) {
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
    }

    /** Number of candidates K. */
    public int candidates() {
        return tables.candidates();
    }
}
