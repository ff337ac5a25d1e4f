package org.swis.kernels;

/**
 * Contract of a SWIS matrix product with a batch of activation vectors:
 * {@code y[b * rows + r] = sum_k W[r][k] * x[b * K + k]}, exact like {@link GemvKernel}.
 */
public interface GemmKernel extends Kernel {
    /** Builds this kernel's layout of the decomposed weights (offline, once). */
    PreparedMatrix prepare(SwisCodes codes);

    /**
     * @param w     a matrix built by this kernel's {@link #prepare}
     * @param x     {@code batch} activation vectors of K values, vector-major
     * @param batch number of activation vectors, at least 1
     * @param y     receives {@code batch * w.rows()} outputs, vector-major
     */
    void gemm(PreparedMatrix w, byte[] x, int batch, int[] y);
}
