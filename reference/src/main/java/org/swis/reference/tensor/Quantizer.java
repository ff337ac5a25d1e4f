package org.swis.reference.tensor;

import org.swis.reference.SwisInputException;

/**
 * Symmetric float-to-sign-magnitude quantizer (SPEC §1.2; paper §5: "layer-wise static INT8").
 *
 * <ul>
 *   <li>scale = absmax / Q, where Q is the range's largest magnitude (127 or 255) and absmax is the
 *       largest |w| of the tensor (per tensor) or of the filter (per channel); an all-zero tensor or
 *       filter gets scale 1;</li>
 *   <li>magnitude = min(Q, floor(|w| / scale + 0.5)) in double arithmetic: round half away from zero;</li>
 *   <li>sign = (w &lt; 0) and magnitude &gt; 0; a weight that rounds to 0 is stored as +0.</li>
 * </ul>
 * Every step is a single IEEE operation on the same operands, so the result never depends on
 * evaluation order.
 */
public final class Quantizer {
    private Quantizer() {
    }

    public static QuantizedTensor quantize(WeightTensor w, QuantizerConfig config) {
        if (config == null) {
            throw new SwisInputException("quantizer", null, "a QuantizerConfig");
        }
        int filters = w.filters();
        int per = w.filterSize();
        int q = config.range().max();
        double[] scale = new double[filters];
        if (config.granularity() == QuantizerConfig.Granularity.PER_TENSOR) {
            double absmax = 0;
            for (int i = 0; i < w.size(); i++) {
                absmax = Math.max(absmax, Math.abs((double) w.get(i)));
            }
            java.util.Arrays.fill(scale, scale(absmax, q));
        } else {
            for (int f = 0; f < filters; f++) {
                double absmax = 0;
                for (int i = f * per; i < (f + 1) * per; i++) {
                    absmax = Math.max(absmax, Math.abs((double) w.get(i)));
                }
                scale[f] = scale(absmax, q);
            }
        }
        return quantize(w, scale, config.range());
    }

    /** The scale for a largest magnitude {@code absmax}: absmax / q, or 1 for an all-zero tensor or filter. */
    public static double scale(double absmax, int q) {
        return absmax == 0 ? 1.0 : absmax / q;
    }

    /** The magnitude of weight {@code v}: min(q, floor(|v| / scale + 0.5)). */
    public static int magnitude(double v, double scale, int q) {
        return (int) Math.min(q, Math.floor(Math.abs(v) / scale + 0.5));
    }

    /**
     * Quantizes with given per-filter scales (e.g. scales computed over a larger tensor of which
     * {@code w} is a block of whole filters). {@link #quantize(WeightTensor, QuantizerConfig)} is this
     * method with the scales of the config's granularity.
     */
    public static QuantizedTensor quantize(WeightTensor w, double[] scalePerFilter, QuantizerConfig.MagnitudeRange range) {
        if (scalePerFilter == null || scalePerFilter.length != w.filters()) {
            throw new SwisInputException("scalePerFilter.length", scalePerFilter == null ? null : scalePerFilter.length,
                    "one scale per filter (" + w.filters() + ")");
        }
        int per = w.filterSize();
        int q = range.max();
        int[] mag = new int[w.size()];
        boolean[] neg = new boolean[w.size()];
        for (int i = 0; i < mag.length; i++) {
            double v = w.get(i);
            int m = magnitude(v, scalePerFilter[i / per], q);
            mag[i] = m;
            neg[i] = v < 0 && m > 0;
        }
        return new QuantizedTensor(w.name(), w.filters(), w.channels(), w.kh(), w.kw(), mag, neg, scalePerFilter);
    }
}
