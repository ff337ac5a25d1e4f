package org.swis.reference.quality;

import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.WeightTensor;

/**
 * One weight tensor of a model, in the reference's canonical order.
 *
 * @param name    the tensor's name in its file
 * @param kind    conv, depthwise or linear
 * @param weights the float weights (for a given int8 tensor: its dequantized values q · scale)
 * @param int8    the int8 weights as given by the model (SPEC §1.3), or null to quantize the float
 *                weights per tensor (SPEC §1.2)
 */
public record NamedLayer(String name, String kind, WeightTensor weights, QuantizedTensor int8) {
    /** A float layer, quantized per tensor by the engine. */
    public NamedLayer(String name, String kind, WeightTensor weights) {
        this(name, kind, weights, null);
    }
}
