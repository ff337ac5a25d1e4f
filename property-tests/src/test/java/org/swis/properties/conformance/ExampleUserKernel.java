package org.swis.properties.conformance;

import org.swis.kernels.GemvKernel;
import org.swis.kernels.MatrixChecks;
import org.swis.kernels.PreparedMatrix;
import org.swis.kernels.SwisCodes;
import org.swis.reference.swis.GroupLayout;

/**
 * What a user writes to join the kit and the benchmarks: one class implementing a contract and one
 * line in {@code META-INF/services/org.swis.kernels.GemvKernel}. This one dequantizes offline to a
 * dense int matrix and does a plain dot product; the conformance kit tests it because the service
 * file in this module's test resources registers it.
 */
public final class ExampleUserKernel implements GemvKernel {
    @Override
    public String name() {
        return "example-dense-int";
    }

    /** Dense decoded weights, row-major, canonical columns. */
    record Dense(int rows, int columns, int[] w) implements PreparedMatrix {
        @Override
        public String kernel() {
            return "example-dense-int";
        }

        @Override
        public int weight(int row, int column) {
            return w[row * columns + column];
        }

        @Override
        public long bytes() {
            return 4L * w.length;
        }
    }

    @Override
    public PreparedMatrix prepare(SwisCodes codes) {
        GroupLayout l = codes.layout();
        int k = l.filterSize();
        MatrixChecks.requireIntSums(k);
        int[] w = new int[codes.filters() * k];
        for (int r = 0; r < codes.filters(); r++) {
            for (int g = 0; g < l.groupsPerFilter(); g++) {
                for (int i = 0; i < l.m(); i++) {
                    int e = l.element(g, i);
                    if (e != GroupLayout.PAD) {
                        w[r * k + e] = codes.weight(r * l.groupsPerFilter() + g, i);
                    }
                }
            }
        }
        return new Dense(codes.filters(), k, w);
    }

    @Override
    public void gemv(PreparedMatrix m, byte[] x, int[] y) {
        Dense d = MatrixChecks.cast(m, Dense.class, name());
        MatrixChecks.requireShapes(m, x, 1, y);
        for (int r = 0; r < d.rows(); r++) {
            int s = 0;
            for (int c = 0; c < d.columns(); c++) {
                s += d.w()[r * d.columns() + c] * x[c];
            }
            y[r] = s;
        }
    }
}
