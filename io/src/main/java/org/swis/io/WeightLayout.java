package org.swis.io;

/**
 * Axis order of a weight tensor as stored in a file. The SWIS group (paper Section 3: M consecutive
 * input channels of one filter at one kernel tap) is formed along the input-channel axis, so the
 * importer must know which axis that is.
 */
public enum WeightLayout {
    /** PyTorch convolution: (out, in, kh, kw). */
    OIHW(4, "out, in, kh, kw"),
    /** Keras/TensorFlow convolution: (kh, kw, in, out). */
    HWIO(4, "kh, kw, in, out"),
    /** Keras depthwise convolution: (kh, kw, in_channels, multiplier). */
    HWCM(4, "kh, kw, in_channels, multiplier"),
    /** PyTorch linear: (out, in). */
    OI(2, "out, in"),
    /** Keras dense: (in, out). */
    IO(2, "in, out"),
    /** No known weight layout (e.g. a bias vector or a tensor of unusual rank). */
    UNKNOWN(-1, "unknown");

    private final int rank;
    private final String axes;

    WeightLayout(int rank, String axes) {
        this.rank = rank;
        this.axes = axes;
    }

    /** Number of axes, or -1 for {@link #UNKNOWN}. */
    public int rank() {
        return rank;
    }

    /** Human-readable axis names, e.g. "out, in, kh, kw". */
    public String axes() {
        return axes;
    }
}
