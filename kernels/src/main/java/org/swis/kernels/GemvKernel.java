package org.swis.kernels;

/**
 * Contract of a SWIS matrix-vector product: {@code y[r] = sum_k W[r][k] * x[k]} over the decoded
 * SWIS weights {@code W} (paper Eq. 7 summed over a filter's groups) and int8 activations. The
 * result must equal the plain integer product accumulated in {@code long}; kernels return {@code int}
 * and {@link #prepare} rejects matrices whose worst-case sum, 255 * 128 * K, does not fit.
 */
public interface GemvKernel extends Kernel {
    /** Builds this kernel's layout of the decomposed weights (offline, once). */
    PreparedMatrix prepare(SwisCodes codes);

    /**
     * @param w a matrix built by this kernel's {@link #prepare}
     * @param x K activations in canonical column order
     * @param y receives {@code w.rows()} outputs
     */
    void gemv(PreparedMatrix w, byte[] x, int[] y);
}
