package org.swis.network.infer;

import org.swis.reference.layer.LayerWeights;

/**
 * A conv / linear node's integer weights for quantized inference (SPEC §13).
 *
 * @param weights        the integer weights in the reference's form, canonical order
 * @param filterScale    w_float ≈ filterScale[f] · w_int
 * @param activationBits 8, or 1..7 for activation truncation (SPEC §10.3), which needs uint8 input
 */
public record IntegerLayer(LayerWeights weights, double[] filterScale, int activationBits) {
}
