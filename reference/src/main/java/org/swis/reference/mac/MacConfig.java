package org.swis.reference.mac;

import org.swis.reference.SwisInputException;

/**
 * How a layer runs on the PE: SS or DS, the activation type, the register widths, whether the
 * activation-serial truncation baseline is used ({@code activationSerialBits} 1..8 keeps that many
 * activation MSBs, Stripes-like, paper §5; 0 = the SWIS weight-serial PE), and whether the cycle
 * trace of output element 0 is recorded.
 */
public record MacConfig(PeMode mode, ActivationType activationType, AccumulatorWidths widths,
                        int activationSerialBits, boolean trace) {
    public MacConfig {
        if (mode == null) {
            throw new SwisInputException("peMode", null, "SS or DS");
        }
        if (activationType == null) {
            throw new SwisInputException("activationType", null, "uint8 or int8");
        }
        if (widths == null) {
            throw new SwisInputException("widths", null, "AccumulatorWidths");
        }
        SwisInputException.requireRange("activationSerialBits", activationSerialBits, 0, 8);
        if (activationSerialBits > 0 && (activationType != ActivationType.UINT8 || mode != PeMode.SS)) {
            throw new SwisInputException("activationSerialBits", activationSerialBits,
                    "0 unless activations are uint8 and the PE is SS (activation truncation is unsigned, one bit per pass)");
        }
    }

    /** Weight-serial SWIS PE, exact widths, no trace. */
    public static MacConfig of(PeMode mode, ActivationType type) {
        return new MacConfig(mode, type, AccumulatorWidths.exact(), 0, false);
    }

    public MacConfig withWidths(AccumulatorWidths w) {
        return new MacConfig(mode, activationType, w, activationSerialBits, trace);
    }

    public MacConfig withTrace(boolean t) {
        return new MacConfig(mode, activationType, widths, activationSerialBits, t);
    }

    /** True for the activation-serial truncation baseline. */
    public boolean activationSerial() {
        return activationSerialBits > 0;
    }
}
