package org.swis.kernels.scalar;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.swis.reference.swis.Scheme;
import org.swis.reference.swis.SupportVector;

/**
 * Per (scheme, N) lookup tables of the exhaustive search (paper §4.1.1): for every candidate support
 * vector c, in the reference's tie-breaking order, and every magnitude v in 0..255, the mask code of
 * the nearest representable value (ties to the smaller) and the rounding error {@code v - value}.
 * Built once from {@link SupportVector#nearestCode} itself, so the codes are the reference's by
 * construction. Immutable and shared.
 */
public final class CandidateTables {
    /** Magnitudes 0..255. */
    public static final int MAGNITUDES = 256;
    private static final ConcurrentHashMap<Integer, CandidateTables> CACHE = new ConcurrentHashMap<>();

    private final int n;
    private final int candidates;
    private final byte[] supportBits;
    private final byte[] code;
    private final int[] error;
    private final int maxError;

    private CandidateTables(Scheme scheme, int n) {
        List<SupportVector> list = SupportVector.candidates(scheme, n);
        this.n = n;
        this.candidates = list.size();
        this.supportBits = new byte[candidates];
        this.code = new byte[candidates * MAGNITUDES];
        this.error = new int[candidates * MAGNITUDES];
        int max = 0;
        for (int c = 0; c < candidates; c++) {
            SupportVector s = list.get(c);
            supportBits[c] = (byte) s.bits();
            for (int v = 0; v < MAGNITUDES; v++) {
                int k = s.nearestCode(v);
                code[c * MAGNITUDES + v] = (byte) k;
                int e = v - s.value(k);
                error[c * MAGNITUDES + v] = e;
                max = Math.max(max, Math.abs(e));
            }
        }
        this.maxError = max;
    }

    /** Shared tables for a scheme and shift count. */
    public static CandidateTables of(Scheme scheme, int n) {
        return CACHE.computeIfAbsent(scheme.ordinal() * 16 + n, k -> new CandidateTables(scheme, n));
    }

    public int n() {
        return n;
    }

    /** Number of candidate support vectors K. */
    public int candidates() {
        return candidates;
    }

    /** Position set of candidate c. */
    public int supportBits(int c) {
        return supportBits[c] & 0xFF;
    }

    /** Mask code of magnitude v under candidate c. */
    public int code(int c, int v) {
        return code[c * MAGNITUDES + v] & 0xFF;
    }

    /** Rounding error {@code v - value(code(c, v))}. */
    public int error(int c, int v) {
        return error[c * MAGNITUDES + v];
    }

    /** Largest |error| over all candidates and magnitudes. */
    public int maxError() {
        return maxError;
    }
}
