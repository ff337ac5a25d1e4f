package org.swis.network.infer;

/**
 * A conv2d / linear node in float (SPEC §13.2): each output's sum of float32 products accumulated in
 * IEEE double, in canonical order (ky, kx, channel) with padded taps skipped, then the {@link Epilogue}.
 */
final class FloatConv {
    private FloatConv() {
    }

    /**
     * @param x one image's input, HWC
     * @param w weights, canonical {@code [filter][kh][kw][channel]}
     * @return the output, HWC
     */
    static float[] run(ConvGeometry g, float[] x, float[] w, Epilogue e) {
        Hwc in = g.in();
        Hwc out = g.out();
        int f0 = g.filters();
        int ch = g.channels();
        int per = g.perGroup();
        float[] y = new float[out.size()];
        for (int oy = 0; oy < out.h(); oy++) {
            for (int ox = 0; ox < out.w(); ox++) {
                int yo = (oy * out.w() + ox) * f0;
                for (int f = 0; f < f0; f++) {
                    int cg = f / per;
                    double s = 0;
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
                            int xo = (iy * in.w() + ix) * in.c() + cg * ch;
                            int wo = ((f * g.kh() + ky) * g.kw() + kx) * ch;
                            for (int c = 0; c < ch; c++) {
                                s += (double) x[xo + c] * (double) w[wo + c];
                            }
                        }
                    }
                    y[yo + f] = e.apply(s, f);
                }
            }
        }
        return y;
    }
}
