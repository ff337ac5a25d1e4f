package org.swis.kernels.baseline;

import org.swis.kernels.Kernel;

/**
 * The float32 yardstick: {@code y = W x} in float (not exact; used for timing only, never compared
 * bit for bit). Row-major {@code rows * columns} weights.
 */
public interface Float32Gemv extends Kernel {
    void gemv(float[] w, int rows, int columns, float[] x, float[] y);

    /** Plain loop with four partial sums. */
    final class Scalar implements Float32Gemv {
        @Override
        public String name() {
            return "f32-scalar";
        }

        @Override
        public void gemv(float[] w, int rows, int columns, float[] x, float[] y) {
            for (int r = 0; r < rows; r++) {
                int o = r * columns;
                float s0 = 0;
                float s1 = 0;
                float s2 = 0;
                float s3 = 0;
                int i = 0;
                for (; i + 3 < columns; i += 4) {
                    s0 += w[o + i] * x[i];
                    s1 += w[o + i + 1] * x[i + 1];
                    s2 += w[o + i + 2] * x[i + 2];
                    s3 += w[o + i + 3] * x[i + 3];
                }
                for (; i < columns; i++) {
                    s0 += w[o + i] * x[i];
                }
                y[r] = (s0 + s1) + (s2 + s3);
            }
        }
    }
}
