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
