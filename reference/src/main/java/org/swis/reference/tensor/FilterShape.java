package org.swis.reference.tensor;

/**
 * The canonical dimensions of a weight tensor (SPEC §1.4): {@code filters} output channels, each
 * reading {@code channels} input channels at {@code kh x kw} taps, stored filter-major as
 * {@code [filter][kh][kw][channel]}.
 */
public record FilterShape(int filters, int channels, int kh, int kw) {
    /** Kernel taps kh * kw. */
    public int taps() {
        return kh * kw;
    }

    /** Weights per filter: kh * kw * channels. */
    public int filterSize() {
        return kh * kw * channels;
    }

    /** Weights in the tensor. */
    public long size() {
        return (long) filters * filterSize();
    }
}
