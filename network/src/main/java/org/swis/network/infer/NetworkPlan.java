package org.swis.network.infer;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.swis.io.graph.Graph;
import org.swis.io.graph.NetworkModel;
import org.swis.io.graph.Node;
import org.swis.reference.SwisInputException;
import org.swis.reference.tensor.WeightTensor;

/**
 * A {@link NetworkModel} checked once and resolved for execution (SPEC §13.1): the shape of every
 * tensor (computed, and compared with each node's informational shape), and for every conv2d / linear
 * node its geometry, float weights and {@link Epilogue}. Immutable; shared by the float and the
 * quantized inference, which differ only in how a MAC node computes its sum.
 */
final class NetworkPlan {
    /** A conv2d or linear node, resolved. */
    record MacNode(Node node, String input, ConvGeometry geometry, WeightTensor weights, Epilogue epilogue) {
    }

    final Graph graph;
    final Hwc inputShape;
    /** Shape of every tensor by name, the input first, then in node order. */
    final Map<String, Hwc> shapes;
    /** The conv2d / linear nodes by name, in node order. */
    final Map<String, MacNode> mac;

    NetworkPlan(NetworkModel model) {
        if (model == null || model.graph() == null) {
            throw new SwisInputException("model", null, "a network model with its graph");
        }
        graph = model.graph();
        Graph.Input in = graph.input();
        inputShape = new Hwc(in.h(), in.w(), in.c());
        if (in.h() < 1 || in.w() < 1 || in.c() < 1) {
            throw new SwisInputException("graph.json input.shape", inputShape, "positive dimensions");
        }
        Map<String, Hwc> s = new LinkedHashMap<>();
        s.put(in.tensor(), inputShape);
        Map<String, MacNode> m = new LinkedHashMap<>();
        for (Node n : graph.nodes()) {
            String where = "graph.json node '" + n.name() + "'";
            int arity = n instanceof Node.Add ? 2 : 1;
            if (n.inputs() == null || n.inputs().size() != arity) {
                throw new SwisInputException(where + " inputs", n.inputs(), arity + " tensor name(s)");
            }
            Hwc[] ins = new Hwc[arity];
            for (int i = 0; i < arity; i++) {
                ins[i] = s.get(n.inputs().get(i));
                if (ins[i] == null) {
                    throw new SwisInputException(where + " inputs[" + i + "]", n.inputs().get(i),
                            "a tensor made by an earlier node (or the input)");
                }
            }
            Hwc out;
            if (n instanceof Node.Conv2d || n instanceof Node.Linear) {
                String key = n instanceof Node.Conv2d c ? c.weight() : ((Node.Linear) n).weight();
                WeightTensor w = model.weights().get(n.name());
                if (w == null) {
                    w = model.weights().get(key);
                }
                if (w == null) {
                    throw new SwisInputException(where + " weight", key, "weights bound to the node by the model");
                }
                ConvGeometry g = ConvGeometry.of(n, ins[0], w);
                out = g.out();
                m.put(n.name(), new MacNode(n, n.inputs().get(0), g, w, new Epilogue(n, g.filters(), model.aux())));
            } else {
                out = NonMacOps.shape(n, ins);
            }
            if (!out.matches(n.shape())) {
                throw new SwisInputException(where + " shape", java.util.Arrays.toString(n.shape()),
                        "the computed output shape " + out);
            }
            if (s.put(n.output(), out) != null) {
                throw new SwisInputException(where + " output", n.output(), "a tensor name not used before");
            }
        }
        if (!s.containsKey(graph.output())) {
            throw new SwisInputException("graph.json output", graph.output(), "the name of a tensor of the graph");
        }
        Hwc logits = s.get(graph.output());
        if (graph.labelOutputs() > 0 && logits.size() != graph.labelOutputs()) {
            throw new SwisInputException("graph.json labels.outputs", graph.labelOutputs(),
                    "the size of the output tensor " + logits);
        }
        shapes = Map.copyOf(s);
        mac = java.util.Collections.unmodifiableMap(m);
    }

    /** Checks one image's input tensor. */
    void requireInput(float[] x, int index) {
        if (x == null || x.length != inputShape.size()) {
            throw new SwisInputException("input[" + index + "]", x == null ? null : x.length + " values",
                    inputShape.size() + " values (HWC " + inputShape + ")");
        }
    }

    /** The last node index that reads each tensor (tensors may be dropped after it). */
    Map<String, Integer> lastUse() {
        Map<String, Integer> last = new HashMap<>();
        List<Node> nodes = graph.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            for (String t : nodes.get(i).inputs()) {
                last.put(t, i);
            }
        }
        last.put(graph.output(), Integer.MAX_VALUE);
        return last;
    }
}
