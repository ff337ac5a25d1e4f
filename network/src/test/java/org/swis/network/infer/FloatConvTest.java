package org.swis.network.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.swis.io.graph.Activation;
import org.swis.io.graph.Node;

/**
 * {@link FloatConv} against SPEC §13.2 written out as one loop per output (each filter's double sum over
 * (ky, kx, channel) in canonical order, padded taps skipped): the filter-minor loops must give the same
 * float32 bits on every output, for plain, strided, padded, dilated, grouped, depthwise and
 * channel-multiplier nodes. The weights mix ±2^30 with ±2^-30 so that any other summation order gives
 * other values (checked: iterating kx backwards fails this test).
 */
class FloatConvTest {

    /** SPEC §13.2 per output, the loop order the rule states. */
    private static float[] perOutput(ConvGeometry g, float[] x, float[] w, Epilogue e) {
        Hwc in = g.in();
        Hwc out = g.out();
        float[] y = new float[out.size()];
        for (int oy = 0; oy < out.h(); oy++) {
            for (int ox = 0; ox < out.w(); ox++) {
                for (int f = 0; f < g.filters(); f++) {
                    int cg = f / g.perGroup();
                    double s = 0;
                    for (int ky = 0; ky < g.kh(); ky++) {
                        for (int kx = 0; kx < g.kw(); kx++) {
                            int iy = oy * g.strideH() - g.padTop() + ky * g.dilationH();
                            int ix = ox * g.strideW() - g.padLeft() + kx * g.dilationW();
                            if (iy < 0 || iy >= in.h() || ix < 0 || ix >= in.w()) {
                                continue;
                            }
                            for (int c = 0; c < g.channels(); c++) {
                                double a = x[(iy * in.w() + ix) * in.c() + cg * g.channels() + c];
                                double b = w[((f * g.kh() + ky) * g.kw() + kx) * g.channels() + c];
                                s = s + a * b;
                            }
                        }
                    }
                    y[(oy * out.w() + ox) * g.filters() + f] = e.apply(s, f);
                }
            }
        }
        return y;
    }

    /** Activations ±0.5, ±1, ±2 (exact, so every product is a weight times a power of two). */
    private static float[] activations(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (r.nextBoolean() ? 1 : -1) * (float) Math.pow(2, r.nextInt(3) - 1);
        }
        return v;
    }

    /**
     * Weights ±2^30 (three in ten) or ±2^-30·(1 + u): a small product is lost when it meets a large partial
     * sum and kept when the large ones have cancelled, so any other summation order changes the result.
     */
    private static float[] cancelling(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            double m = r.nextInt(10) < 3 ? 0x1p30 : 0x1p-30 * (1 + r.nextDouble());
            v[i] = (float) ((r.nextBoolean() ? 1 : -1) * m);
        }
        return v;
    }

    private static void check(ConvGeometry g, long seed) {
        Random r = new Random(seed);
        float[] x = activations(r, g.in().size());
        float[] w = cancelling(r, g.filters() * g.k());
        Epilogue e = new Epilogue(new Node.Linear("t", List.of("x"), "t", null, "w", "OI", null, Activation.NONE),
                g.filters(), Map.of());
        float[] expected = perOutput(g, x, w, e);
        float[] actual = new FloatConv(g, w).run(x, e);
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(actual[i]),
                    g + " output " + i + ": " + expected[i] + " vs " + actual[i]);
        }
    }

    private static ConvGeometry conv(int h, int w, int c, int filters, int k, int stride, int pad, int dil, int groups) {
        int oh = (h + 2 * pad - dil * (k - 1) - 1) / stride + 1;
        int ow = (w + 2 * pad - dil * (k - 1) - 1) / stride + 1;
        return new ConvGeometry(new Hwc(h, w, c), new Hwc(oh, ow, filters), k, k, stride, stride, pad, pad, dil, dil,
                groups, filters, c / groups);
    }

    @Test
    void everyKindOfNodeGivesTheCanonicalSumBitForBit() {
        check(conv(7, 6, 5, 11, 3, 1, 1, 1, 1), 1);       // plain 3x3, odd filter count
        check(conv(9, 9, 16, 32, 3, 2, 1, 1, 1), 2);      // strided
        check(conv(8, 7, 6, 9, 3, 1, 2, 2, 1), 3);        // dilated, wide pad
        check(conv(6, 6, 8, 12, 3, 1, 1, 1, 4), 4);       // grouped: 2 channels, 3 filters per group
        check(conv(10, 9, 24, 24, 3, 2, 1, 1, 24), 5);    // depthwise
        check(conv(5, 5, 6, 12, 3, 1, 1, 1, 6), 6);       // channel multiplier 2 (1 channel, 2 filters per group)
        check(conv(4, 4, 40, 70, 1, 1, 0, 1, 1), 7);      // pointwise
        check(new ConvGeometry(new Hwc(1, 1, 100), new Hwc(1, 1, 10), 1, 1, 1, 1, 0, 0, 1, 1, 1, 10, 100), 8); // linear
    }
}
