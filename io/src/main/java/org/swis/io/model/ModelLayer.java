package org.swis.io.model;

import org.swis.io.WeightKind;
import org.swis.reference.tensor.Layout;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.WeightTensor;

/**
 * One weight tensor of a model converted to the reference's canonical order (filter, kh, kw, channel).
 *
 * @param name    the tensor's name in its file
 * @param kind    conv, depthwise or linear
 * @param shape   the shape as stored in the file
 * @param layout  the file's axis order
 * @param weights float weights (for int8 input: the dequantized values q * scale)
 * @param int8    the int8 weights with their scales taken as they are, or null for float input
 */
public record ModelLayer(String name, WeightKind kind, int[] shape, Layout layout, WeightTensor weights,
                         QuantizedTensor int8) {
    public ModelLayer {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }
}
