package org.swis.kernels.baseline;

/** Plain loops: {@code s += w * x}, one row at a time. */
public final class Int8Scalar implements Int8Kernel {
    @Override
    public String name() {
        return "int8-scalar";
    }

    @Override
    public String description() {
        return "int8 x int8 plain loop, int accumulation";
    }

    @Override
    public void gemv(Int8Matrix w, byte[] x, int[] y) {
        gemm(w, x, 1, y);
    }

    @Override
    public void gemm(Int8Matrix w, byte[] x, int batch, int[] y) {
        Int8Kernel.check(w, x, batch, y);
        byte[] d = w.data();
        int k = w.columns();
        for (int b = 0; b < batch; b++) {
            for (int r = 0; r < w.rows(); r++) {
                int sum = 0;
                int wo = r * k;
                int xo = b * k;
                for (int i = 0; i < k; i++) {
                    sum += d[wo + i] * x[xo + i];
                }
                y[b * w.rows() + r] = sum;
            }
        }
    }
}
