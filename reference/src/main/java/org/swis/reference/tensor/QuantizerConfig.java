package org.swis.reference.tensor;

/**
 * How float weights become sign + magnitude integers (SPEC §1).
 *
 * @param granularity one scale per tensor (the paper's layer-wise INT8) or per output channel
 * @param range       the largest magnitude: 127 (the paper's INT8, default) or 255 (full 8-bit magnitude)
 */
public record QuantizerConfig(Granularity granularity, MagnitudeRange range) {

    /** The paper's setting: layer-wise (per-tensor) symmetric INT8, |q| <= 127. */
    public static final QuantizerConfig DEFAULT = new QuantizerConfig(Granularity.PER_TENSOR, MagnitudeRange.INT8);

    public QuantizerConfig {
        if (granularity == null || range == null) {
            throw new org.swis.reference.SwisInputException("quantizer", granularity + "/" + range,
                    "a granularity and a magnitude range");
        }
    }

    /** Scale granularity. */
    public enum Granularity { PER_TENSOR, PER_CHANNEL }

    /** Largest magnitude produced by the quantizer. */
    public enum MagnitudeRange {
        /** |q| <= 127: symmetric INT8 as in the paper's baselines. */
        INT8(127),
        /** |q| <= 255: uses the full 8-bit magnitude of sign-magnitude storage. */
        FULL_8BIT(255);

        private final int max;

        MagnitudeRange(int max) {
            this.max = max;
        }

        public int max() {
            return max;
        }
    }
}
