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
            long[] histogram = new long[QuantizedTensor.MAX_MAGNITUDE + 1];
            for (int i = 0; i < t.size(); i++) {
                histogram[t.magnitude(i)]++;
            }
            lo = minSseWindow(histogram, n);
        }
        int[] out = new int[t.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = truncate(t.magnitude(i), lo, n);
        }
        return new Result(lo, n, t.withMagnitudes(out));
    }

    /**
     * The {@link WindowRule#MIN_SSE} window of a layer from its magnitude histogram
     * ({@code histogram[u]} = number of weights of magnitude u): the lo in 0..8-N of least
     * sum over weights of (u - truncate(u, lo, N))^2, ties to the smaller lo.
     */
    public static int minSseWindow(long[] histogram, int n) {
        SwisInputException.requireRange("N", n, 1, 8);
        int lo = 0;
        long best = Long.MAX_VALUE;
        for (int candidate = 0; candidate + n <= 8; candidate++) {
            long sse = 0;
            for (int u = 0; u < histogram.length; u++) {
                long e = u - truncate(u, candidate, n);
                sse += histogram[u] * e * e;
            }
            if (sse < best) {
                best = sse;
                lo = candidate;
            }
        }
        return lo;
    }
}
