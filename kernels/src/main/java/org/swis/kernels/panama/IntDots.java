package org.swis.kernels.panama;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The GEMM inner kernel shared by the SWIS and int8 GEMMs, so they differ only in how a row of
 * int32 weights is produced: one decoded (or widened) row times a batch of activation vectors,
 * four vectors at a time so each weight load feeds four multiply-adds.
 */
final class IntDots {
    static final VectorSpecies<Integer> S = IntVector.SPECIES_PREFERRED;
    static final int L = S.length();

    private IntDots() {
    }

    /** Fills {@code row} (length len) with the int32 weights of row r: a decode or a widening. */
    @FunctionalInterface
    interface RowSource {
        void fill(int r, int[] row);
    }

    /**
     * The whole GEMM: rows are produced two at a time by {@code source} into reused buffers and
     * multiplied by the batch ({@link #rowPairTimesBatch}); an odd last row goes alone.
     */
    static void gemm(int rows, int len, RowSource source, int[] a, int batch, int[] y) {
        int[] row0 = new int[len];
        int[] row1 = new int[len];
        for (int r = 0; r < rows; r += 2) {
            source.fill(r, row0);
            if (r + 1 < rows) {
                source.fill(r + 1, row1);
                rowPairTimesBatch(row0, row1, len, a, batch, y, rows, r);
            } else {
                rowTimesBatch(row0, len, a, batch, y, rows, r);
            }
        }
    }

    /** {@code y[b * rows + r] = sum_{p < len} w[p] * a[b * len + p]} for every b below batch. */
    static void rowTimesBatch(int[] w, int len, int[] a, int batch, int[] y, int rows, int r) {
        int upper = S.loopBound(len);
        int b = 0;
        for (; b + 3 < batch; b += 4) {
            int a0 = b * len;
            int a1 = a0 + len;
            int a2 = a1 + len;
            int a3 = a2 + len;
            IntVector acc0 = IntVector.zero(S);
            IntVector acc1 = IntVector.zero(S);
            IntVector acc2 = IntVector.zero(S);
            IntVector acc3 = IntVector.zero(S);
            for (int p = 0; p < upper; p += L) {
                IntVector wv = IntVector.fromArray(S, w, p);
                acc0 = acc0.add(wv.mul(IntVector.fromArray(S, a, a0 + p)));
                acc1 = acc1.add(wv.mul(IntVector.fromArray(S, a, a1 + p)));
                acc2 = acc2.add(wv.mul(IntVector.fromArray(S, a, a2 + p)));
                acc3 = acc3.add(wv.mul(IntVector.fromArray(S, a, a3 + p)));
            }
            int s0 = acc0.reduceLanes(VectorOperators.ADD);
            int s1 = acc1.reduceLanes(VectorOperators.ADD);
            int s2 = acc2.reduceLanes(VectorOperators.ADD);
            int s3 = acc3.reduceLanes(VectorOperators.ADD);
            for (int p = upper; p < len; p++) {
                s0 += w[p] * a[a0 + p];
                s1 += w[p] * a[a1 + p];
                s2 += w[p] * a[a2 + p];
                s3 += w[p] * a[a3 + p];
            }
            y[b * rows + r] = s0;
            y[(b + 1) * rows + r] = s1;
            y[(b + 2) * rows + r] = s2;
            y[(b + 3) * rows + r] = s3;
        }
        for (; b < batch; b++) {
            y[b * rows + r] = dot(w, 0, a, b * len, len);
        }
    }

    /**
     * Rows r and r + 1 at once ({@code w0}, {@code w1}) times the batch: each activation load feeds
     * two multiply-adds and each weight load four, eight accumulators.
     */
    static void rowPairTimesBatch(int[] w0, int[] w1, int len, int[] a, int batch, int[] y, int rows, int r) {
        int upper = S.loopBound(len);
        int b = 0;
        for (; b + 3 < batch; b += 4) {
            int a0 = b * len;
            IntVector c00 = IntVector.zero(S);
            IntVector c01 = IntVector.zero(S);
            IntVector c02 = IntVector.zero(S);
            IntVector c03 = IntVector.zero(S);
            IntVector c10 = IntVector.zero(S);
            IntVector c11 = IntVector.zero(S);
            IntVector c12 = IntVector.zero(S);
            IntVector c13 = IntVector.zero(S);
            for (int p = 0; p < upper; p += L) {
                IntVector x0 = IntVector.fromArray(S, w0, p);
                IntVector x1 = IntVector.fromArray(S, w1, p);
                IntVector v = IntVector.fromArray(S, a, a0 + p);
                c00 = c00.add(x0.mul(v));
                c10 = c10.add(x1.mul(v));
                v = IntVector.fromArray(S, a, a0 + len + p);
                c01 = c01.add(x0.mul(v));
                c11 = c11.add(x1.mul(v));
                v = IntVector.fromArray(S, a, a0 + 2 * len + p);
                c02 = c02.add(x0.mul(v));
                c12 = c12.add(x1.mul(v));
                v = IntVector.fromArray(S, a, a0 + 3 * len + p);
                c03 = c03.add(x0.mul(v));
                c13 = c13.add(x1.mul(v));
            }
            // Reduced here: a vector passed to a method C2 does not inline gets boxed (seen: 2 GB/op).
            tail(w0, w1, upper, len, a, a0, c00.reduceLanes(VectorOperators.ADD), c10.reduceLanes(VectorOperators.ADD),
                    y, b * rows + r);
            tail(w0, w1, upper, len, a, a0 + len, c01.reduceLanes(VectorOperators.ADD),
                    c11.reduceLanes(VectorOperators.ADD), y, (b + 1) * rows + r);
            tail(w0, w1, upper, len, a, a0 + 2 * len, c02.reduceLanes(VectorOperators.ADD),
                    c12.reduceLanes(VectorOperators.ADD), y, (b + 2) * rows + r);
            tail(w0, w1, upper, len, a, a0 + 3 * len, c03.reduceLanes(VectorOperators.ADD),
                    c13.reduceLanes(VectorOperators.ADD), y, (b + 3) * rows + r);
        }
        for (; b < batch; b++) {
            y[b * rows + r] = dot(w0, 0, a, b * len, len);
            y[b * rows + r + 1] = dot(w1, 0, a, b * len, len);
        }
    }

    /** Adds the scalar tail [upper, len) to the two reduced sums and writes y[at] and y[at + 1]. */
    private static void tail(int[] w0, int[] w1, int upper, int len, int[] a, int ao, int s0, int s1, int[] y, int at) {
        for (int p = upper; p < len; p++) {
            s0 += w0[p] * a[ao + p];
            s1 += w1[p] * a[ao + p];
        }
        y[at] = s0;
        y[at + 1] = s1;
    }

    /** {@code sum_{p < len} w[wo + p] * a[ao + p]}. */
    static int dot(int[] w, int wo, int[] a, int ao, int len) {
        int upper = S.loopBound(len);
        IntVector acc = IntVector.zero(S);
        for (int p = 0; p < upper; p += L) {
            acc = acc.add(IntVector.fromArray(S, w, wo + p).mul(IntVector.fromArray(S, a, ao + p)));
        }
        int s = acc.reduceLanes(VectorOperators.ADD);
        for (int p = upper; p < len; p++) {
            s += w[wo + p] * a[ao + p];
        }
        return s;
    }
}
