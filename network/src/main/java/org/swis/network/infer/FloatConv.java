package org.swis.network.infer;

import java.util.Arrays;

/**
 * A conv2d / linear node in float (SPEC §13.2): each output's sum of float32 products accumulated in
 * IEEE double, in canonical order (ky, kx, channel) with padded taps skipped, then the {@link Epilogue}.
 *
 * <p>The weights are held filter-minor ({@code [group][ky][kx][channel][filter of the group]}, as doubles,
 * which float32 converts to exactly), so the innermost loop adds one product to the running sum of every
 * filter of a conv group: each filter's sum still takes its products one at a time in canonical order, so
 * every output is bit for bit the sum SPEC §13.2 defines, while the independent sums of neighbouring filters
 * run side by side (the loop has no dependence between iterations, and C2 vectorizes it). Depthwise nodes
 * (one channel and one filter per group) run with the group as the minor index instead. Immutable.
 */
final class FloatConv {
    private final ConvGeometry g;
    /** Weights filter-minor: {@code [group][ky][kx][channel][filter]}, or {@code [ky][kx][filter]} when depthwise. */
    private final double[] w;
    private final boolean depthwise;

    /**
     * @param g the node's geometry
     * @param canonical weights, canonical {@code [filter][kh][kw][channel]}
     */
    FloatConv(ConvGeometry g, float[] canonical) {
        this.g = g;
        int per = g.perGroup();
        int ch = g.channels();
        int taps = g.kh() * g.kw();
        depthwise = per == 1 && ch == 1;
        w = new double[canonical.length];
        for (int f = 0; f < g.filters(); f++) {
            int cg = f / per;
            int fi = f % per;
            for (int t = 0; t < taps; t++) {
                for (int c = 0; c < ch; c++) {
                    int to = depthwise ? t * g.filters() + f : ((cg * taps + t) * ch + c) * per + fi;
                    w[to] = canonical[(f * taps + t) * ch + c];
                }
            }
        }
    }

    /**
     * @param x one image's input, HWC
     * @return the output, HWC
     */
    float[] run(float[] x, Epilogue e) {
        Hwc in = g.in();
        Hwc out = g.out();
        int filters = g.filters();
        int per = depthwise ? filters : g.perGroup();
        int groups = depthwise ? 1 : g.groups();
        int ch = g.channels();
        int taps = g.kh() * g.kw();
        float[] y = new float[out.size()];
        double[] acc = new double[per];
        for (int oy = 0; oy < out.h(); oy++) {
            for (int ox = 0; ox < out.w(); ox++) {
                int yo = (oy * out.w() + ox) * filters;
                for (int cg = 0; cg < groups; cg++) {
                    Arrays.fill(acc, 0);
                    for (int ky = 0; ky < g.kh(); ky++) {
                        int iy = oy * g.strideH() - g.padTop() + ky * g.dilationH();
                        if (iy < 0 || iy >= in.h()) {
                            continue;
                        }
                        for (int kx = 0; kx < g.kw(); kx++) {
                            int ix = ox * g.strideW() - g.padLeft() + kx * g.dilationW();
                            if (ix < 0 || ix >= in.w()) {
                                continue;
                            }
                            int xo = (iy * in.w() + ix) * in.c();
                            int t = ky * g.kw() + kx;
                            if (depthwise) {
                                addProducts(acc, x, xo, w, t * filters, per);
                            } else {
                                xo += cg * ch;
                                int wo = (cg * taps + t) * ch * per;
                                int c = 0;
                                for (; c + 4 <= ch; c += 4) {
                                    addScaled4(acc, x, xo + c, w, wo + c * per, per);
                                }
                                for (; c < ch; c++) {
                                    addScaled(acc, x[xo + c], w, wo + c * per, per);
                                }
                            }
                        }
                    }
                    int f0 = cg * per;
                    for (int fi = 0; fi < per; fi++) {
                        y[yo + f0 + fi] = e.apply(acc[fi], f0 + fi);
                    }
                }
            }
        }
        return y;
    }

    /** {@code acc[i] += x · w[wo + i]} for every i: one more product in each filter's canonical sum. */
    private static void addScaled(double[] acc, float x, double[] w, int wo, int n) {
        double xd = x;
        for (int i = 0; i < n; i++) {
            acc[i] += xd * w[wo + i];
        }
    }

    /**
     * Four channels at once, {@link #addScaled} for channels c .. c + 3 in this order: each sum still adds
     * its four products one by one, only the partial sum stays in a register between them.
     */
    private static void addScaled4(double[] acc, float[] x, int xo, double[] w, int wo, int n) {
        double x0 = x[xo];
        double x1 = x[xo + 1];
        double x2 = x[xo + 2];
        double x3 = x[xo + 3];
        int w1 = wo + n;
        int w2 = w1 + n;
        int w3 = w2 + n;
        for (int i = 0; i < n; i++) {
            double s = acc[i];
            s += x0 * w[wo + i];
            s += x1 * w[w1 + i];
            s += x2 * w[w2 + i];
            s += x3 * w[w3 + i];
            acc[i] = s;
        }
    }

    /** {@code acc[i] += x[xo + i] · w[wo + i]}: the depthwise tap, channel i of the pixel for filter i. */
    private static void addProducts(double[] acc, float[] x, int xo, double[] w, int wo, int n) {
        for (int i = 0; i < n; i++) {
            acc[i] += (double) x[xo + i] * w[wo + i];
        }
    }
}
