package org.swis.io.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an accepted {@link Graph} promises (GraphReader's Javadoc, GRAPH_FORMAT.md), checked without
 * the reader's code: the input is {@code "input"} [H, W, 3] with a usable preprocessing; nodes come
 * in topological order (each input defined by the input or an earlier node) and define each name
 * once; each node has its op's arity and fields; each stated shape is positive and equals the shape
 * propagated from the input, recomputed in {@code long} so that an {@code int} overflow in the reader
 * shows; the output is a vector of {@code labels.outputs} entries; {@link GraphReader#tensorShapes}
 * lists exactly these tensors with these shapes. A broken promise is an {@link AssertionError}.
 */
final class GraphInvariants {
    private GraphInvariants() {
    }

    static void check(Graph g) {
        Graph.Input in = g.input();
        require(g.name() != null, "graph without a name");
        require("input".equals(in.tensor()), "input tensor " + in.tensor());
        require(in.h() >= 1 && in.w() >= 1 && in.c() == 3, "input shape " + in.h() + "x" + in.w() + "x" + in.c());
        checkPreprocess(in);
        require(!g.nodes().isEmpty(), "graph without nodes");

        Map<String, long[]> shapes = new LinkedHashMap<>();
        shapes.put("input", new long[] {in.h(), in.w(), in.c()});
        for (Node n : g.nodes()) {
            require(n.name() != null && !n.name().isEmpty(), "node without a name");
            require(n.name().equals(n.output()), "node " + n.name() + " writes " + n.output());
            require(!shapes.containsKey(n.output()), "tensor " + n.output() + " defined twice");
            List<long[]> ins = new ArrayList<>();
            for (String t : n.inputs()) {
                long[] s = shapes.get(t);
                require(s != null, "node " + n.name() + " reads " + t + ", not defined before it");
                ins.add(s);
            }
            require(ins.size() == (n instanceof Node.Add ? 2 : 1), "node " + n.name() + " has " + ins.size() + " inputs");
            long[] stated = longs(n.shape());
            for (long d : stated) {
                require(d >= 1, "node " + n.name() + " shape " + Arrays.toString(stated));
            }
            long[] expected = NodeShapes.propagate(n, ins, stated);
            require(Arrays.equals(expected, stated), "node " + n.name() + " states " + Arrays.toString(stated)
                    + ", its inputs give " + Arrays.toString(expected));
            shapes.put(n.output(), stated);
        }

        long[] out = shapes.get(g.output());
        require(out != null, "output " + g.output() + " is not a tensor of the graph");
        require(g.labelOutputs() >= 1 && g.labelOffset() >= 0 && g.labelOffset() < g.labelOutputs(),
                "labels " + g.labelOutputs() + " offset " + g.labelOffset());
        require(Arrays.equals(out, new long[] {g.labelOutputs()}), "output shape " + Arrays.toString(out)
                + " for " + g.labelOutputs() + " labels");

        Map<String, int[]> listed = GraphReader.tensorShapes(g);
        require(listed.keySet().equals(shapes.keySet()), "tensorShapes lists " + listed.keySet());
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            require(Arrays.equals(longs(listed.get(e.getKey())), e.getValue()), "tensorShapes gives "
                    + Arrays.toString(listed.get(e.getKey())) + " for " + e.getKey());
        }
    }

    private static void checkPreprocess(Graph.Input in) {
        Graph.Preprocess p = in.preprocess();
        require(Double.isFinite(p.scale()) && p.scale() > 0, "scale " + p.scale());
        require(p.mean().length == 3 && p.std().length == 3, "mean/std not per channel");
        for (int c = 0; c < 3; c++) {
            require(Double.isFinite(p.mean()[c]), "mean " + p.mean()[c]);
            require(Double.isFinite(p.std()[c]) && p.std()[c] > 0, "std " + p.std()[c]);
        }
        require((p.cropH() == 0) == (p.cropW() == 0) && p.cropH() >= 0 && p.cropW() >= 0, "centre crop "
                + p.cropH() + "x" + p.cropW());
        require((p.resizeH() == 0) == (p.resizeW() == 0) && p.resizeH() >= 0 && p.resizeW() >= 0, "resize "
                + p.resizeH() + "x" + p.resizeW());
        // The last geometric step must produce input.shape.
        if (p.resizeH() > 0) {
            require(p.resizeH() == in.h() && p.resizeW() == in.w(), "resize does not give the input shape");
        } else if (p.cropH() > 0) {
            require(p.cropH() == in.h() && p.cropW() == in.w(), "centre crop does not give the input shape");
        }
    }

    static long[] longs(int[] v) {
        if (v == null) {
            return null;
        }
        long[] l = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            l[i] = v[i];
        }
        return l;
    }

    static void require(boolean ok, String broken) {
        if (!ok) {
            throw new AssertionError("accepted graph breaks a promise: " + broken);
        }
    }
}
