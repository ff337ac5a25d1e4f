package org.swis.reference.swis;

import org.swis.reference.SwisInputException;

/**
 * The exhaustive per-group search of SWIS and SWIS-C (paper §4.1.1, Eq. 5-6, 11-12; SPEC §3).
 *
 * <p>For every candidate support vector, in the order of {@link SupportVector#candidates}: round
 * each magnitude to the nearest representable value (ties to the smaller), score the group with
 * {@link MsePlusPlus}, keep the first candidate of lowest cost. Signs are kept as given.
 */
public final class GroupDecomposer {
    private GroupDecomposer() {
    }

    /** A group's chosen code and its scaled MSE++ cost. */
    public record Choice(GroupCode code, long cost) {
    }

    /**
     * @param magnitude the M magnitudes (0..255); zero for padded slots
     * @param negative  the M sign bits
     */
    public static Choice decompose(int[] magnitude, boolean[] negative, int n, Scheme scheme, Alpha alpha) {
        SwisInputException.requireRange("N", n, 1, SupportVector.POSITIONS);
        if (scheme == null) {
            throw new SwisInputException("scheme", null, "swis or swis-c");
        }
        if (alpha == null) {
            throw new SwisInputException("alpha", null, "a non-negative rational");
        }
        int m = magnitude.length;
        if (negative.length != m) {
            throw new SwisInputException("negative.length", negative.length, "M = " + m);
        }
        int signBits = 0;
        for (int i = 0; i < m; i++) {
            SwisInputException.requireRange("magnitude[" + i + "]", magnitude[i], 0, 255);
            if (negative[i]) {
                signBits |= 1 << i;
            }
        }
        Choice best = null;
        for (SupportVector s : SupportVector.candidates(scheme, n)) {
            int[] masks = new int[m];
            for (int i = 0; i < m; i++) {
                masks[i] = s.nearestCode(magnitude[i]);
            }
            long cost = cost(magnitude, negative, s, masks, alpha);
            if (best == null || cost < best.cost()) {
                best = new Choice(new GroupCode(s, signBits, masks), cost);
            }
        }
        return best;
    }

    /**
     * The scaled MSE++ cost (Eq. 11-12, {@link MsePlusPlus#scaledCost}) of coding a group's magnitudes
     * with {@code masks} on support {@code s}: signed error e_i = sign_i * (u_i - s.value(mask_i)).
     */
    public static long cost(int[] magnitude, boolean[] negative, SupportVector s, int[] masks, Alpha alpha) {
        long signed = 0;
        long squared = 0;
        for (int i = 0; i < magnitude.length; i++) {
            long e = magnitude[i] - s.value(masks[i]);
            if (negative[i]) {
                e = -e;
            }
            signed += e;
            squared += e * e;
        }
        return MsePlusPlus.scaledCost(signed, squared, alpha);
    }
}
