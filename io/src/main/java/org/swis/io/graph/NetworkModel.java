package org.swis.io.graph;

import java.util.Map;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.WeightTensor;

/**
 * A {@link Graph} bound to its parameters: for every conv2d / linear node (by node name) the
 * weights in the reference's canonical order {@code [filter][kh][kw][channel]} (SPEC §1.4), the
 * given int8 weights where the model folder has them (taken as they are, SPEC §1.3), and the bias
 * and BatchNorm vectors from {@code aux.npz} (by key). Built by the model-folder reader, which
 * checks every key exists and every shape matches the node.
 *
 * @param graph   the graph
 * @param weights float weights per conv / linear node name (for int8 folders: q · scale)
 * @param int8    int8 weights with their per-filter scales per node name; empty for float models
 * @param aux     bias and BatchNorm vectors by key
 */
public record NetworkModel(Graph graph, Map<String, WeightTensor> weights, Map<String, QuantizedTensor> int8,
                           Map<String, float[]> aux) {
    public NetworkModel {
        weights = Map.copyOf(weights);
        int8 = Map.copyOf(int8);
        aux = Map.copyOf(aux);
    }
}
