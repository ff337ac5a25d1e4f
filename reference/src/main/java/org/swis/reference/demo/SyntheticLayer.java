package org.swis.reference.demo;

import java.util.SplittableRandom;
import org.swis.reference.tensor.WeightTensor;

/**
 * The embedded default layer: float weights drawn from a Laplace distribution (mean 0, scale b),
 * the usual shape of trained CNN weights, from a fixed seed so every run sees the same numbers.
 * Sampling: u uniform in [-1/2, 1/2) from {@link SplittableRandom#nextDouble()}, w = -b sign(u) ln(1 - 2|u|).
 */
public final class SyntheticLayer {
    /** Seed of the embedded default layer. */
    public static final long SEED = 20210301L;

    private SyntheticLayer() {
    }

    /** A filters x channels x k x k Laplace(0, b) layer in canonical order. */
    public static WeightTensor laplace(String name, int filters, int channels, int k, double b, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] w = new float[filters * channels * k * k];
        for (int i = 0; i < w.length; i++) {
            double u = rnd.nextDouble() - 0.5;
            w[i] = (float) (-b * Math.signum(u) * Math.log(1 - 2 * Math.abs(u)));
        }
        return new WeightTensor(name, filters, channels, k, k, w);
    }

    /** The embedded default: 64 filters x 64 channels x 3x3, b = 0.05. */
    public static WeightTensor embeddedDefault() {
        return laplace("synthetic.conv3x3", 64, 64, 3, 0.05, SEED);
    }
}
