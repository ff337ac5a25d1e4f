package org.swis.network.infer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.swis.io.graph.NetworkModel;
import org.swis.io.graph.Node;

/**
 * The float32 method (SPEC §13.2): every tensor float32 HWC per image, conv2d / linear sums accumulated
 * in double and rounded once to float32 after bias, BatchNorm and activation. Immutable and
 * thread-safe.
 */
public final class FloatInference {
    private final NetworkPlan plan;
    private final Map<String, FloatConv> convs = new LinkedHashMap<>();

    public FloatInference(NetworkModel m) {
        plan = new NetworkPlan(m);
        for (NetworkPlan.MacNode n : plan.mac.values()) {
            convs.put(n.node().name(), new FloatConv(n.geometry(), n.weights().toArray()));
        }
    }

    /** The logits of one preprocessed image (HWC float32 of the graph's input shape). */
    public float[] logits(float[] input) {
        return tensors(input).get(plan.graph.output()).clone();
    }

    /** Every tensor of the run by name, the input first, then in node order (for calibration). */
    public Map<String, float[]> tensors(float[] input) {
        plan.requireInput(input, 0);
        Map<String, float[]> t = new LinkedHashMap<>();
        t.put(plan.graph.input().tensor(), input.clone());
        for (Node n : plan.graph.nodes()) {
            NetworkPlan.MacNode mn = plan.mac.get(n.name());
            float[] y;
            if (mn != null) {
                y = convs.get(n.name()).run(t.get(mn.input()), mn.epilogue());
            } else {
                List<String> ins = n.inputs();
                Hwc[] shapes = new Hwc[ins.size()];
                for (int i = 0; i < shapes.length; i++) {
                    shapes[i] = plan.shapes.get(ins.get(i));
                }
                y = NonMacOps.run(n, shapes, t.get(ins.get(0)), ins.size() > 1 ? t.get(ins.get(1)) : null);
                if (y == t.get(ins.get(0))) {
                    y = y.clone();
                }
            }
            t.put(n.output(), y);
        }
        return t;
    }

    NetworkPlan plan() {
        return plan;
    }
}
