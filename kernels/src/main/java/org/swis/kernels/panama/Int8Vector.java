package org.swis.kernels.panama;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.swis.kernels.baseline.Int8Kernel;
import org.swis.kernels.baseline.Int8Matrix;

/**
 * The Vector API int8 yardstick, Lucene-style widening: weights are loaded as a quarter-width byte
 * vector and sign-extended to int32 lanes ({@code B2I}); activations are widened to int32 once per
 * call. GEMM widens a row once and runs the same inner kernel as the SWIS GEMM.
 */
final class Int8Vector implements Int8Kernel {
    private static final VectorSpecies<Integer> S = IntDots.S;
    private static final int L = IntDots.L;
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_PREFERRED.withShape(
            VectorShape.forBitSize(S.vectorBitSize() / 4));

    @Override
    public String name() {
        return "int8-vector";
    }

    @Override
    public String description() {
        return "Vector API: " + B.vectorBitSize() + "-bit byte loads widened B2I to " + S.vectorBitSize() + "-bit int lanes";
    }

    @Override
    public void gemv(Int8Matrix w, byte[] x, int[] y) {
        Int8Kernel.check(w, x, 1, y);
        int k = w.columns();
        int[] a = widen(x);
        byte[] d = w.data();
        int upper = S.loopBound(k);
        for (int r = 0; r < w.rows(); r++) {
            int o = r * k;
            IntVector acc = IntVector.zero(S);
            for (int i = 0; i < upper; i += L) {
                IntVector wv = (IntVector) ByteVector.fromArray(B, d, o + i).convertShape(VectorOperators.B2I, S, 0);
                acc = acc.add(wv.mul(IntVector.fromArray(S, a, i)));
            }
            int sum = acc.reduceLanes(VectorOperators.ADD);
            for (int i = upper; i < k; i++) {
                sum += d[o + i] * a[i];
            }
            y[r] = sum;
        }
    }

    @Override
    public void gemm(Int8Matrix w, byte[] x, int batch, int[] y) {
        Int8Kernel.check(w, x, batch, y);
        int k = w.columns();
        int[] a = widen(x);
        IntDots.gemm(w.rows(), k, (r, row) -> widenRow(w, r, row), a, 0, batch, y, 0);
    }

    /**
     * Int columns, as {@code SwisMatmulVector#gemmInts} takes them and on the same inner kernel
     * ({@link IntDots#gemmColumns}); the weights are widened once per call, no activation is copied.
     */
    @Override
    public void gemmInts(Int8Matrix w, int[] x, int xOffset, int batch, int[] y, int yOffset) {
        org.swis.kernels.MatrixChecks.requireSlices(w.rows(), w.columns(), x, xOffset, batch, y, yOffset);
        IntDots.gemmColumns(w.rows(), w.columns(), (r, row) -> widenRow(w, r, row), x, xOffset, batch, y, yOffset);
    }

    /** Row r sign-extended to int32. */
    private static void widenRow(Int8Matrix w, int r, int[] row) {
        int k = w.columns();
        byte[] d = w.data();
        int o = r * k;
        int upper = S.loopBound(k);
        for (int i = 0; i < upper; i += L) {
            ((IntVector) ByteVector.fromArray(B, d, o + i).convertShape(VectorOperators.B2I, S, 0)).intoArray(row, i);
        }
        for (int i = upper; i < k; i++) {
            row[i] = d[o + i];
        }
    }

    private static int[] widen(byte[] x) {
        int[] a = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            a[i] = x[i];
        }
        return a;
    }
}
