package org.swis.io.dataset;

/**
 * Resizing with PIL's {@code Image.resize(size, BILINEAR)} rule for 8-bit images (SPEC §12.5): a
 * separable triangle filter whose support widens with the downscaling factor (antialiasing), weights
 * normalised per output pixel and rounded to 22-bit fixed point, a horizontal pass first whose
 * result is rounded and clamped to 8 bits, then a vertical pass on that result. A pass whose size
 * does not change is skipped.
 */
public final class PilBilinear {
    /** Fixed-point fraction bits of the weights (32 − 8 − 2). */
    static final int PRECISION_BITS = 22;

    private PilBilinear() {
    }

    /** Resizes {@code img} to {@code outH x outW}. */
    public static RgbImage resize(RgbImage img, int outH, int outW) {
        RgbImage r = img;
        if (outW != r.w()) {
            r = pass(r, outW, true);
        }
        if (outH != r.h()) {
            r = pass(r, outH, false);
        }
        return r;
    }

    /** One pass along x ({@code horizontal}) or y. */
    private static RgbImage pass(RgbImage in, int outSize, boolean horizontal) {
        int inSize = horizontal ? in.w() : in.h();
        int[][] bounds = new int[outSize][];
        int[][] weights = coefficients(inSize, outSize, bounds);
        int h = horizontal ? in.h() : outSize;
        int w = horizontal ? outSize : in.w();
        int[] out = new int[h * w * 3];
        int half = 1 << (PRECISION_BITS - 1);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int o = horizontal ? x : y;
                int first = bounds[o][0];
                int[] k = weights[o];
                for (int c = 0; c < 3; c++) {
                    long ss = half;
                    for (int i = 0; i < k.length; i++) {
                        int v = horizontal ? in.get(y, first + i, c) : in.get(first + i, x, c);
                        ss += (long) v * k[i];
                    }
                    long q = ss >> PRECISION_BITS;
                    out[(y * w + x) * 3 + c] = (int) Math.max(0, Math.min(255, q));
                }
            }
        }
        return new RgbImage(h, w, out);
    }

    /**
     * The fixed-point weights of every output index along one axis; {@code bounds[o] = {first input index}}.
     * For output o: scale = in/out, filterscale = max(scale, 1), support = filterscale (bilinear support 1),
     * centre = (o + 0.5)·scale, inputs from max(trunc(centre − support + 0.5), 0) to
     * min(trunc(centre + support + 0.5), in) exclusive, weight of input i = max(0, 1 − |(i − centre + 0.5) · (1 / filterscale)|),
     * normalised by their sum, then k = trunc(weight · 2^22 ± 0.5) (away from zero).
     */
    static int[][] coefficients(int inSize, int outSize, int[][] bounds) {
        double scale = (double) inSize / outSize;
        double filterscale = Math.max(scale, 1.0);
        double support = filterscale;
        double ss = 1.0 / filterscale;
        int[][] k = new int[outSize][];
        for (int o = 0; o < outSize; o++) {
            double center = (o + 0.5) * scale;
            int xmin = Math.max((int) (center - support + 0.5), 0);
            int xmax = Math.min((int) (center + support + 0.5), inSize) - xmin;
            double[] wts = new double[xmax];
            double ww = 0;
            for (int i = 0; i < xmax; i++) {
                double t = Math.abs((i + xmin - center + 0.5) * ss);
                double v = t < 1.0 ? 1.0 - t : 0.0;
                wts[i] = v;
                ww += v;
            }
            int[] fixed = new int[xmax];
            for (int i = 0; i < xmax; i++) {
                double v = ww != 0 ? wts[i] / ww : wts[i];
                double s = v * (1 << PRECISION_BITS);
                fixed[i] = (int) (v < 0 ? -0.5 + s : 0.5 + s);
            }
            k[o] = fixed;
            bounds[o] = new int[] {xmin};
        }
        return k;
    }
}
