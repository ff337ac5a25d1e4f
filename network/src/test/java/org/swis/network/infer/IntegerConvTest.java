package org.swis.network.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.swis.io.graph.Activation;
import org.swis.io.graph.NetworkModel;
import org.swis.io.graph.Node;
import org.swis.kernels.GemmKernel;
import org.swis.kernels.KernelRegistry;
import org.swis.reference.SwisInputException;
import org.swis.reference.layer.Conv2d;
import org.swis.reference.layer.Conv2dParams;
import org.swis.reference.layer.LayerWeights;
import org.swis.reference.layer.LinearLayer;
import org.swis.reference.layer.PlainLayers;
import org.swis.reference.mac.AccumulatorWidths;
import org.swis.reference.mac.ActivationType;
import org.swis.reference.mac.MacConfig;
import org.swis.reference.mac.PeMode;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.Quantizer;
import org.swis.reference.tensor.QuantizerConfig;
import org.swis.reference.tensor.WeightTensor;

/**
 * The integer sum of a conv2d / linear node (SPEC §13.3) equals, bit for bit, the reference's
 * bit-serial layer ({@link Conv2d#forward}, {@link LinearLayer#gemm}) and the plain integer layer
 * ({@link PlainLayers}), on random layers and on every layer of the real ResNet-20.
 */
class IntegerConvTest {
    /** A random layer: input h x w x cin, filters x kh x kw, pads [top, bottom, left, right]. */
    private record Case(int h, int w, int cin, int filters, int kh, int kw, int sh, int sw, int[] pad, int dh, int dw,
                        int groups, int m) {
    }

    private static final List<Case> CASES = List.of(
            new Case(6, 5, 5, 3, 3, 3, 1, 1, new int[] {1, 1, 1, 1}, 1, 1, 1, 4),
            new Case(7, 6, 6, 4, 3, 3, 2, 1, new int[] {0, 1, 0, 1}, 1, 1, 1, 4),
            new Case(7, 8, 3, 5, 3, 2, 1, 2, new int[] {2, 0, 1, 3}, 2, 1, 1, 2),
            new Case(5, 5, 9, 7, 1, 1, 1, 1, new int[] {0, 0, 0, 0}, 1, 1, 1, 8),
            new Case(6, 6, 4, 4, 3, 3, 1, 1, new int[] {1, 1, 1, 1}, 1, 1, 4, 4),
            new Case(8, 7, 5, 5, 3, 3, 2, 2, new int[] {0, 1, 0, 1}, 1, 1, 5, 4),
            new Case(7, 7, 3, 3, 3, 3, 1, 1, new int[] {2, 2, 2, 2}, 2, 2, 3, 2),
            new Case(4, 4, 6, 6, 2, 2, 1, 1, new int[] {0, 0, 0, 0}, 1, 1, 2, 2),
            // depthwise wider than one vector (the int loop over channels), and a channel multiplier (long loop)
            new Case(5, 6, 37, 37, 3, 3, 1, 1, new int[] {1, 1, 1, 1}, 1, 1, 37, 4),
            new Case(5, 5, 4, 8, 3, 3, 2, 1, new int[] {1, 0, 0, 1}, 1, 1, 4, 4));

    private static ConvGeometry geometry(Case c) {
        Node.Conv2d node = new Node.Conv2d("l", List.of("in"), "l", null, "w", "OHWI", null, new int[] {c.sh, c.sw},
                c.pad, new int[] {c.dh, c.dw}, c.groups, null, Activation.NONE);
        WeightTensor shape = new WeightTensor("w", c.filters, c.cin / c.groups, c.kh, c.kw,
                new float[c.filters * c.cin / c.groups * c.kh * c.kw]);
        return ConvGeometry.of(node, new Hwc(c.h, c.w, c.cin), shape);
    }

    private static QuantizedTensor randomWeights(Random r, int filters, int channels, int kh, int kw) {
        int n = filters * channels * kh * kw;
        int[] mag = new int[n];
        boolean[] neg = new boolean[n];
        for (int i = 0; i < n; i++) {
            mag[i] = r.nextInt(4) == 0 ? 0 : r.nextInt(256);
            neg[i] = mag[i] > 0 && r.nextBoolean();
        }
        double[] s = new double[filters];
        java.util.Arrays.fill(s, 1.0);
        return new QuantizedTensor("w", filters, channels, kh, kw, mag, neg, s);
    }

    private static List<LayerWeights> weightKinds(QuantizedTensor t, int m) {
        return List.of(LayerWeights.of(Decomposer.decompose(t, DecompositionConfig.defaults().withM(m), 3)),
                LayerWeights.full8(t, m));
    }

    /** HWC batch to explicitly zero-padded NCHW for the reference (which pads symmetrically only). */
    private static int[][][][] paddedNchw(int[] a, int batch, Hwc in, int[] pad) {
        int[][][][] x = new int[batch][in.c()][in.h() + pad[0] + pad[1]][in.w() + pad[2] + pad[3]];
        for (int b = 0; b < batch; b++) {
            for (int y = 0; y < in.h(); y++) {
                for (int xx = 0; xx < in.w(); xx++) {
                    for (int c = 0; c < in.c(); c++) {
                        x[b][c][y + pad[0]][xx + pad[2]] = a[((b * in.h() + y) * in.w() + xx) * in.c() + c];
                    }
                }
            }
        }
        return x;
    }

    /** NCHW-ordered reference outputs [b][f][oy][ox] to HWC [b][oy][ox][f]. */
    private static long[] toHwc(long[] nchw, int batch, Hwc out) {
        long[] y = new long[nchw.length];
        int px = out.h() * out.w();
        for (int b = 0; b < batch; b++) {
            for (int f = 0; f < out.c(); f++) {
                for (int p = 0; p < px; p++) {
                    y[(b * px + p) * out.c() + f] = nchw[(b * out.c() + f) * px + p];
                }
            }
        }
        return y;
    }

    private static int[] truncated(int[] a, int bits) {
        int[] t = a.clone();
        for (int i = 0; i < t.length; i++) {
            t[i] = (t[i] >> (8 - bits)) << (8 - bits);
        }
        return t;
    }

    /** Checks one layer on one batch against the bit-serial reference and the plain layer. */
    private static void check(ConvGeometry g, int[] pad, LayerWeights lw, int[] a, int batch, boolean unsigned,
                              int bits, boolean bitSerial, String what) {
        check(g, pad, lw, a, batch, unsigned, bits, bitSerial, what, KernelRegistry.fastestGemm());
    }

    private static void check(ConvGeometry g, int[] pad, LayerWeights lw, int[] a, int batch, boolean unsigned,
                              int bits, boolean bitSerial, String what, GemmKernel kernel) {
        IntegerConv conv = new IntegerConv(g, new IntegerLayer(lw, new double[lw.filters()], bits), unsigned, kernel, "l");
        long[] got = conv.sums(a, batch);
        int[] used = bits < 8 ? truncated(a, bits) : a;
        int[][][][] x = paddedNchw(used, batch, g.in(), pad);
        Conv2dParams p = new Conv2dParams(g.strideH(), g.strideW(), 0, 0, g.dilationH(), g.dilationW(), g.groups());
        long[] plain = toHwc(PlainLayers.conv2d(lw.decoded(), lw.filters(), lw.channels(), lw.kh(), lw.kw(), x, p),
                batch, g.out());
        assertArrayEquals(plain, got, what + " vs PlainLayers");
        if (bitSerial) {
            ActivationType type = unsigned ? ActivationType.UINT8 : ActivationType.INT8;
            MacConfig mc = bits < 8 ? new MacConfig(PeMode.SS, type, AccumulatorWidths.exact(), bits, false)
                    : MacConfig.of(PeMode.SS, type);
            int[][][][] xr = bits < 8 ? paddedNchw(a, batch, g.in(), pad) : x;
            long[] ref = toHwc(Conv2d.forward(lw, xr, p, mc).outputs(), batch, g.out());
            assertArrayEquals(ref, got, what + " vs Conv2d.forward");
        }
    }

    private static int[] randomActivations(Random r, int n, boolean unsigned) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = unsigned ? r.nextInt(256) : r.nextInt(256) - 128;
        }
        return a;
    }

    @Test
    void randomLayersEqualTheReferenceBitForBit() {
        Random r = new Random(20261201);
        for (Case c : CASES) {
            ConvGeometry g = geometry(c);
            IntegerConv probe = new IntegerConv(g, IntegerLayer.of(LayerWeights.full8(
                    randomWeights(r, c.filters, c.cin / c.groups, c.kh, c.kw), c.m), new double[c.filters]),
                    true, KernelRegistry.fastestGemm(), "l");
            assertEquals(c.groups == 1, probe.usesKernel(), "GEMM path for groups = 1 only");
            assertEquals(c.groups > 1 && c.groups == c.cin && c.groups == c.filters, probe.usesDepthwise(),
                    "int depthwise loop for one channel and one filter per group");
            for (LayerWeights lw : weightKinds(randomWeights(r, c.filters, c.cin / c.groups, c.kh, c.kw), c.m)) {
                for (boolean unsigned : new boolean[] {true, false}) {
                    int batch = 2;
                    int[] a = randomActivations(r, batch * g.in().size(), unsigned);
                    for (GemmKernel k : KernelRegistry.gemm()) {
                        check(g, c.pad, lw, a, batch, unsigned, 8, true, c + " " + lw.kind() + " unsigned=" + unsigned
                                + " kernel " + k.name(), k);
                    }
                }
                if (lw.kind() == LayerWeights.Kind.FULL8) {
                    for (int bits : new int[] {1, 3, 7}) {
                        int[] a = randomActivations(r, g.in().size(), true);
                        check(g, c.pad, lw, a, 1, true, bits, true, c + " activation bits " + bits);
                    }
                }
            }
        }
    }

    @Test
    void quantizingIntoTheLayerFollowsCalibrationQuantize() {
        Random r = new Random(3);
        float[] x = new float[4000];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextGaussian() * 2);
        }
        float[] edges = {Float.NaN, 0f, -0f, 0.005f, 0.015f, -0.005f, 2.545f, 2.555f, 1e30f, -1e30f,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Math.nextDown(0.005f), Math.nextUp(0.005f)};
        System.arraycopy(edges, 0, x, 0, edges.length);
        double scale = 0.01;
        Case c = new Case(1, 1, x.length, 2, 1, 1, 1, 1, new int[4], 1, 1, 1, 4);
        LayerWeights lw = LayerWeights.full8(randomWeights(r, 2, x.length, 1, 1), 4);
        for (int variant = 0; variant < 4; variant++) {
            boolean unsigned = variant != 3;
            int bits = variant == 1 ? 5 : 8;
            ConvGeometry g = variant == 2 ? geometry(new Case(1, 1, x.length, x.length, 1, 1, 1, 1, new int[4], 1, 1,
                    x.length, 4)) : geometry(c);
            LayerWeights w = variant == 2 ? LayerWeights.full8(randomWeights(r, x.length, 1, 1, 1), 4) : lw;
            IntegerConv conv = new IntegerConv(g, new IntegerLayer(w, new double[w.filters()], bits), unsigned,
                    KernelRegistry.fastestGemm(), "l");
            int[] q = new int[conv.paddedSize()];
            conv.fillPads(q, 1);
            conv.quantize(x, scale, q, 0);
            int[] codes = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                codes[i] = Calibration.quantize(x[i], scale, unsigned);
            }
            long[] fromQuantize = new long[g.out().size()];
            conv.sumsOfQuantized(q, 1, fromQuantize, new Scratch(), null);
            assertArrayEquals(conv.sums(codes, 1), fromQuantize, "variant " + variant);
        }
        assertEquals(2, Calibration.quantize(0.375f, 0.25, true), "1.5 rounds half away from zero");
        assertEquals(0, Calibration.quantize(Float.NaN, 0.01, true));
        assertEquals(255, Calibration.quantize(Float.POSITIVE_INFINITY, 0.01, true));
    }

    @Test
    void extremeValuesStayExact() {
        // all-255 weights and activations at the largest |product|: the uint8 offset identity is exact
        Case c = CASES.get(0);
        ConvGeometry g = geometry(c);
        int n = c.filters * c.cin * c.kh * c.kw;
        int[] mag = new int[n];
        boolean[] neg = new boolean[n];
        java.util.Arrays.fill(mag, 255);
        for (int i = 0; i < n; i += 2) {
            neg[i] = true;
        }
        double[] s = new double[c.filters];
        java.util.Arrays.fill(s, 1);
        LayerWeights lw = LayerWeights.full8(new QuantizedTensor("w", c.filters, c.cin, c.kh, c.kw, mag, neg, s), c.m);
        int[] hi = new int[g.in().size()];
        java.util.Arrays.fill(hi, 255);
        check(g, c.pad, lw, hi, 1, true, 8, true, "all 255");
        int[] lo = new int[g.in().size()];
        java.util.Arrays.fill(lo, -128);
        check(g, c.pad, lw, lo, 1, false, 8, true, "all -128");
    }

    @Test
    void linearEqualsTheReferenceGemm() {
        Random r = new Random(7);
        int in = 37;
        int out = 6;
        Node.Linear node = new Node.Linear("fc", List.of("x"), "fc", new int[] {out}, "w", "OI", null, Activation.NONE);
        ConvGeometry g = ConvGeometry.of(node, new Hwc(1, 1, in), new WeightTensor("w", out, in, 1, 1, new float[out * in]));
        for (LayerWeights lw : weightKinds(randomWeights(r, out, in, 1, 1), 4)) {
            for (boolean unsigned : new boolean[] {true, false}) {
                int batch = 3;
                int[] a = randomActivations(r, batch * in, unsigned);
                long[] got = new IntegerConv(g, IntegerLayer.of(lw, new double[out]), unsigned, KernelRegistry.fastestGemm(),
                        "fc").sums(a, batch);
                int[][] x = new int[in][batch];
                for (int b = 0; b < batch; b++) {
                    for (int i = 0; i < in; i++) {
                        x[i][b] = a[b * in + i];
                    }
                }
                long[] ref = LinearLayer.gemm(lw, x, MacConfig.of(PeMode.SS,
                        unsigned ? ActivationType.UINT8 : ActivationType.INT8)).outputs();
                long[] plain = PlainLayers.gemm(lw.decoded(), out, in, x);
                for (int b = 0; b < batch; b++) {
                    for (int o = 0; o < out; o++) {
                        assertEquals(ref[o * batch + b], got[b * out + o], "reference " + lw.kind() + " o=" + o + " b=" + b);
                        assertEquals(plain[o * batch + b], got[b * out + o], "plain");
                    }
                }
            }
        }
    }

    @Test
    void badActivationsAndTruncationOfSignedInputAreRejected() {
        ConvGeometry g = geometry(CASES.get(0));
        LayerWeights lw = LayerWeights.full8(randomWeights(new Random(1), 3, 5, 3, 3), 4);
        IntegerConv u = new IntegerConv(g, IntegerLayer.of(lw, new double[3]), true, KernelRegistry.fastestGemm(), "l");
        int[] a = new int[g.in().size()];
        a[3] = 256;
        SwisInputException e = assertThrows(SwisInputException.class, () -> u.sums(a, 1));
        assertTrue(e.getMessage().contains("activations[3]"), e.getMessage());
        e = assertThrows(SwisInputException.class, () -> new IntegerConv(g, new IntegerLayer(lw, new double[3], 4), false,
                KernelRegistry.fastestGemm(), "conv9"));
        assertTrue(e.getMessage().contains("conv9"), e.getMessage());
    }

    @Test
    void everyResNet20LayerOnRealActivationsEqualsTheReference() {
        SharedFixtures.Cifar c = SharedFixtures.cifar();
        NetworkModel m = c.model();
        FloatInference f = new FloatInference(m);
        Calibration cal = Calibration.of(f, c.images().subList(10, 14));
        List<Map<String, float[]>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(f.tensors(c.images().get(i)));
        }
        int layers = 0;
        for (NetworkPlan.MacNode n : f.plan().mac.values()) {
            String name = n.node().name();
            QuantizedTensor t = Quantizer.quantize(n.weights(), QuantizerConfig.DEFAULT);
            ConvGeometry g = n.geometry();
            boolean unsigned = cal.unsigned(name);
            int[] a = new int[2 * g.in().size()];
            for (int b = 0; b < 2; b++) {
                float[] x = runs.get(b).get(n.input());
                for (int i = 0; i < x.length; i++) {
                    a[b * x.length + i] = Calibration.quantize(x[i], cal.scale(name), unsigned);
                }
            }
            int[] pad = n.node() instanceof Node.Conv2d cv ? cv.pad() : new int[4];
            for (LayerWeights lw : weightKinds(t, 4)) {
                // the bit-serial reference is slow: all layers on image 0, the plain layer on both images
                check(g, pad, lw, java.util.Arrays.copyOf(a, g.in().size()), 1, unsigned, 8, true, name + " " + lw.kind());
                check(g, pad, lw, a, 2, unsigned, 8, false, name + " " + lw.kind() + " batch 2");
            }
            layers++;
        }
        assertEquals(20, layers, "ResNet-20 has 19 conv layers and one linear layer");
        assertTrue(!cal.unsigned("conv1") && cal.unsigned("layer1.0.conv1"), "normalized input signed, post-ReLU unsigned");
    }
}
