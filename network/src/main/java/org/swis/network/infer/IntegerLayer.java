package org.swis.network.infer;

import org.swis.reference.SwisInputException;
import org.swis.reference.layer.LayerWeights;

/**
 * A conv2d / linear node's integer weights as the PE consumes them (SPEC §10.3, §13.3).
 *
 * @param weights        group codes in canonical order (SWIS, SWIS-C, weight truncation or full8)
 * @param filterScale    per filter f: {@code w_float ≈ filterScale[f] · w_int}
 * @param activationBits b = 8 for full activations; 1..7 truncates the uint8 input to its b MSBs,
 *                       {@code (a >> (8−b)) << (8−b)} (SPEC §10.3, activation truncation; needs uint8 input)
 */
public record IntegerLayer(LayerWeights weights, double[] filterScale, int activationBits) {
    public IntegerLayer {
        if (weights == null) {
            throw new SwisInputException("weights", null, "layer weights");
        }
        if (filterScale == null || filterScale.length != weights.filters()) {
            throw new SwisInputException("filterScale.length", filterScale == null ? null : filterScale.length,
                    "one scale per filter (" + weights.filters() + ")");
        }
        for (int f = 0; f < filterScale.length; f++) {
            if (!Double.isFinite(filterScale[f])) {
                throw new SwisInputException("filterScale[" + f + "]", filterScale[f], "a finite scale");
            }
        }
        SwisInputException.requireRange("activationBits", activationBits, 1, 8);
        filterScale = filterScale.clone();
    }

    /** Full 8-bit activations. */
    public static IntegerLayer of(LayerWeights weights, double[] filterScale) {
        return new IntegerLayer(weights, filterScale, 8);
    }

    @Override
    public double[] filterScale() {
        return filterScale.clone();
    }
}
