package org.swis.kernels.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.swis.kernels.baseline.Float32Gemv;

/** The float32 yardstick with the Vector API: one FMA per lane block, reduced per row. */
final class Float32Vector implements Float32Gemv {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    @Override
    public String name() {
        return "f32-vector";
    }

    @Override
    public void gemv(float[] w, int rows, int columns, float[] x, float[] y) {
        int upper = F.loopBound(columns);
        int l = F.length();
        for (int r = 0; r < rows; r++) {
            int o = r * columns;
            FloatVector acc = FloatVector.zero(F);
            for (int i = 0; i < upper; i += l) {
                acc = FloatVector.fromArray(F, w, o + i).fma(FloatVector.fromArray(F, x, i), acc);
            }
            float s = acc.reduceLanes(VectorOperators.ADD);
            for (int i = upper; i < columns; i++) {
                s += w[o + i] * x[i];
            }
            y[r] = s;
        }
    }
}
