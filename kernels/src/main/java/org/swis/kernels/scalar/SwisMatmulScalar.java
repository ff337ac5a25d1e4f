package org.swis.kernels.scalar;

import org.swis.kernels.GemmKernel;
import org.swis.kernels.GemvKernel;
import org.swis.kernels.MatrixChecks;
import org.swis.kernels.PreparedMatrix;
import org.swis.kernels.SwisCodes;

/**
 * Scalar SWIS GEMV/GEMM on {@link UnitMatrix}: each unit's four magnitudes are rebuilt in one int
 * plane by plane (one mask bit per byte, shifted by {@code s_j}, paper Eq. 6), then multiplied
 * by the activations with the sign applied. Exact in int (see {@link MatrixChecks#requireIntSums}).
 */
public final class SwisMatmulScalar implements GemvKernel, GemmKernel {
    @Override
    public String name() {
        return "swis-scalar";
    }

    @Override
    public String description() {
        return "scalar SWAR decode of 4-weight units (8 bits/weight at M=4, N<=4), int accumulation";
    }

    @Override
    public PreparedMatrix prepare(SwisCodes codes) {
        return UnitMatrix.of(name(), codes);
    }

    @Override
    public void gemv(PreparedMatrix w, byte[] x, int[] y) {
        gemm(w, x, 1, y);
    }

    @Override
    public void gemm(PreparedMatrix w, byte[] x, int batch, int[] y) {
        UnitMatrix um = MatrixChecks.cast(w, UnitMatrix.class, name());
        MatrixChecks.requireShapes(w, x, batch, y);
        int[] a = um.expand(x, batch);
        int u4 = um.unitsPerRow();
        int planes = um.planes();
        int[] dec = new int[4 * u4];
        for (int r = 0; r < um.rows(); r++) {
            decodeRow(um, r, planes, dec);
            for (int b = 0; b < batch; b++) {
                int ao = b * 4 * u4;
                int sum = 0;
                for (int p = 0; p < dec.length; p++) {
                    sum += dec[p] * a[ao + p];
                }
                y[b * um.rows() + r] = sum;
            }
        }
    }

    /** Signed weights of a row, slot-major like {@link UnitMatrix#expand}. */
    static void decodeRow(UnitMatrix um, int r, int planes, int[] dec) {
        int u4 = um.unitsPerRow();
        int base = r * u4;
        for (int u = 0; u < u4; u++) {
            int mag;
            int signs;
            if (um.compact()) {
                int c = um.units()[base + u];
                mag = UnitMatrix.magnitudes(c, planes);
                signs = UnitMatrix.signs(c);
            } else {
                long c = um.wideUnits()[base + u];
                mag = UnitMatrix.magnitudes(c, planes);
                signs = (int) (c >>> 32);
            }
            for (int i = 0; i < 4; i++) {
                int v = mag >>> (8 * i) & 0xFF;
                int s = -(signs >>> i & 1);
                dec[i * u4 + u] = (v ^ s) - s;
            }
        }
    }
}
