package org.swis.reference.layer;

import org.swis.reference.SwisInputException;

/**
 * The plain integer layers the bit-serial layers must equal: ordinary multiply-accumulate in
 * {@code long} on signed integer weights, written independently of the PE (direct loops, no groups).
 */
public final class PlainLayers {
    private PlainLayers() {
    }

    /**
     * {@code y[o][b] = sum_i w[o * in + i] * x[i][b]}.
     *
     * @param weights row-major {@code [out][in]}
     */
    public static long[] gemm(int[] weights, int out, int in, int[][] x) {
        int batch = requireMatrix(x, in);
        if (weights == null || weights.length != out * in) {
            throw new SwisInputException("weights.length", weights == null ? null : weights.length, out + " x " + in);
        }
        long[] y = new long[out * batch];
        for (int o = 0; o < out; o++) {
            for (int b = 0; b < batch; b++) {
                long s = 0;
                for (int i = 0; i < in; i++) {
                    s += (long) weights[o * in + i] * x[i][b];
                }
                y[o * batch + b] = s;
            }
        }
        return y;
    }

    /**
     * Direct convolution with zero padding, output {@code [N][filters][OH][OW]} flattened.
     *
     * @param canonical weights {@code [filter][kh][kw][channel]}, channels = C_in / groups
     */
    public static long[] conv2d(int[] canonical, int filters, int channels, int kh, int kw,
                                int[][][][] x, Conv2dParams p) {
        int[] d = requireNchw(x, channels * p.groups(), filters, p.groups());
        if (canonical == null || canonical.length != filters * kh * kw * channels) {
            throw new SwisInputException("weights.length", canonical == null ? null : canonical.length,
                    "filters*kh*kw*channels = " + filters * kh * kw * channels);
        }
        int oh = p.outH(d[2], kh);
        int ow = p.outW(d[3], kw);
        int perGroup = filters / p.groups();
        long[] y = new long[d[0] * filters * oh * ow];
        for (int b = 0; b < d[0]; b++) {
            for (int f = 0; f < filters; f++) {
                int cg = f / perGroup;
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        long s = 0;
                        for (int ch = 0; ch < channels; ch++) {
                            for (int ky = 0; ky < kh; ky++) {
                                for (int kx = 0; kx < kw; kx++) {
                                    int iy = oy * p.strideH() - p.padH() + ky * p.dilationH();
                                    int ix = ox * p.strideW() - p.padW() + kx * p.dilationW();
                                    if (iy < 0 || iy >= d[2] || ix < 0 || ix >= d[3]) {
                                        continue;
                                    }
                                    s += (long) canonical[((f * kh + ky) * kw + kx) * channels + ch]
                                            * x[b][cg * channels + ch][iy][ix];
                                }
                            }
                        }
                        y[((b * filters + f) * oh + oy) * ow + ox] = s;
                    }
                }
            }
        }
        return y;
    }

    /** Checks a rectangular {@code [rows][batch]} matrix; returns batch. */
    static int requireMatrix(int[][] x, int rows) {
        if (x == null || x.length != rows) {
            throw new SwisInputException("activations.rows", x == null ? null : x.length, "in = " + rows);
        }
        int batch = x[0] == null ? 0 : x[0].length;
        if (batch < 1) {
            throw new SwisInputException("activations.batch", batch, "at least 1");
        }
        for (int i = 0; i < rows; i++) {
            if (x[i] == null || x[i].length != batch) {
                throw new SwisInputException("activations[" + i + "].length", x[i] == null ? null : x[i].length,
                        "batch = " + batch);
            }
        }
        return batch;
    }

    /** Checks a rectangular NCHW array with C = cin and filters divisible by groups; returns {N, C, H, W}. */
    static int[] requireNchw(int[][][][] x, int cin, int filters, int groups) {
        if (filters % groups != 0) {
            throw new SwisInputException("groups", groups, "a divisor of filters = " + filters);
        }
        if (x == null || x.length < 1) {
            throw new SwisInputException("activations.N", x == null ? null : x.length, "at least 1");
        }
        if (x[0] == null || x[0].length != cin) {
            throw new SwisInputException("activations.C", x[0] == null ? null : x[0].length, "C_in = " + cin);
        }
        int h = x[0][0].length;
        int w = h == 0 ? 0 : x[0][0][0].length;
        if (h < 1 || w < 1) {
            throw new SwisInputException("activations.HxW", h + "x" + w, "positive");
        }
        for (int b = 0; b < x.length; b++) {
            if (x[b] == null || x[b].length != cin) {
                throw new SwisInputException("activations[" + b + "].C", x[b] == null ? null : x[b].length, "C_in = " + cin);
            }
            for (int c = 0; c < cin; c++) {
                if (x[b][c] == null || x[b][c].length != h) {
                    throw new SwisInputException("activations[" + b + "][" + c + "].H", null, "H = " + h);
                }
                for (int y = 0; y < h; y++) {
                    if (x[b][c][y] == null || x[b][c][y].length != w) {
                        throw new SwisInputException("activations[" + b + "][" + c + "][" + y + "].W", null, "W = " + w);
                    }
                }
            }
        }
        return new int[] {x.length, cin, h, w};
    }
}
