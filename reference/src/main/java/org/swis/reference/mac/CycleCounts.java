package org.swis.reference.mac;

import org.swis.reference.SwisInputException;
import org.swis.reference.swis.Scheme;

/**
 * Closed-form PE cycle counts (paper §3.1; SPEC §10.4). A group takes ceil(N / k) cycles, k = 1
 * (SS) or 2 (DS); a truncation baseline (weight or activation truncation) takes one pass per kept bit,
 * N_bits cycles. A filter takes the sum over its groups; a layer the sum over filters times the
 * number of output positions (batch x output pixels). These are the cycles of one PE working
 * sequentially; array-level mapping (folds, fill/drain) is the hardware model's business.
 */
public final class CycleCounts {
    private CycleCounts() {
    }

    /** Cycles of one SWIS / SWIS-C group with N shifts: ceil(N / k). */
    public static int perGroup(int n, PeMode mode) {
        SwisInputException.requireRange("N", n, 1, 8);
        int k = mode.shiftsPerCycle();
        return (n + k - 1) / k;
    }

    /** Cycles of one group of a truncation baseline keeping {@code bits} bits: one pass per bit. */
    public static int truncationPasses(int bits) {
        return SwisInputException.requireRange("N_bits", bits, 1, 8);
    }

    /** Cycles of one filter: groups x ceil(N / k). */
    public static long perFilter(int groups, int n, PeMode mode) {
        SwisInputException.requireRange("groups", groups, 1, Integer.MAX_VALUE);
        return (long) groups * perGroup(n, mode);
    }

    /** Cycles of a layer with per-filter N: positions x sum_f groups x ceil(N_f / k). */
    public static long layer(int[] shiftsPerFilter, int groupsPerFilter, PeMode mode, long positions) {
        long perPosition = 0;
        for (int n : shiftsPerFilter) {
            perPosition += perFilter(groupsPerFilter, n, mode);
        }
        return perPosition * positions;
    }

    /** Cycles of a truncation-baseline layer: positions x filters x groups x N_bits. */
    public static long truncationLayer(int filters, int groupsPerFilter, int bits, long positions) {
        return (long) filters * groupsPerFilter * truncationPasses(bits) * positions;
    }

    /**
     * Shift-field fetches per group (§2.2, §3.2): SWIS fetches its N shifts; SWIS-C fetches its offset
     * once and increments it outside the array, so 1 whatever N. Cycle counts are the same for both.
     */
    public static int shiftFetchesPerGroup(Scheme scheme, int n) {
        SwisInputException.requireRange("N", n, 1, 8);
        return scheme == Scheme.SWIS_C ? 1 : n;
    }
}
