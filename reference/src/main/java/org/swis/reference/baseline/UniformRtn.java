package org.swis.reference.baseline;

import org.swis.reference.SwisInputException;
import org.swis.reference.swis.GroupLayout;
import org.swis.reference.tensor.WeightTensor;

/**
 * Uniform symmetric round-to-nearest INT-k of the float weights, the equal-bits comparison for SWIS
 * (SPEC §5.2). Levels are -Q..Q with Q = 2^(k-1) - 1; scale = absmax / Q of the scale's block (one
 * filter, or one SWIS group of M weights); q = min(Q, floor(|w| / scale + 0.5)) with the sign of w;
 * an all-zero block has scale 1. Each scale is charged {@link #SCALE_BITS} bits (an fp16 scale).
 */
public final class UniformRtn {
    /** Bits charged per stored scale. */
    public static final int SCALE_BITS = 16;

    private UniformRtn() {
    }

    /** Scale granularity. */
    public enum Granularity { PER_CHANNEL, PER_GROUP }

    /**
     * @param reconstruction dequantized weights, canonical order
     * @param bitsPerWeight  k + SCALE_BITS * scales / weights
     */
    public record Result(double[] reconstruction, double bitsPerWeight) {
    }

    /**
     * @param k bits per weight including sign, 2..8
     * @param m group size, used only for {@link Granularity#PER_GROUP}
     */
    public static Result quantize(WeightTensor w, int k, Granularity granularity, int m) {
        SwisInputException.requireRange("k", k, 2, 8);
        if (granularity == null) {
            throw new SwisInputException("granularity", null, "PER_CHANNEL or PER_GROUP");
        }
        int q = (1 << (k - 1)) - 1;
        double[] out = new double[w.size()];
        int per = w.filterSize();
        long scales = 0;
        for (int f = 0; f < w.filters(); f++) {
            if (granularity == Granularity.PER_CHANNEL) {
                int[] block = new int[per];
                for (int i = 0; i < per; i++) {
                    block[i] = f * per + i;
                }
                quantizeBlock(w, block, q, out);
                scales++;
            } else {
                GroupLayout layout = new GroupLayout(m, w.channels(), w.taps());
                for (int g = 0; g < layout.groupsPerFilter(); g++) {
                    int real = layout.realSlots(g);
                    int[] block = new int[real];
                    int r = 0;
                    for (int i = 0; i < m; i++) {
                        int e = layout.element(g, i);
                        if (e != GroupLayout.PAD) {
                            block[r++] = f * per + e;
                        }
                    }
                    quantizeBlock(w, block, q, out);
                    scales++;
                }
            }
        }
        return new Result(out, k + (double) SCALE_BITS * scales / w.size());
    }

    private static void quantizeBlock(WeightTensor w, int[] block, int q, double[] out) {
        double absmax = 0;
        for (int i : block) {
            absmax = Math.max(absmax, Math.abs((double) w.get(i)));
        }
        double scale = scale(absmax, q);
        for (int i : block) {
            out[i] = level(w.get(i), scale, q) * scale;
        }
    }

    /** The scale of a block whose largest |w| is {@code absmax}: absmax / Q, or 1 for an all-zero block. */
    public static double scale(double absmax, int q) {
        return absmax == 0 ? 1.0 : absmax / q;
    }

    /** The signed level of weight {@code v}: sign(v) * min(Q, floor(|v| / scale + 0.5)); the weight is level * scale. */
    public static int level(double v, double scale, int q) {
        int level = (int) Math.min(q, Math.floor(Math.abs(v) / scale + 0.5));
        return v < 0 ? -level : level;
    }
}
