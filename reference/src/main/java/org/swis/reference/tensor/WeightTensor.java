package org.swis.reference.tensor;

import java.util.Arrays;
import org.swis.reference.SwisInputException;

/**
 * A float weight tensor in the canonical filter-major order {@code [filter][kh][kw][channel]}.
 *
 * <p>{@code filters} is the number of output channels (filters); {@code channels} the number of
 * input channels each filter reads (C_in / groups; 1 for depthwise); {@code kh x kw} the kernel
 * taps. A linear layer is a 1x1 convolution. Immutable: the data array is copied in and out.
 */
public final class WeightTensor {
    private final String name;
    private final int filters;
    private final int channels;
    private final int kh;
    private final int kw;
    private final float[] data;

    /** Builds a tensor already in canonical order; checks sizes and that every value is finite. */
    public WeightTensor(String name, int filters, int channels, int kh, int kw, float[] canonical) {
        this.name = name == null ? "tensor" : name;
        requirePositive("filters", filters);
        requirePositive("channels", channels);
        requirePositive("kh", kh);
        requirePositive("kw", kw);
        long count = (long) filters * channels * kh * kw;
        if (canonical == null || canonical.length != count) {
            throw new SwisInputException(this.name + ".data.length",
                    canonical == null ? null : canonical.length, count + " (= filters*kh*kw*channels)");
        }
        for (int i = 0; i < canonical.length; i++) {
            if (!Float.isFinite(canonical[i])) {
                throw new SwisInputException(this.name + "[" + i + "]", canonical[i], "a finite weight");
            }
        }
        this.filters = filters;
        this.channels = channels;
        this.kh = kh;
        this.kw = kw;
        this.data = canonical.clone();
    }

    private static void requirePositive(String field, int v) {
        if (v < 1) {
            throw new SwisInputException(field, v, "a positive dimension");
        }
    }

    /**
     * Converts a framework tensor to canonical order.
     *
     * @param shape the tensor's shape in the given layout (rank 4, or 2 for OI / IO)
     */
    public static WeightTensor fromLayout(String name, float[] data, int[] shape, Layout layout) {
        if (layout == null) {
            throw new SwisInputException("layout", null, "one of " + Arrays.toString(Layout.values()));
        }
        layout.checkShape(name, shape);
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        if (data == null || data.length != count) {
            throw new SwisInputException(name + ".data.length", data == null ? null : data.length,
                    count + " elements for shape " + Arrays.toString(shape));
        }
        FilterShape dims = layout.canonicalDims(shape);
        int o = dims.filters();
        int c = dims.channels();
        int h = dims.kh();
        int w = dims.kw();
        long[] s = layout.sourceStrides(shape);
        float[] out = new float[data.length];
        int k = 0;
        for (int f = 0; f < o; f++)
            for (int y = 0; y < h; y++)
                for (int x = 0; x < w; x++)
                    for (int ch = 0; ch < c; ch++)
                        out[k++] = data[(int) (f * s[0] + y * s[1] + x * s[2] + ch * s[3])];
        return new WeightTensor(name, o, c, h, w, out);
    }

    public String name() {
        return name;
    }

    /** Number of filters (output channels). */
    public int filters() {
        return filters;
    }

    /** Input channels per filter (1 for depthwise). */
    public int channels() {
        return channels;
    }

    public int kh() {
        return kh;
    }

    public int kw() {
        return kw;
    }

    /** Kernel taps per filter, kh * kw. */
    public int taps() {
        return kh * kw;
    }

    /** Weights per filter, taps * channels. */
    public int filterSize() {
        return kh * kw * channels;
    }

    /** Total number of weights. */
    public int size() {
        return data.length;
    }

    /** Weight at canonical index {@code (filter * taps + tap) * channels + channel}. */
    public float get(int index) {
        return data[index];
    }

    /** A copy of the data in canonical order. */
    public float[] toArray() {
        return data.clone();
    }
}
