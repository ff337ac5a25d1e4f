package org.swis.kernels;

/**
 * A weight matrix in a kernel's own layout, built offline by {@link GemvKernel#prepare}. Rows are
 * filters (output channels), columns the canonical in-filter order {@code (kh, kw, channel)} of
 * {@link org.swis.reference.tensor.QuantizedTensor}, so a convolution is the GEMM of its im2col.
 */
public interface PreparedMatrix {
    /** Name of the kernel that built this layout. */
    String kernel();

    int rows();

    /** Canonical columns K = taps * channels (padding slots excluded). */
    int columns();

    /** Decoded integer weight at (row, canonical column): the layout round trip. */
    int weight(int row, int column);

    /** Bytes the layout occupies (weights plus metadata), for bits-per-weight reports. */
    long bytes();
}
