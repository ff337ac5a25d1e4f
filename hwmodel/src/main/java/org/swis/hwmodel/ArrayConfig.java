package org.swis.hwmodel;

import java.util.Locale;

/**
 * Array and buffer parameters (docs/HWMODEL.md §3.1; paper §5). Defaults follow the paper's evaluation: 8x8 array of
 * 4-wide group PEs, 64 KB ifmap, 64 KB filter and 16 KB ofmap SRAM, 8-bit activations and outputs. The clock is
 * not stated by the paper (docs/HWMODEL.md §3.1); {@link #paperDefault()} uses 1 GHz, so absolute frames/s are uncalibrated and
 * only ratios are comparable with Table 4.
 */
public record ArrayConfig(int rows, int cols, int groupSize, long ifmapSramBytes, long filterSramBytes,
                          long ofmapSramBytes, double clockHz, int activationBits, int outputBits,
                          FillDrain fillDrain, DepthwiseMapping depthwiseMapping, SerialSkew serialSkew) {

    /**
     * How operands move between PEs when a vector is held for s &gt; 1 serial steps (the bit-serial third dimension,
     * paper §3.2).
     */
    public enum SerialSkew {
        /**
         * Operand registers advance once every s cycles: the array behaves as a SCALE-Sim OS array whose every cycle
         * is stretched to s cycles, so a fold costs {@code s * (V + R + C - 2)}. This reproduces the paper's Table 4
         * structure F/s = K * k / N (docs/HWMODEL.md §3.2: Table 4's frame rates are one-pass cycles x s).
         */
        FORWARD_AFTER_HOLD,
        /**
         * A PE forwards a vector to its neighbour one cycle after receiving it and keeps its own copy for s cycles
         * (load-enable registers): the fill/drain skew is paid once, {@code V * s + R + C - 2} per fold.
         */
        FORWARD_NEXT_CYCLE
    }

    /** How pipeline fill/drain (systolic skew) is charged per fold. */
    public enum FillDrain {
        /**
         * SCALE-Sim v2 as measured on VGG-16/CIFAR (docs/HWMODEL.md §3.2): each fold costs {@code T + R + C - 2} cycles and the
         * layer total is reported as the index of its last cycle, i.e. minus one.
         */
        SCALESIM_V2,
        /** SCALE-Sim v1 analytic form: {@code 2R + C + T - 2} per fold (outputs drained through the rows). */
        SCALESIM_V1
    }

    /** Mapping of layers whose filters see one input channel each (depthwise), docs/HWMODEL.md §3.1; paper §3.2. */
    public enum DepthwiseMapping {
        /**
         * Each channel is its own sub-convolution on one array column; the M lanes of a group PE hold M consecutive
         * kernel taps of that channel (a 3x3 kernel takes ceil(9/M) vectors). Activations of different channels
         * cannot share an OS row, so only one column per fold is used.
         */
        TAPS_ON_LANES,
        /**
         * Each channel is its own sub-convolution with one input channel; the reduction vector is the channel
         * vector as for dense layers, so one of the M lanes is used ("for the simplicity of scheduling", paper §3.2).
         */
        ONE_LANE
    }

    public ArrayConfig {
        if (rows <= 0 || cols <= 0 || groupSize <= 0) {
            throw new IllegalArgumentException("array rows, cols and group size must be > 0, got " + rows + "x" + cols
                    + " M=" + groupSize);
        }
        if (ifmapSramBytes <= 0 || filterSramBytes <= 0 || ofmapSramBytes <= 0) {
            throw new IllegalArgumentException("SRAM sizes must be > 0");
        }
        if (fillDrain == null || depthwiseMapping == null || serialSkew == null) {
            throw new IllegalArgumentException("fill/drain, depthwise mapping and serial skew must be set");
        }
        if (!(clockHz > 0) || activationBits <= 0 || activationBits > 16 || outputBits <= 0) {
            throw new IllegalArgumentException("clock must be > 0 and bit widths in 1..16");
        }
    }

    /**
     * 8x8, M=4, 64/64/16 KB, 1 GHz, 8-bit activations and outputs, SCALE-Sim v2 fill/drain, depthwise taps on
     * lanes, operands forwarded after their hold.
     */
    public static ArrayConfig paperDefault() {
        return new ArrayConfig(8, 8, 4, 64 * 1024, 64 * 1024, 16 * 1024, 1.0e9, 8, 8, FillDrain.SCALESIM_V2,
                DepthwiseMapping.TAPS_ON_LANES, SerialSkew.FORWARD_AFTER_HOLD);
    }

    public ArrayConfig withArray(int r, int c) {
        return new ArrayConfig(r, c, groupSize, ifmapSramBytes, filterSramBytes, ofmapSramBytes, clockHz,
                activationBits, outputBits, fillDrain, depthwiseMapping, serialSkew);
    }

    public ArrayConfig withGroupSize(int m) {
        return new ArrayConfig(rows, cols, m, ifmapSramBytes, filterSramBytes, ofmapSramBytes, clockHz,
                activationBits, outputBits, fillDrain, depthwiseMapping, serialSkew);
    }

    public ArrayConfig withFillDrain(FillDrain f) {
        return new ArrayConfig(rows, cols, groupSize, ifmapSramBytes, filterSramBytes, ofmapSramBytes, clockHz,
                activationBits, outputBits, f, depthwiseMapping, serialSkew);
    }

    public ArrayConfig withDepthwiseMapping(DepthwiseMapping d) {
        return new ArrayConfig(rows, cols, groupSize, ifmapSramBytes, filterSramBytes, ofmapSramBytes, clockHz,
                activationBits, outputBits, fillDrain, d, serialSkew);
    }

    public ArrayConfig withSerialSkew(SerialSkew k) {
        return new ArrayConfig(rows, cols, groupSize, ifmapSramBytes, filterSramBytes, ofmapSramBytes, clockHz,
                activationBits, outputBits, fillDrain, depthwiseMapping, k);
    }

    public ArrayConfig withClockHz(double hz) {
        return new ArrayConfig(rows, cols, groupSize, ifmapSramBytes, filterSramBytes, ofmapSramBytes, hz,
                activationBits, outputBits, fillDrain, depthwiseMapping, serialSkew);
    }

    public ArrayConfig withBuffers(long ifmap, long filter, long ofmap) {
        return new ArrayConfig(rows, cols, groupSize, ifmap, filter, ofmap, clockHz, activationBits, outputBits,
                fillDrain, depthwiseMapping, serialSkew);
    }

    public String describe() {
        return String.format(Locale.ROOT,
                "%dx%d output-stationary array of %d-wide group PEs; SRAM ifmap %d B, filter %d B, ofmap %d B; "
                        + "clock %.0f MHz (assumed, paper states none); %d-bit activations, %d-bit outputs; "
                        + "fill/drain %s; depthwise mapping %s; serial skew %s",
                rows, cols, groupSize, ifmapSramBytes, filterSramBytes, ofmapSramBytes, clockHz / 1e6,
                activationBits, outputBits, fillDrain, depthwiseMapping, serialSkew);
    }
}
