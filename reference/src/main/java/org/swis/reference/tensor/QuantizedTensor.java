package org.swis.reference.tensor;

import java.util.Arrays;
import org.swis.reference.SwisInputException;

/**
 * Sign + magnitude integer weights in canonical order {@code [filter][kh][kw][channel]}, with one
 * dequantization scale per filter (all equal for a per-tensor scale). The paper's Eq. 2:
 * {@code w_i = Sign(w_i) * sum_j 2^j * w_i[j]}, magnitude bits j in 0..7. Immutable.
 */
public final class QuantizedTensor {
    /** Largest magnitude any weight may have: 8 magnitude bits (positions 0..7). */
    public static final int MAX_MAGNITUDE = 255;

    private final String name;
    private final int filters;
    private final int channels;
    private final int kh;
    private final int kw;
    private final int[] magnitude;
    private final boolean[] negative;
    private final double[] scale;

    /**
     * @param magnitude canonical-order magnitudes in 0..255
     * @param negative  canonical-order sign bits (true = negative)
     * @param scale     one positive finite scale per filter
     */
    public QuantizedTensor(String name, int filters, int channels, int kh, int kw,
                           int[] magnitude, boolean[] negative, double[] scale) {
        this.name = name == null ? "tensor" : name;
        if (filters < 1 || channels < 1 || kh < 1 || kw < 1) {
            throw new SwisInputException(this.name + ".dims", filters + "x" + channels + "x" + kh + "x" + kw,
                    "positive dimensions");
        }
        long count = (long) filters * channels * kh * kw;
        if (magnitude == null || magnitude.length != count) {
            throw new SwisInputException(this.name + ".magnitude.length",
                    magnitude == null ? null : magnitude.length, String.valueOf(count));
        }
        if (negative == null || negative.length != count) {
            throw new SwisInputException(this.name + ".negative.length",
                    negative == null ? null : negative.length, String.valueOf(count));
        }
        if (scale == null || scale.length != filters) {
            throw new SwisInputException(this.name + ".scale.length", scale == null ? null : scale.length,
                    "one scale per filter (" + filters + ")");
        }
        for (int i = 0; i < magnitude.length; i++) {
            if (magnitude[i] < 0 || magnitude[i] > MAX_MAGNITUDE) {
                throw new SwisInputException(this.name + ".magnitude[" + i + "]", magnitude[i], "0..255");
            }
        }
        for (int f = 0; f < filters; f++) {
            if (!(scale[f] > 0) || !Double.isFinite(scale[f])) {
                throw new SwisInputException(this.name + ".scale[" + f + "]", scale[f], "a positive finite scale");
            }
        }
        this.filters = filters;
        this.channels = channels;
        this.kh = kh;
        this.kw = kw;
        this.magnitude = magnitude.clone();
        this.negative = negative.clone();
        this.scale = scale.clone();
    }

    /**
     * Takes int8 weights as they are: sign = (q &lt; 0), magnitude = |q| (so -128 has magnitude 128).
     *
     * @param q     int8 values in the given layout
     * @param scale one scale for the tensor (length 1) or one per filter
     */
    public static QuantizedTensor fromInt8(String name, byte[] q, int[] shape, Layout layout, double[] scale) {
        if (q == null) {
            throw new SwisInputException(name + ".data", null, "int8 weights");
        }
        float[] asFloat = new float[q.length];
        for (int i = 0; i < q.length; i++) {
            asFloat[i] = q[i];
        }
        WeightTensor t = WeightTensor.fromLayout(name, asFloat, shape, layout);
        int n = t.size();
        int[] mag = new int[n];
        boolean[] neg = new boolean[n];
        for (int i = 0; i < n; i++) {
            int v = (int) t.get(i);
            mag[i] = Math.abs(v);
            neg[i] = v < 0;
        }
        double[] perFilter;
        if (scale != null && scale.length == 1) {
            perFilter = new double[t.filters()];
            Arrays.fill(perFilter, scale[0]);
        } else {
            perFilter = scale;
        }
        return new QuantizedTensor(name, t.filters(), t.channels(), t.kh(), t.kw(), mag, neg, perFilter);
    }

    /** A tensor with the same shape, signs and scales but other magnitudes (e.g. a reconstruction). */
    public QuantizedTensor withMagnitudes(int[] newMagnitudes) {
        return new QuantizedTensor(name, filters, channels, kh, kw, newMagnitudes, negative, scale);
    }

    public String name() {
        return name;
    }

    public int filters() {
        return filters;
    }

    public int channels() {
        return channels;
    }

    public int kh() {
        return kh;
    }

    public int kw() {
        return kw;
    }

    public int taps() {
        return kh * kw;
    }

    public int filterSize() {
        return kh * kw * channels;
    }

    public int size() {
        return magnitude.length;
    }

    public int magnitude(int index) {
        return magnitude[index];
    }

    public boolean negative(int index) {
        return negative[index];
    }

    /** Signed integer value sign * magnitude. */
    public int value(int index) {
        return negative[index] ? -magnitude[index] : magnitude[index];
    }

    public double scale(int filter) {
        return scale[filter];
    }

    /** Dequantized weight sign * magnitude * scale(filter), canonical order. */
    public double[] dequantize() {
        double[] out = new double[magnitude.length];
        int per = filterSize();
        for (int i = 0; i < out.length; i++) {
            out[i] = value(i) * scale[i / per];
        }
        return out;
    }

    /** Copy of the magnitudes, canonical order. */
    public int[] magnitudes() {
        return magnitude.clone();
    }

    /** Copy of the sign bits, canonical order. */
    public boolean[] negatives() {
        return negative.clone();
    }

    /** Largest magnitude in the tensor. */
    public int maxMagnitude() {
        int max = 0;
        for (int m : magnitude) {
            max = Math.max(max, m);
        }
        return max;
    }
}
