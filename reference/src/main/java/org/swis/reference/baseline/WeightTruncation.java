package org.swis.reference.baseline;

import org.swis.reference.SwisInputException;
import org.swis.reference.tensor.QuantizedTensor;

/**
 * Layer-wise weight truncation + clipping (paper §5.1.1, Table 1, Eq. 10; SPEC §5.1): one window of
 * N consecutive magnitude bits [lo, lo + N - 1] for the whole layer. A magnitude u becomes
 * {@code min(floor(u / 2^lo), 2^N - 1) * 2^lo}: bits below the window are dropped (truncation, not
 * rounding) and magnitudes above it saturate to the window's maximum (clipping). Signs are kept.
 */
public final class WeightTruncation {
    private WeightTruncation() {
    }

    /** How the layer's window is placed. */
    public enum WindowRule {
        /**
         * Default: the lo in 0..8-N with the least sum of squared integer errors over the layer
         * (ties to the smaller lo). The strongest truncation baseline: clipping is used exactly when it pays.
         */
        MIN_SSE,
        /** lo = max(0, bitlength(max magnitude) - N): the top N bits of the largest weight, never clips. */
        MAX_ABS
    }

    /** The chosen window and the truncated tensor. */
    public record Result(int lo, int n, QuantizedTensor truncated) {
    }

    /** Truncates one magnitude into window [lo, lo + n - 1]. */
    public static int truncate(int magnitude, int lo, int n) {
        int top = (1 << n) - 1;
        return Math.min(magnitude >> lo, top) << lo;
    }

    public static Result apply(QuantizedTensor t, int n, WindowRule rule) {
        SwisInputException.requireRange("N", n, 1, 8);
        if (rule == null) {
            throw new SwisInputException("windowRule", null, "MIN_SSE or MAX_ABS");
        }
        int lo;
        if (rule == WindowRule.MAX_ABS) {
            int bitLength = 32 - Integer.numberOfLeadingZeros(t.maxMagnitude());
            lo = Math.max(0, bitLength - n);
        } else {
            lo = 0;
            long best = Long.MAX_VALUE;
            for (int candidate = 0; candidate + n <= 8; candidate++) {
                long sse = 0;
                for (int i = 0; i < t.size(); i++) {
                    long e = t.magnitude(i) - truncate(t.magnitude(i), candidate, n);
                    sse += e * e;
                }
                if (sse < best) {
                    best = sse;
                    lo = candidate;
                }
            }
        }
        int[] out = new int[t.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = truncate(t.magnitude(i), lo, n);
        }
        return new Result(lo, n, t.withMagnitudes(out));
    }
}
