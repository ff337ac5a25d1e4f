package org.swis.kernels;

import java.util.Random;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.tensor.QuantizedTensor;

/** Seeded test inputs: Laplacian-like magnitudes with a sprinkling of zeros, 127, 128 and 255. */
final class Fixtures {
    private Fixtures() {
    }

    static QuantizedTensor tensor(long seed, int filters, int channels, int kh, int kw, int maxMagnitude) {
        Random r = new Random(seed);
        int n = filters * channels * kh * kw;
        int[] mag = new int[n];
        boolean[] neg = new boolean[n];
        for (int i = 0; i < n; i++) {
            int pick = r.nextInt(20);
            int v;
            if (pick == 0) {
                v = 0;
            } else if (pick == 1) {
                v = maxMagnitude;
            } else if (pick == 2) {
                v = r.nextInt(maxMagnitude + 1);
            } else {
                v = (int) Math.min(maxMagnitude, Math.round(-16 * Math.log(1 - r.nextDouble())));
            }
            mag[i] = v;
            neg[i] = r.nextBoolean();
        }
        double[] scale = new double[filters];
        java.util.Arrays.fill(scale, 0.01);
        return new QuantizedTensor("fixture", filters, channels, kh, kw, mag, neg, scale);
    }

    static SwisCodes referenceCodes(QuantizedTensor t, DecompositionConfig c, int n) {
        return SwisCodes.of(Decomposer.decompose(t, c, n));
    }

    static byte[] activations(long seed, int length) {
        Random r = new Random(seed);
        byte[] x = new byte[length];
        for (int i = 0; i < length; i++) {
            x[i] = (byte) (i % 17 == 0 ? -128 : r.nextInt(256) - 128);
        }
        return x;
    }
}
