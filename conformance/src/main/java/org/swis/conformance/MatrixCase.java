package org.swis.conformance;

import java.util.Arrays;
import org.swis.kernels.SwisCodes;
import org.swis.reference.swis.GroupCode;
import org.swis.reference.swis.GroupLayout;
import org.swis.reference.swis.Scheme;

/**
 * SWIS codes of a matrix (rows = filters, one {@link GroupCode} per group, row-major) and
 * {@code batch} activation vectors of K = channels * taps int8 values each, vector-major.
 */
public record MatrixCase(Scheme scheme, int m, int channels, int taps, int[] shifts, GroupCode[] codes, int batch,
                         byte[] x) implements ConformanceCase {
    public SwisCodes swisCodes() {
        return SwisCodes.of(scheme, layout(), shifts.length, shifts, codes);
    }

    public GroupLayout layout() {
        return new GroupLayout(m, channels, taps);
    }

    public int rows() {
        return shifts.length;
    }

    /** K, the canonical columns. */
    public int columns() {
        return channels * taps;
    }

    /** Decoded weight of a row at a canonical column (paper Eq. 6), 0 where no group covers it. */
    public int weight(int row, int column) {
        GroupLayout l = layout();
        int gpf = l.groupsPerFilter();
        for (int g = 0; g < gpf; g++) {
            for (int i = 0; i < m; i++) {
                if (l.element(g, i) == column) {
                    return codes[row * gpf + g].weight(i);
                }
            }
        }
        return 0;
    }

    /** The oracle: {@code y[b * rows + r] = sum_k W[r][k] x[b * K + k]}, accumulated in long. */
    public long[] product(int vectors) {
        GroupLayout l = layout();
        int gpf = l.groupsPerFilter();
        int k = columns();
        long[] y = new long[rows() * vectors];
        for (int b = 0; b < vectors; b++) {
            for (int r = 0; r < rows(); r++) {
                long s = 0;
                for (int g = 0; g < gpf; g++) {
                    for (int i = 0; i < m; i++) {
                        int e = l.element(g, i);
                        if (e != GroupLayout.PAD) {
                            s += (long) codes[r * gpf + g].weight(i) * x[b * k + e];
                        }
                    }
                }
                y[b * rows() + r] = s;
            }
        }
        return y;
    }

    @Override
    public int groups() {
        return codes.length;
    }

    @Override
    public String shape() {
        return scheme.id() + " M=" + m + ", " + rows() + " row(s) x " + channels + " channel(s) x " + taps
                + " tap(s) (K=" + columns() + ", " + groups() + " group(s)), N per row=" + Arrays.toString(shifts)
                + ", batch " + batch;
    }

    @Override
    public String toString() {
        return "MatrixCase{" + shape() + ", codes=" + Arrays.toString(codes) + ", x=" + Arrays.toString(x) + "}";
    }
}
