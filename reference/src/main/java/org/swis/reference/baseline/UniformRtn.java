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
     * @param reconstruction dequantized weights, canonical order: level * scale of its block
     * @param bitsPerWeight  k + SCALE_BITS * scales / weights
     * @param levels         signed levels -Q..Q, canonical order
     * @param scales         one per block: per filter, or per (filter, group) filter-major
     * @param blockOf        the block (index into {@code scales}) of every weight, canonical order
     */
    public record Result(double[] reconstruction, double bitsPerWeight, int[] levels, double[] scales, int[] blockOf) {
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
        int[] blockOf = blockOf(w.filters(), w.filterSize(), w.channels(), w.taps(), granularity, m);
        int blocks = granularity == Granularity.PER_CHANNEL ? w.filters()
                : w.filters() * new GroupLayout(m, w.channels(), w.taps()).groupsPerFilter();
        double[] absmax = new double[blocks];
        for (int i = 0; i < blockOf.length; i++) {
            absmax[blockOf[i]] = Math.max(absmax[blockOf[i]], Math.abs((double) w.get(i)));
        }
        double[] scales = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            scales[b] = scale(absmax[b], q);
        }
        int[] levels = new int[w.size()];
        double[] out = new double[w.size()];
        for (int i = 0; i < levels.length; i++) {
            double scale = scales[blockOf[i]];
            levels[i] = level(w.get(i), scale, q);
            out[i] = levels[i] * scale;
        }
        return new Result(out, bitsPerWeight(k, blocks, w.size()), levels, scales, blockOf);
    }

    /** Stored bits per weight: k + {@link #SCALE_BITS} * scales / weights. */
    public static double bitsPerWeight(int k, long scales, long weights) {
        return k + (double) SCALE_BITS * scales / weights;
    }

    /**
     * The scale block of every weight, canonical order: its filter ({@code PER_CHANNEL}), or its
     * filter's SWIS group of M ({@code PER_GROUP}, numbered filter-major; padding belongs to no block).
     */
    public static int[] blockOf(int filters, int filterSize, int channels, int taps, Granularity granularity, int m) {
        int[] inFilter = new int[filterSize];
        int perFilter = 1;
        if (granularity == Granularity.PER_GROUP) {
            GroupLayout layout = new GroupLayout(m, channels, taps);
            perFilter = layout.groupsPerFilter();
            for (int g = 0; g < perFilter; g++) {
                for (int i = 0; i < m; i++) {
                    int e = layout.element(g, i);
                    if (e != GroupLayout.PAD) {
                        inFilter[e] = g;
                    }
                }
            }
        }
        int[] blockOf = new int[filters * filterSize];
        for (int i = 0; i < blockOf.length; i++) {
            blockOf[i] = i / filterSize * perFilter + inFilter[i % filterSize];
        }
        return blockOf;
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
