package org.swis.reference.swis;

import java.util.Arrays;
import org.swis.reference.SwisInputException;

/**
 * The decomposition of one group (paper Eq. 6): its support vector (the N shared shifts), one sign
 * bit per weight and one N-bit mask code per weight, bit j of a code selecting shift s_j. Weight i
 * is {@code (sign_i ? -1 : 1) * support.value(mask_i)}. Immutable.
 */
public final class GroupCode {
    private final SupportVector support;
    private final int signBits;
    private final int[] masks;

    /**
     * @param support  the group's shifts
     * @param signBits bit i set when weight i is negative
     * @param masks    one N-bit code per weight, length M
     */
    public GroupCode(SupportVector support, int signBits, int[] masks) {
        if (support == null) {
            throw new SwisInputException("support", null, "a support vector");
        }
        if (masks == null || masks.length < 1 || masks.length > 32) {
            throw new SwisInputException("masks.length", masks == null ? null : masks.length, "M in 1..32");
        }
        int limit = 1 << support.n();
        for (int i = 0; i < masks.length; i++) {
            if (masks[i] < 0 || masks[i] >= limit) {
                throw new SwisInputException("masks[" + i + "]", masks[i], "an N-bit code, N = " + support.n());
            }
        }
        if (masks.length < 32 && (signBits >>> masks.length) != 0) {
            throw new SwisInputException("signBits", Integer.toBinaryString(signBits), "at most M = " + masks.length + " bits");
        }
        this.support = support;
        this.signBits = signBits;
        this.masks = masks.clone();
    }

    public SupportVector support() {
        return support;
    }

    /** Group size M. */
    public int m() {
        return masks.length;
    }

    /** Number of shifts N. */
    public int n() {
        return support.n();
    }

    public int signBits() {
        return signBits;
    }

    public boolean negative(int i) {
        return (signBits >> i & 1) != 0;
    }

    /** Mask code of weight i (bit j: uses shift s_j). */
    public int mask(int i) {
        return masks[i];
    }

    /** Mask bit m_i[j]. */
    public boolean maskBit(int i, int j) {
        return (masks[i] >> j & 1) != 0;
    }

    /** Reconstructed magnitude of weight i. */
    public int magnitude(int i) {
        return support.value(masks[i]);
    }

    /** Reconstructed signed integer weight i. */
    public int weight(int i) {
        return negative(i) ? -magnitude(i) : magnitude(i);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupCode g && g.support.equals(support) && g.signBits == signBits
                && Arrays.equals(g.masks, masks);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * support.hashCode() + signBits) + Arrays.hashCode(masks);
    }

    @Override
    public String toString() {
        return "GroupCode{shifts=" + support + ", signs=" + Integer.toBinaryString(signBits)
                + ", masks=" + Arrays.toString(masks) + "}";
    }
}
