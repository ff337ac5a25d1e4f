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

    /**
     * The same product with the activations already widened to {@code int} in canonical column order: vector b
     * is {@code x[xOffset + b * K .. + K)} (values −128..127, the int8 operands {@link #gemm} takes) and its
     * outputs go to {@code y[yOffset + b * rows + r]}. A caller that builds its operands itself (im2col)
     * writes them here directly into reused buffers, and a kernel that works in int lanes skips its own
     * per-call widening. The default narrows to bytes and calls {@link #gemm}, so every kernel accepts it
     * with the same (exact) result.
     */
    default void gemmInts(PreparedMatrix w, int[] x, int xOffset, int batch, int[] y, int yOffset) {
        MatrixChecks.requireSlices(w, x, xOffset, batch, y, yOffset);
        int k = w.columns();
        byte[] b = MatrixChecks.int8Operands(x, xOffset, batch * k);
        int[] out = new int[batch * w.rows()];
        gemm(w, b, batch, out);
        System.arraycopy(out, 0, y, yOffset, out.length);
    }
}
