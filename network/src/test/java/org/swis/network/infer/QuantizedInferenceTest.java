package org.swis.network.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.swis.io.graph.NetworkModel;
import org.swis.kernels.KernelRegistry;
import org.swis.reference.SwisInputException;
import org.swis.reference.layer.LayerWeights;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.Quantizer;
import org.swis.reference.tensor.QuantizerConfig;
import org.swis.reference.tensor.WeightTensor;

class QuantizedInferenceTest {
    /** Per node: the per-tensor int8 weights (SPEC §1.2). */
    private static Map<String, QuantizedTensor> int8(NetworkModel m) {
        Map<String, QuantizedTensor> q = new HashMap<>();
        new FloatInference(m).plan().mac.forEach((name, n) -> q.put(name, Quantizer.quantize(n.weights(), QuantizerConfig.DEFAULT)));
        return q;
    }

    private static double[] scales(QuantizedTensor t) {
        double[] s = new double[t.filters()];
        for (int f = 0; f < s.length; f++) {
            s[f] = t.scale(f);
        }
        return s;
    }

    private static Map<String, IntegerLayer> full8(Map<String, QuantizedTensor> q) {
        Map<String, IntegerLayer> l = new HashMap<>();
        q.forEach((name, t) -> l.put(name, IntegerLayer.of(LayerWeights.full8(t, 4), scales(t))));
        return l;
    }

    private static Map<String, IntegerLayer> swis(Map<String, QuantizedTensor> q, int n) {
        Map<String, IntegerLayer> l = new HashMap<>();
        q.forEach((name, t) -> l.put(name, IntegerLayer.of(
                LayerWeights.of(Decomposer.decompose(t, DecompositionConfig.defaults(), n)), scales(t))));
        return l;
    }

    private static int correct(float[][] logits, int[] labels) {
        int c = 0;
        for (int i = 0; i < logits.length; i++) {
            if (Predictions.classOf(logits[i], 0) == labels[i]) {
                c++;
            }
        }
        return c;
    }

    @Test
    void calibrationFollowsTheStatedRule() {
        Calibration c = Calibration.ofRanges(Map.of("u", 2.55, "s", 1.27, "z", 0.0), Map.of("u", false, "s", true, "z", false));
        assertTrue(c.unsigned("u") && !c.unsigned("s") && c.unsigned("z"));
        assertEquals(2.55 / 255, c.scale("u"));
        assertEquals(1.27 / 127, c.scale("s"));
        assertEquals(1.0, c.scale("z"));
        assertEquals(1, Calibration.quantize(0.5f, 1.0, true), "half rounds away from zero");
        assertEquals(-1, Calibration.quantize(-0.5f, 1.0, false));
        assertEquals(2, Calibration.quantize(2.49f, 1.0, false));
        assertEquals(0, Calibration.quantize(-3f, 1.0, true), "negative clamps to 0 when unsigned");
        assertEquals(255, Calibration.quantize(300f, 1.0, true));
        assertEquals(-127, Calibration.quantize(-300f, 1.0, false), "int8 is symmetric, -127..127");
        assertThrows(SwisInputException.class, () -> c.scale("nope"));
    }

    @Test
    void calibrationIsTheAbsmaxOfEachMacInput() {
        NetworkModel m = SmallNetworks.random(4);
        FloatInference f = new FloatInference(m);
        Random r = new Random(2);
        List<float[]> in = List.of(SmallNetworks.input(r), SmallNetworks.input(r), SmallNetworks.input(r));
        Calibration c = Calibration.of(f, in);
        Map<String, String> inputOf = Map.of("c1", "input", "dw", "c1", "pw", "dw", "fc", "flat");
        for (var e : inputOf.entrySet()) {
            double max = 0;
            boolean neg = false;
            for (float[] x : in) {
                for (float v : f.tensors(x).get(e.getValue())) {
                    max = Math.max(max, Math.abs(v));
                    neg |= v < 0;
                }
            }
            assertEquals(!neg, c.unsigned(e.getKey()), e.getKey());
            assertEquals(max / (neg ? 127 : 255), c.scale(e.getKey()), e.getKey());
        }
        assertTrue(!c.unsigned("c1") && c.unsigned("dw"));
    }

    @Test
    void smallNetworkFull8EqualsSwisN8AndTheHandRequantization() {
        NetworkModel m = SmallNetworks.random(9);
        FloatInference f = new FloatInference(m);
        Random r = new Random(5);
        List<float[]> in = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            in.add(SmallNetworks.input(r));
        }
        Calibration c = Calibration.of(f, in);
        Map<String, QuantizedTensor> q = int8(m);
        float[][] a = new QuantizedInference(m, c, full8(q), false).logits(in);
        float[][] b = new QuantizedInference(m, c, swis(q, 8), false).logits(in);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], "image " + i);
        }
        // the reference kernel gives the same bits as the fastest one
        float[][] ref = new QuantizedInference(m, c, full8(q), false, KernelRegistry.gemm("reference")).logits(in);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], ref[i], "image " + i);
        }
        // the quantized network stays near the float one (8-bit weights and activations)
        for (int i = 0; i < a.length; i++) {
            float[] fl = f.logits(in.get(i));
            for (int k = 0; k < fl.length; k++) {
                assertEquals(fl[k], a[i][k], 0.1 * (1 + Math.abs(fl[k])), "image " + i + " logit " + k);
            }
        }
    }

    @Test
    void oneConvRequantizesByHand() {
        // input [1, 1, 2] -> 1x1 conv, 2 filters, bias, BatchNorm, relu
        org.swis.io.graph.Node conv = new org.swis.io.graph.Node.Conv2d("c", List.of("input"), "c", new int[] {1, 1, 2},
                "w", "OHWI", "b", new int[] {1, 1}, new int[4], new int[] {1, 1}, 1,
                new org.swis.io.graph.Node.BatchNorm("g", "be", "mu", "var", 0.5), org.swis.io.graph.Activation.RELU);
        org.swis.io.graph.Graph g = new org.swis.io.graph.Graph("one", new org.swis.io.graph.Graph.Input("input", 1, 1, 2,
                new org.swis.io.graph.Graph.Preprocess(0, 0, 0, 0, 1, new double[2], new double[] {1, 1})),
                List.of(conv), "c", 2, 0);
        NetworkModel m = new NetworkModel(g, Map.of("c", new WeightTensor("w", 2, 2, 1, 1, new float[] {0.3f, -0.5f, -1.4f, 0.4f})),
                Map.of(), Map.of("b", new float[] {0.25f, 2f}, "g", new float[] {2f, 1f}, "be", new float[] {0.25f, 0f},
                "mu", new float[] {0.125f, 0f}, "var", new float[] {1.5f, 3.5f}));
        // integer weights [3, -5] (scale 0.1) and [-7, 2] (scale 0.2); input scale 0.01, unsigned
        QuantizedTensor t = new QuantizedTensor("w", 2, 2, 1, 1, new int[] {3, 5, 7, 2}, new boolean[] {false, true, true, false},
                new double[] {0.1, 0.2});
        Calibration c = Calibration.ofRanges(Map.of("c", 2.55), Map.of("c", false));
        QuantizedInference qi = new QuantizedInference(m, c, Map.of("c", IntegerLayer.of(LayerWeights.full8(t, 4),
                new double[] {0.1, 0.2})), false);
        float[] y = qi.logits(new float[] {0.5f, 1.234f});
        // q = [50, 123]; acc = [150 - 615, -350 + 246] = [-465, -104]
        double y0 = (0.01 * 0.1) * -465 + 0.25;
        y0 = (y0 - 0.125) / Math.sqrt(1.5 + 0.5) * 2 + 0.25;
        double y1 = (0.01 * 0.2) * -104 + 2;
        y1 = (y1 - 0) / Math.sqrt(3.5 + 0.5) * 1 + 0;
        assertArrayEquals(new float[] {(float) Math.max(y0, 0), (float) Math.max(y1, 0)}, y);
        assertTrue(y[0] == 0 && y[1] > 0, "relu clips filter 0 only");
    }

    @Test
    void missingLayersAndSignedTruncationAreRejectedByName() {
        NetworkModel m = SmallNetworks.random(1);
        FloatInference f = new FloatInference(m);
        Calibration c = Calibration.of(f, List.of(SmallNetworks.input(new Random(1))));
        Map<String, IntegerLayer> layers = new HashMap<>(full8(int8(m)));
        layers.remove("dw");
        SwisInputException e = assertThrows(SwisInputException.class, () -> new QuantizedInference(m, c, layers, false));
        assertTrue(e.getMessage().contains("dw"), e.getMessage());
        Map<String, IntegerLayer> trunc = new HashMap<>(full8(int8(m)));
        IntegerLayer c1 = trunc.get("c1");
        trunc.put("c1", new IntegerLayer(c1.weights(), c1.filterScale(), 4));
        e = assertThrows(SwisInputException.class, () -> new QuantizedInference(m, c, trunc, false));
        assertTrue(e.getMessage().contains("'c1'"), e.getMessage());
    }

    @Test
    void resnet20Int8IsLosslessUnderSwisN8AndIndependentOfBatchingAndThreads() throws Exception {
        SharedFixtures.Cifar data = SharedFixtures.cifar();
        NetworkModel m = data.model();
        FloatInference f = new FloatInference(m);
        Calibration c = Calibration.of(f, data.images().subList(50, 60));
        Map<String, QuantizedTensor> q = int8(m);
        QuantizedInference full = new QuantizedInference(m, c, full8(q), false);
        QuantizedInference n8 = new QuantizedInference(m, c, swis(q, 8), false);
        List<float[]> images = data.images().subList(0, 50);
        float[][] a = full.logits(images);
        float[][] b = n8.logits(images);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], "SWIS N = 8 is lossless: image " + i);
        }
        // batch of 1 and batches of 7
        for (int i = 0; i < 7; i++) {
            assertArrayEquals(a[i], full.logits(images.get(i)), "batch 1, image " + i);
        }
        for (int from = 0; from < 49; from += 7) {
            float[][] part = full.logits(images.subList(from, from + 7));
            for (int i = 0; i < 7; i++) {
                assertArrayEquals(a[from + i], part[i], "batch 7, image " + (from + i));
            }
        }
        // two threads on one instance, concurrently
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<float[][]>> halves = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                List<float[]> part = images.subList(t * 25, t * 25 + 25);
                halves.add(pool.submit(() -> full.logits(part)));
            }
            for (int t = 0; t < 2; t++) {
                float[][] part = halves.get(t).get();
                for (int i = 0; i < 25; i++) {
                    assertArrayEquals(a[t * 25 + i], part[i], "thread " + t + ", image " + (t * 25 + i));
                }
            }
        } finally {
            pool.shutdown();
        }
        // int8 top-1 within a few points of fp32
        float[][] fl = new float[50][];
        for (int i = 0; i < 50; i++) {
            fl[i] = f.logits(images.get(i));
        }
        int floatCorrect = correct(fl, data.labels());
        int intCorrect = correct(a, data.labels());
        assertTrue(intCorrect >= floatCorrect - 3, "int8 " + intCorrect + " vs float " + floatCorrect + " of 50");
    }

    @Test
    void resnet20WeightsOnlyIsTheFloatNetworkOnDequantizedWeights() {
        SharedFixtures.Cifar data = SharedFixtures.cifar();
        NetworkModel m = data.model();
        Map<String, QuantizedTensor> q = int8(m);
        QuantizedInference wo = new QuantizedInference(m, null, full8(q), true);
        // independent statement of weights-only: the float network with w = (float) (scale · q)
        Map<String, WeightTensor> deq = new HashMap<>();
        q.forEach((name, t) -> {
            float[] w = new float[t.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (t.scale(i / t.filterSize()) * t.value(i));
            }
            deq.put(name, new WeightTensor(name, t.filters(), t.channels(), t.kh(), t.kw(), w));
        });
        FloatInference onDeq = new FloatInference(new NetworkModel(m.graph(), deq, Map.of(), m.aux()));
        FloatInference f = new FloatInference(m);
        int agree = 0;
        for (int i = 0; i < 20; i++) {
            float[] x = data.images().get(i);
            float[] y = wo.logits(x);
            assertArrayEquals(onDeq.logits(x), y, "image " + i);
            if (Predictions.classOf(y, 0) == Predictions.classOf(f.logits(x), 0)) {
                agree++;
            }
        }
        assertTrue(agree >= 18, agree + " of 20 predictions agree with fp32");
    }
}
