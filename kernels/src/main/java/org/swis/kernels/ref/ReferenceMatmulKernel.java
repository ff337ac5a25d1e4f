package org.swis.kernels.ref;

import org.swis.kernels.GemmKernel;
import org.swis.kernels.GemvKernel;
import org.swis.kernels.MatrixChecks;
import org.swis.kernels.PreparedMatrix;
import org.swis.kernels.SwisCodes;
import org.swis.reference.swis.GroupLayout;

/**
 * The oracle of the GEMV/GEMM contracts: the plain integer product on the decoded weights (each
 * group's {@code sign * sum_j m[j] 2^{s_j}}, paper Eq. 6), accumulated in {@code long}, one group and
 * one slot at a time. (The lead will point this adapter at the bit-serial reference layer.)
 */
public final class ReferenceMatmulKernel implements GemvKernel, GemmKernel {
    @Override
    public String name() {
        return "reference";
    }

    @Override
    public String description() {
        return "decoded integer weights, long accumulation, group by group (the oracle)";
    }

    /** The codes themselves are the layout. */
    static final class Codes implements PreparedMatrix {
        final SwisCodes codes;
        final int[] element;

        Codes(SwisCodes codes) {
            this.codes = codes;
            GroupLayout l = codes.layout();
            element = new int[l.groupsPerFilter() * l.m()];
            for (int g = 0; g < l.groupsPerFilter(); g++) {
                for (int i = 0; i < l.m(); i++) {
                    element[g * l.m() + i] = l.element(g, i);
                }
            }
        }

        @Override
        public String kernel() {
            return "reference";
        }

        @Override
        public int rows() {
            return codes.filters();
        }

        @Override
        public int columns() {
            return codes.layout().filterSize();
        }

        @Override
        public int weight(int row, int column) {
            int m = codes.m();
            for (int s = 0; s < element.length; s++) {
                if (element[s] == column) {
                    return codes.weight(row * codes.groupsPerFilter() + s / m, s % m);
                }
            }
            throw new org.swis.reference.SwisInputException("column", column, "0.." + (columns() - 1));
        }

        @Override
        public long bytes() {
            return (long) codes.groupCount() * (5 + codes.m());
        }
    }

    @Override
    public PreparedMatrix prepare(SwisCodes codes) {
        MatrixChecks.requireIntSums(codes.layout().filterSize());
        return new Codes(codes);
    }

    @Override
    public void gemv(PreparedMatrix w, byte[] x, int[] y) {
        gemm(w, x, 1, y);
    }

    @Override
    public void gemm(PreparedMatrix w, byte[] x, int batch, int[] y) {
        Codes c = MatrixChecks.cast(w, Codes.class, name());
        MatrixChecks.requireShapes(w, x, batch, y);
        SwisCodes codes = c.codes;
        int m = codes.m();
        int gpf = codes.groupsPerFilter();
        int k = w.columns();
        for (int b = 0; b < batch; b++) {
            for (int r = 0; r < w.rows(); r++) {
                long sum = 0;
                for (int g = 0; g < gpf; g++) {
                    for (int i = 0; i < m; i++) {
                        int e = c.element[g * m + i];
                        if (e != GroupLayout.PAD) {
                            sum += (long) codes.weight(r * gpf + g, i) * x[b * k + e];
                        }
                    }
                }
                y[b * w.rows() + r] = Math.toIntExact(sum);
            }
        }
    }
}
