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
    static void gemm(int rows, int len, RowSource source, int[] a, int aOff, int batch, int[] y, int yOff) {
        int[] row0 = new int[len];
        int[] row1 = new int[len];
        for (int r = 0; r < rows; r += 2) {
            source.fill(r, row0);
            if (r + 1 < rows) {
                source.fill(r + 1, row1);
                rowPairTimesBatch(row0, row1, len, a, aOff, batch, y, yOff + r, rows);
            } else {
                rowTimesBatch(row0, len, a, aOff, batch, y, yOff + r, rows);
            }
        }
    }

    /** {@code y[yr + b * rows] = sum_{p < len} w[p] * a[aOff + b * len + p]} for every b below batch. */
    static void rowTimesBatch(int[] w, int len, int[] a, int aOff, int batch, int[] y, int yr, int rows) {
        int upper = S.loopBound(len);
        int b = 0;
        for (; b + 3 < batch; b += 4) {
            int a0 = aOff + b * len;
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
            y[yr + b * rows] = s0;
            y[yr + (b + 1) * rows] = s1;
            y[yr + (b + 2) * rows] = s2;
            y[yr + (b + 3) * rows] = s3;
        }
        for (; b < batch; b++) {
            y[yr + b * rows] = dot(w, 0, a, aOff + b * len, len);
        }
    }

    /**
     * Rows r and r + 1 at once ({@code w0}, {@code w1}) times the batch: each activation load feeds
     * two multiply-adds and each weight load four, eight accumulators.
     */
    static void rowPairTimesBatch(int[] w0, int[] w1, int len, int[] a, int aOff, int batch, int[] y, int yr, int rows) {
        int upper = S.loopBound(len);
        int b = 0;
        for (; b + 3 < batch; b += 4) {
            int a0 = aOff + b * len;
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
                    y, yr + b * rows);
            tail(w0, w1, upper, len, a, a0 + len, c01.reduceLanes(VectorOperators.ADD),
                    c11.reduceLanes(VectorOperators.ADD), y, yr + (b + 1) * rows);
            tail(w0, w1, upper, len, a, a0 + 2 * len, c02.reduceLanes(VectorOperators.ADD),
                    c12.reduceLanes(VectorOperators.ADD), y, yr + (b + 2) * rows);
            tail(w0, w1, upper, len, a, a0 + 3 * len, c03.reduceLanes(VectorOperators.ADD),
                    c13.reduceLanes(VectorOperators.ADD), y, yr + (b + 3) * rows);
        }
        for (; b < batch; b++) {
            y[yr + b * rows] = dot(w0, 0, a, aOff + b * len, len);
            y[yr + b * rows + 1] = dot(w1, 0, a, aOff + b * len, len);
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

    /**
     * Up to this many rows {@link #gemmColumns} takes the column-broadcast kernel ({@link #gemmByColumns}), beyond it
     * row pairs ({@link #gemm}). Measured in `swis accuracy --timing` (512-bit lanes, 2 threads, swis-vector):
     * ResNet-20 (16..64 rows) about 8 % less CPU per image by columns; MobileNet-v2 (16..1280 rows) about 30 % more,
     * so wide layers keep row pairs.
     */
    static final int BY_COLUMNS_MAX_ROWS = 64;

    /**
     * The GEMM of int columns ({@code gemmInts} of swis-vector and int8-vector alike, so both take the same inner
     * kernel): {@link #gemmByColumns} up to {@link #BY_COLUMNS_MAX_ROWS} rows, {@link #gemm} above.
     */
    static void gemmColumns(int rows, int len, RowSource source, int[] a, int aOff, int batch, int[] y, int yOff) {
        if (rows <= BY_COLUMNS_MAX_ROWS) {
            gemmByColumns(rows, len, source, a, aOff, batch, y, yOff);
        } else {
            gemm(rows, len, source, a, aOff, batch, y, yOff);
        }
    }

    /**
     * The same GEMM without horizontal sums, for few rows and many vectors (im2col columns): all rows are
     * produced once into {@code wt[k * rp + r]} (rows padded to rp, a multiple of L, with zeros), then for each
     * activation vector the outputs of L consecutive rows build up in one int vector,
     * {@code acc += wt[k][r..r+L) · a[k]} (a broadcast), and are stored contiguously ({@code y} is
     * vector-major). Eight vectors share each weight load when the rows fit one vector, four vectors times two
     * row blocks otherwise. Integer sums in another order: exact under the same bound.
     */
    static void gemmByColumns(int rows, int len, RowSource source, int[] a, int aOff, int batch, int[] y, int yOff) {
        int rp = (rows + L - 1) / L * L;
        int[] wt = new int[len * rp];
        int[] row = new int[len];
        for (int r = 0; r < rows; r++) {
            source.fill(r, row);
            for (int k = 0; k < len; k++) {
                wt[k * rp + r] = row[k];
            }
        }
        // Outputs go straight to y when the rows fill whole vectors, else to a padded copy: every store is a
        // plain intoArray in this method (a vector handed to a helper C2 does not inline is boxed).
        boolean exact = rows == rp;
        int[] out = exact ? y : new int[batch * rp];
        int base = exact ? yOff : 0;
        int b = 0;
        if (rp == L) {
            for (; b + 7 < batch; b += 8) {
                int a0 = aOff + b * len;
                IntVector c0 = IntVector.zero(S);
                IntVector c1 = IntVector.zero(S);
                IntVector c2 = IntVector.zero(S);
                IntVector c3 = IntVector.zero(S);
                IntVector c4 = IntVector.zero(S);
                IntVector c5 = IntVector.zero(S);
                IntVector c6 = IntVector.zero(S);
                IntVector c7 = IntVector.zero(S);
                for (int k = 0; k < len; k++) {
                    IntVector w = IntVector.fromArray(S, wt, k * L);
                    int ak = a0 + k;
                    c0 = c0.add(w.mul(a[ak]));
                    c1 = c1.add(w.mul(a[ak + len]));
                    c2 = c2.add(w.mul(a[ak + 2 * len]));
                    c3 = c3.add(w.mul(a[ak + 3 * len]));
                    c4 = c4.add(w.mul(a[ak + 4 * len]));
                    c5 = c5.add(w.mul(a[ak + 5 * len]));
                    c6 = c6.add(w.mul(a[ak + 6 * len]));
                    c7 = c7.add(w.mul(a[ak + 7 * len]));
                }
                int yo = base + b * rp;
                c0.intoArray(out, yo);
                c1.intoArray(out, yo + rp);
                c2.intoArray(out, yo + 2 * rp);
                c3.intoArray(out, yo + 3 * rp);
                c4.intoArray(out, yo + 4 * rp);
                c5.intoArray(out, yo + 5 * rp);
                c6.intoArray(out, yo + 6 * rp);
                c7.intoArray(out, yo + 7 * rp);
            }
        } else {
            for (; b + 3 < batch; b += 4) {
                int a0 = aOff + b * len;
                int yo = base + b * rp;
                int fb = 0;
                for (; fb + L < rp; fb += 2 * L) {
                    IntVector c0 = IntVector.zero(S);
                    IntVector c1 = IntVector.zero(S);
                    IntVector c2 = IntVector.zero(S);
                    IntVector c3 = IntVector.zero(S);
                    IntVector d0 = IntVector.zero(S);
                    IntVector d1 = IntVector.zero(S);
                    IntVector d2 = IntVector.zero(S);
                    IntVector d3 = IntVector.zero(S);
                    for (int k = 0; k < len; k++) {
                        IntVector w = IntVector.fromArray(S, wt, k * rp + fb);
                        IntVector v = IntVector.fromArray(S, wt, k * rp + fb + L);
                        int ak = a0 + k;
                        int x0 = a[ak];
                        int x1 = a[ak + len];
                        int x2 = a[ak + 2 * len];
                        int x3 = a[ak + 3 * len];
                        c0 = c0.add(w.mul(x0));
                        d0 = d0.add(v.mul(x0));
                        c1 = c1.add(w.mul(x1));
                        d1 = d1.add(v.mul(x1));
                        c2 = c2.add(w.mul(x2));
                        d2 = d2.add(v.mul(x2));
                        c3 = c3.add(w.mul(x3));
                        d3 = d3.add(v.mul(x3));
                    }
                    c0.intoArray(out, yo + fb);
                    c1.intoArray(out, yo + rp + fb);
                    c2.intoArray(out, yo + 2 * rp + fb);
                    c3.intoArray(out, yo + 3 * rp + fb);
                    d0.intoArray(out, yo + fb + L);
                    d1.intoArray(out, yo + rp + fb + L);
                    d2.intoArray(out, yo + 2 * rp + fb + L);
                    d3.intoArray(out, yo + 3 * rp + fb + L);
                }
                for (; fb < rp; fb += L) {
                    IntVector c0 = IntVector.zero(S);
                    IntVector c1 = IntVector.zero(S);
                    IntVector c2 = IntVector.zero(S);
                    IntVector c3 = IntVector.zero(S);
                    for (int k = 0; k < len; k++) {
                        IntVector w = IntVector.fromArray(S, wt, k * rp + fb);
                        int ak = a0 + k;
                        c0 = c0.add(w.mul(a[ak]));
                        c1 = c1.add(w.mul(a[ak + len]));
                        c2 = c2.add(w.mul(a[ak + 2 * len]));
                        c3 = c3.add(w.mul(a[ak + 3 * len]));
                    }
                    c0.intoArray(out, yo + fb);
                    c1.intoArray(out, yo + rp + fb);
                    c2.intoArray(out, yo + 2 * rp + fb);
                    c3.intoArray(out, yo + 3 * rp + fb);
                }
            }
        }
        for (; b < batch; b++) {
            int a0 = aOff + b * len;
            for (int fb = 0; fb < rp; fb += L) {
                IntVector c0 = IntVector.zero(S);
                for (int k = 0; k < len; k++) {
                    c0 = c0.add(IntVector.fromArray(S, wt, k * rp + fb).mul(a[a0 + k]));
                }
                c0.intoArray(out, base + b * rp + fb);
            }
        }
        if (!exact) {
            for (int c = 0; c < batch; c++) {
                System.arraycopy(out, c * rp, y, yOff + c * rows, rows);
            }
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
