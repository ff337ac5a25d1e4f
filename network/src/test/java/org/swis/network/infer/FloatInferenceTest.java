package org.swis.network.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.swis.io.graph.Graph;
import org.swis.io.graph.NetworkModel;
import org.swis.reference.SwisInputException;

class FloatInferenceTest {
    /**
     * Float32 tensors against the all-double interpreter: one float32 rounding per stored value, so the
     * logits differ by a few float32 ulps of the activations, far below this bound.
     */
    private static final double TOLERANCE = 1e-4;

    private static void assertClose(double[] expected, float[] actual, double tol) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double scale = Math.max(1, Math.abs(expected[i]));
            assertTrue(Math.abs(expected[i] - actual[i]) <= tol * scale,
                    "logit " + i + ": expected " + expected[i] + " got " + actual[i]);
        }
    }

    @Test
    void smallNetworkWithEveryOpEqualsTheDoubleInterpreter() {
        for (long seed = 1; seed <= 5; seed++) {
            NetworkModel m = SmallNetworks.random(seed);
            FloatInference f = new FloatInference(m);
            DoubleNetwork d = new DoubleNetwork(m);
            Random r = new Random(seed * 31);
            for (int i = 0; i < 4; i++) {
                float[] x = SmallNetworks.input(r);
                assertClose(d.logits(x), f.logits(x), 1e-5);
            }
        }
    }

    @Test
    void tensorsHoldEveryNodeOutputInOrder() {
        NetworkModel m = SmallNetworks.random(3);
        Map<String, float[]> t = new FloatInference(m).tensors(SmallNetworks.input(new Random(1)));
        assertEquals(List.of("input", "c1", "dw", "pw", "sp", "add", "sp2", "gap", "flat", "fc"), List.copyOf(t.keySet()));
        assertEquals(5 * 6 * 6, t.get("c1").length);
        // relu6 bounds the first conv; shortcut_pad puts a zero channel in front
        for (float v : t.get("c1")) {
            assertTrue(v >= 0 && v <= 6);
        }
        assertEquals(0f, t.get("sp")[0]);
        assertEquals(t.get("c1")[0], t.get("sp")[1]);
    }

    @Test
    void badShapesAreNamed() {
        NetworkModel m = SmallNetworks.random(1);
        FloatInference f = new FloatInference(m);
        SwisInputException e = assertThrows(SwisInputException.class, () -> f.logits(new float[5]));
        assertTrue(e.getMessage().contains("input[0]"), e.getMessage());
        Graph g = m.graph();
        var nodes = new java.util.ArrayList<>(g.nodes());
        var c1 = (org.swis.io.graph.Node.Conv2d) nodes.get(0);
        nodes.set(0, new org.swis.io.graph.Node.Conv2d(c1.name(), c1.inputs(), c1.output(), new int[] {4, 6, 6},
                c1.weight(), c1.layout(), c1.bias(), c1.stride(), c1.pad(), c1.dilation(), c1.groups(), c1.batchnorm(),
                c1.activation()));
        NetworkModel bad = new NetworkModel(new Graph(g.name(), g.input(), nodes, g.output(), g.labelOutputs(),
                g.labelOffset()), m.weights(), m.int8(), m.aux());
        e = assertThrows(SwisInputException.class, () -> new FloatInference(bad));
        assertTrue(e.getMessage().contains("'c1'") && e.getMessage().contains("[5, 6, 6]"), e.getMessage());
    }

    @Test
    void resnet20EqualsTheDoubleInterpreterOnRealImages() {
        SharedFixtures.Cifar c = SharedFixtures.cifar();
        FloatInference f = new FloatInference(c.model());
        DoubleNetwork d = new DoubleNetwork(c.model());
        for (int i = 0; i < 3; i++) {
            assertClose(d.logits(c.images().get(i)), f.logits(c.images().get(i)), TOLERANCE);
        }
    }

    @Test
    void resnet20Top1OnLosslessImagesIsConsistentWithTheCheckpoint() {
        SharedFixtures.Cifar c = SharedFixtures.cifar();
        FloatInference f = new FloatInference(c.model());
        int n = 50;
        int correct = 0;
        for (int i = 0; i < n; i++) {
            if (Predictions.classOf(f.logits(c.images().get(i)), 0) == c.labels()[i]) {
                correct++;
            }
        }
        // the checkpoint's published top-1 is 91.78 %; on 50 images anything below 80 % means a wrong network
        assertTrue(correct >= 40, correct + " of " + n + " correct");
    }

    @Test
    void classOfIsArgmaxMinusOffsetWithTiesToTheLowestIndex() {
        assertEquals(2, Predictions.classOf(new float[] {0, 1, 3, 3, -1}, 0));
        assertEquals(1, Predictions.classOf(new float[] {0, 1, 3, 3, -1}, 1));
        assertEquals(1, Predictions.classOf(new float[] {Float.NaN, -5}, 0));
        assertEquals(-1, Predictions.classOf(new float[] {7}, 1));
    }
}
