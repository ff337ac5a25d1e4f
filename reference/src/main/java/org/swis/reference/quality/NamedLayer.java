package org.swis.reference.quality;

import org.swis.reference.tensor.WeightTensor;

/**
 * One weight tensor of a model, in the reference's canonical order.
 *
 * @param name  the tensor's name in its file
 * @param kind  conv, depthwise or linear
 * @param weights the float weights
 */
public record NamedLayer(String name, String kind, WeightTensor weights) {
}
