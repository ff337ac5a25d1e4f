package org.swis.network.infer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.swis.io.graph.Activation;
import org.swis.io.graph.Graph;
import org.swis.io.graph.NetworkModel;
import org.swis.io.graph.Node;
import org.swis.reference.tensor.WeightTensor;

/**
 * A small random network using every node type and option of the graph format: asymmetric pads,
 * unequal strides, dilation, a depthwise conv, bias, BatchNorm, relu6, shortcut_pad, add, pooling,
 * flatten and a linear layer. Input [8, 7, 3].
 */
final class SmallNetworks {
    private SmallNetworks() {
    }

    static NetworkModel random(long seed) {
        Random r = new Random(seed);
        Map<String, WeightTensor> w = new HashMap<>();
        Map<String, float[]> aux = new HashMap<>();
        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node.Conv2d("c1", List.of("input"), "c1", new int[] {5, 6, 6}, "c1.w", "OHWI", "c1.b",
                new int[] {2, 1}, new int[] {1, 2, 0, 1}, new int[] {1, 1}, 1, bn("c1", 6, r, aux), Activation.RELU6));
        w.put("c1", weights("c1", 6, 3, 3, 3, r));
        aux.put("c1.b", vec(6, r, 0.2, 0));
        nodes.add(new Node.Conv2d("dw", List.of("c1"), "dw", new int[] {5, 6, 6}, "dw.w", "OHWI", null,
                new int[] {1, 1}, new int[] {2, 2, 2, 2}, new int[] {2, 2}, 6, bn("dw", 6, r, aux), Activation.RELU));
        w.put("dw", weights("dw", 6, 1, 3, 3, r));
        nodes.add(new Node.Conv2d("pw", List.of("dw"), "pw", new int[] {5, 6, 8}, "pw.w", "OHWI", "pw.b",
                new int[] {1, 1}, new int[] {0, 0, 0, 0}, new int[] {1, 1}, 1, null, Activation.NONE));
        w.put("pw", weights("pw", 8, 6, 1, 1, r));
        aux.put("pw.b", vec(8, r, 0.2, 0));
        nodes.add(new Node.ShortcutPad("sp", List.of("c1"), "sp", new int[] {5, 6, 8}, new int[] {1, 1}, new int[] {1, 1}));
        nodes.add(new Node.Add("add", List.of("pw", "sp"), "add", new int[] {5, 6, 8}, Activation.RELU));
        nodes.add(new Node.ShortcutPad("sp2", List.of("add"), "sp2", new int[] {3, 3, 8}, new int[] {2, 2}, new int[] {0, 0}));
        nodes.add(new Node.GlobalAvgPool("gap", List.of("sp2"), "gap", new int[] {1, 1, 8}));
        nodes.add(new Node.Flatten("flat", List.of("gap"), "flat", new int[] {8}));
        nodes.add(new Node.Linear("fc", List.of("flat"), "fc", new int[] {5}, "fc.w", "OI", "fc.b", Activation.NONE));
        w.put("fc", weights("fc", 5, 8, 1, 1, r));
        aux.put("fc.b", vec(5, r, 0.2, 0));
        Graph g = new Graph("small", new Graph.Input("input", 8, 7, 3,
                new Graph.Preprocess(0, 0, 0, 0, 1.0 / 255, new double[3], new double[] {1, 1, 1})), nodes, "fc", 5, 0);
        return new NetworkModel(g, w, Map.of(), aux);
    }

    static float[] input(Random r) {
        float[] x = new float[8 * 7 * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (r.nextGaussian());
        }
        return x;
    }

    private static Node.BatchNorm bn(String name, int n, Random r, Map<String, float[]> aux) {
        aux.put(name + ".gamma", vec(n, r, 0.3, 1));
        aux.put(name + ".beta", vec(n, r, 0.3, 0));
        aux.put(name + ".mean", vec(n, r, 0.3, 0));
        aux.put(name + ".var", vec(n, r, 0.2, 1));
        return new Node.BatchNorm(name + ".gamma", name + ".beta", name + ".mean", name + ".var", 1e-5);
    }

    private static float[] vec(int n, Random r, double spread, double centre) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (centre + spread * (r.nextDouble() * 2 - 1));
        }
        return v;
    }

    private static WeightTensor weights(String name, int filters, int channels, int kh, int kw, Random r) {
        float[] v = new float[filters * channels * kh * kw];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextGaussian() * 0.5);
        }
        return new WeightTensor(name, filters, channels, kh, kw, v);
    }
}
