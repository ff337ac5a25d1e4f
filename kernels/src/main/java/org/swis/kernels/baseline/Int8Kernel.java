package org.swis.kernels.baseline;

import org.swis.kernels.Kernel;

/**
 * An int8 x int8 GEMV/GEMM yardstick, {@code y[b*rows + r] = sum_k W[r][k] * x[b*K + k]}, exact in
 * int. Not a SWIS kernel: every table divides by the best of these measured in the same run.
 */
public interface Int8Kernel extends Kernel {
    void gemv(Int8Matrix w, byte[] x, int[] y);

    void gemm(Int8Matrix w, byte[] x, int batch, int[] y);

    /** Shape checks shared by the implementations. */
    static void check(Int8Matrix w, byte[] x, int batch, int[] y) {
        if (batch < 1 || x == null || x.length != (long) batch * w.columns() || y == null
                || y.length != (long) batch * w.rows()) {
            throw new org.swis.reference.SwisInputException("x/y lengths",
                    (x == null ? null : x.length) + "/" + (y == null ? null : y.length),
                    batch + " * " + w.columns() + " / " + batch + " * " + w.rows());
        }
    }
}
