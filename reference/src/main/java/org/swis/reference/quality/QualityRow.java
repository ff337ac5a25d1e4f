package org.swis.reference.quality;

import org.swis.reference.metrics.ErrorMetrics;

/**
 * One (layer or whole model) x (method configuration) result.
 *
 * @param model     model name
 * @param layer     layer name, or {@code *} for the whole model
 * @param kind      conv / depthwise / linear, or {@code *}
 * @param method    int8, swis, swis-c, trunc, rtn-channel, rtn-group
 * @param m         group size (0 when not applicable)
 * @param target    shift target / bits N / k
 * @param schedule  none, ss or ds (SWIS only; "-" otherwise)
 * @param weights   number of weights
 * @param storedBits exact stored bits (stream bits for SWIS; N+1 per weight for truncation; k + scales for RTN; 8 for INT8)
 * @param weightError error of the dequantized weights against the float weights
 * @param outputError error of the layer outputs on the random activations against the float layer
 */
public record QualityRow(String model, String layer, String kind, String method, int m, double target, String schedule,
                         long weights, double storedBits, ErrorMetrics weightError, ErrorMetrics outputError) {

    public double bitsPerWeight() {
        return storedBits / weights;
    }

    /** Key of the configuration, without the layer. */
    String configKey() {
        return method + "|" + m + "|" + target + "|" + schedule;
    }
}
