package org.swis.reference.baseline;

import org.swis.reference.SwisInputException;

/**
 * Activation truncation, the Stripes-like bit-serial baseline (paper §5; SPEC §5.3): keep the N most
 * significant bits of an unsigned 8-bit activation, i.e. drop its 8 - N least significant bits
 * ({@code (a >> (8 - N)) << (8 - N)}).
 */
public final class ActivationTruncation {
    private ActivationTruncation() {
    }

    /** Truncates one uint8 activation (0..255) to its N most significant bits. */
    public static int truncate(int activation, int n) {
        SwisInputException.requireRange("activation", activation, 0, 255);
        SwisInputException.requireRange("N", n, 1, 8);
        int drop = 8 - n;
        return (activation >> drop) << drop;
    }

    /** Truncates every activation; returns a new array. */
    public static int[] truncate(int[] activations, int n) {
        int[] out = new int[activations.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = truncate(activations[i], n);
        }
        return out;
    }
}
