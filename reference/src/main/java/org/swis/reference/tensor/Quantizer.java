package org.swis.reference.tensor;

import org.swis.reference.SwisInputException;

/**
 * Symmetric float-to-sign-magnitude quantizer (SPEC §1, notes §1.1: "layer-wise static INT8").
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
            java.util.Arrays.fill(scale, absmax == 0 ? 1.0 : absmax / q);
        } else {
            for (int f = 0; f < filters; f++) {
                double absmax = 0;
                for (int i = f * per; i < (f + 1) * per; i++) {
                    absmax = Math.max(absmax, Math.abs((double) w.get(i)));
                }
                scale[f] = absmax == 0 ? 1.0 : absmax / q;
            }
        }
        int[] mag = new int[w.size()];
        boolean[] neg = new boolean[w.size()];
        for (int i = 0; i < mag.length; i++) {
            double v = w.get(i);
            int m = (int) Math.min(q, Math.floor(Math.abs(v) / scale[i / per] + 0.5));
            mag[i] = m;
            neg[i] = v < 0 && m > 0;
        }
        return new QuantizedTensor(w.name(), filters, w.channels(), w.kh(), w.kw(), mag, neg, scale);
    }
}
