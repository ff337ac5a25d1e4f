package org.swis.properties.conformance;

import java.util.Arrays;
import org.swis.kernels.SwisCodes;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.GroupCode;
import org.swis.reference.swis.GroupLayout;
import org.swis.reference.swis.Scheme;
import org.swis.reference.swis.SupportVector;
import org.swis.reference.tensor.QuantizedTensor;

/** The inputs of the conformance kit, with short descriptions for failure reports. */
final class Cases {
    private Cases() {
    }

    /** A tensor to decompose and how. */
    record DecomposeCase(Scheme scheme, int m, Alpha alpha, int n, int threads, int filters, int channels, int taps,
                         int[] magnitudes, boolean[] negative) {
        QuantizedTensor tensor() {
            double[] scale = new double[filters];
            Arrays.fill(scale, 1.0);
            return new QuantizedTensor("conformance", filters, channels, taps, 1, magnitudes, negative, scale);
        }

        DecompositionConfig config() {
            return new DecompositionConfig(scheme, m, alpha);
        }

        @Override
        public String toString() {
            return "DecomposeCase{" + scheme.id() + " N=" + n + " M=" + m + " alpha=" + alpha + " threads=" + threads
                    + " tensor=" + filters + "x" + channels + "ch x" + taps + "taps magnitudes=" + Arrays.toString(magnitudes)
                    + " negative=" + bits(negative) + "}";
        }
    }

    /** SWIS codes of a matrix (rows = filters) and activation vectors for it. */
    record MatrixCase(Scheme scheme, int m, int channels, int taps, int[] shifts, GroupCode[] codes, int batch,
                      byte[] x) {
        SwisCodes swisCodes() {
            return SwisCodes.of(scheme, new GroupLayout(m, channels, taps), shifts.length, shifts, codes);
        }

        int columns() {
            return channels * taps;
        }

        @Override
        public String toString() {
            return "MatrixCase{" + scheme.id() + " M=" + m + " rows=" + shifts.length + " K=" + channels + "ch x" + taps
                    + "taps N/row=" + Arrays.toString(shifts) + " batch=" + batch + " codes=" + Arrays.toString(codes)
                    + " x=" + Arrays.toString(x) + "}";
        }
    }

    static String bits(boolean[] b) {
        StringBuilder s = new StringBuilder();
        for (boolean v : b) {
            s.append(v ? '1' : '0');
        }
        return s.toString();
    }

    /** A support vector of the scheme for N shifts, chosen by an index (any int, reduced modulo the count). */
    static SupportVector support(Scheme scheme, int n, int index) {
        var all = SupportVector.candidates(scheme, n);
        return all.get(Math.floorMod(index, all.size()));
    }
}
