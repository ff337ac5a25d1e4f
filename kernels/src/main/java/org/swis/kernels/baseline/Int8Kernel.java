package org.swis.kernels.baseline;

import org.swis.kernels.Kernel;

/**
 * An int8 x int8 GEMV/GEMM yardstick, {@code y[b*rows + r] = sum_k W[r][k] * x[b*K + k]}, exact in
 * int. Not a SWIS kernel: every table divides by the best of these measured in the same run.
 */
public interface Int8Kernel extends Kernel {
    void gemv(Int8Matrix w, byte[] x, int[] y);

    void gemm(Int8Matrix w, byte[] x, int batch, int[] y);

    /**
     * The same product with the activations already widened to {@code int} in canonical column order, as
     * {@link org.swis.kernels.GemmKernel#gemmInts} takes them (vector b at {@code x[xOffset + b * K ..]}, values
     * −128..127, outputs at {@code y[yOffset + b * rows + r]}), so a SWIS kernel's int path can be compared
     * with an int8 kernel's on the same operands. The default narrows to bytes and calls {@link #gemm}.
     */
    default void gemmInts(Int8Matrix w, int[] x, int xOffset, int batch, int[] y, int yOffset) {
        org.swis.kernels.MatrixChecks.requireSlices(w.rows(), w.columns(), x, xOffset, batch, y, yOffset);
        int k = w.columns();
        byte[] b = org.swis.kernels.MatrixChecks.int8Operands(x, xOffset, batch * k);
        int[] out = new int[batch * w.rows()];
        gemm(w, b, batch, out);
        System.arraycopy(out, 0, y, yOffset, out.length);
    }

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
