package org.swis.hwmodel;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Bit statistics driving the Pragmatic-like design (docs/HWMODEL.md §3.4): for each layer, the distribution of the number
 * of non-zero bits ("essential bits", Pragmatic's oneffsets) of the serial operand's 8-bit magnitudes, plus which
 * operand is serial. Also carries the activation precision used by the Loom-like design.
 *
 * <p>Default ({@link #defaultActivations()}): activations are serial; each post-ReLU activation is zero with
 * probability 0.5, otherwise uniformly distributed over 1..255. This is an assumption, not a measurement (stated in
 * docs/HWMODEL.md); a real-weights driver can pass {@link PopcountHistogram#ofValues(int[])} per layer.
 */
public record OperandStatistics(SerialOperand serial, PopcountHistogram defaultHistogram,
                                Map<String, PopcountHistogram> perLayer, int loomActivationBits) {

    /** Which operand the Pragmatic-like PE processes bit-serially. */
    public enum SerialOperand {
        /** Activations serial: the lock-step set is the R rows x M lanes of a wavefront. */
        ACTIVATIONS,
        /** Weight magnitudes serial: the lock-step set is the C columns x M lanes. */
        WEIGHTS
    }

    public OperandStatistics {
        perLayer = Map.copyOf(perLayer);
        if (loomActivationBits < 1 || loomActivationBits > 16) {
            throw new IllegalArgumentException("loom activation bits must be in 1..16, got " + loomActivationBits);
        }
    }

    public static OperandStatistics defaultActivations() {
        return new OperandStatistics(SerialOperand.ACTIVATIONS, PopcountHistogram.zeroOrUniform(0.5),
                Map.of(), 8);
    }

    public PopcountHistogram histogram(Layer layer) {
        return perLayer.getOrDefault(layer.name(), defaultHistogram);
    }

    public OperandStatistics withLayer(String layer, PopcountHistogram h) {
        Map<String, PopcountHistogram> m = new HashMap<>(perLayer);
        m.put(layer, h);
        return new OperandStatistics(serial, defaultHistogram, m, loomActivationBits);
    }

    public String describe() {
        return "Pragmatic-like serial operand " + serial + "; default popcount distribution " + defaultHistogram
                + (perLayer.isEmpty() ? "" : "; " + perLayer.size() + " layer(s) with their own histogram")
                + "; Loom-like activation precision " + loomActivationBits + " bits";
    }

    /** Probability of each popcount 0..8 of an 8-bit magnitude. */
    public record PopcountHistogram(double[] probability) {
        public PopcountHistogram {
            if (probability.length != 9) {
                throw new IllegalArgumentException("popcount histogram needs 9 entries (0..8), got "
                        + probability.length);
            }
            double s = 0;
            for (double p : probability) {
                if (!(p >= 0)) {
                    throw new IllegalArgumentException("popcount probabilities must be >= 0");
                }
                s += p;
            }
            if (Math.abs(s - 1.0) > 1e-9) {
                throw new IllegalArgumentException("popcount probabilities must sum to 1, got " + s);
            }
            probability = probability.clone();
        }

        /** Zero with probability {@code zeroFraction}, else uniform over 1..255. */
        public static PopcountHistogram zeroOrUniform(double zeroFraction) {
            double[] p = new double[9];
            p[0] = zeroFraction;
            for (int v = 1; v < 256; v++) {
                p[Integer.bitCount(v)] += (1 - zeroFraction) / 255.0;
            }
            return new PopcountHistogram(p);
        }

        /** Empirical histogram of the magnitudes {@code |v| & 0xFF} (e.g. real INT8 weights). */
        public static PopcountHistogram ofValues(int[] values) {
            if (values.length == 0) {
                throw new IllegalArgumentException("popcount histogram of no values");
            }
            double[] p = new double[9];
            for (int v : values) {
                int mag = Math.min(255, Math.abs(v));
                p[Integer.bitCount(mag)] += 1.0 / values.length;
            }
            double s = Arrays.stream(p).sum();
            for (int i = 0; i < 9; i++) {
                p[i] /= s;
            }
            return new PopcountHistogram(p);
        }

        @Override
        public double[] probability() {
            return probability.clone();
        }

        /**
         * Expected serial steps of a lock-step set of {@code lanes} independent values: E[max(1, max popcount)]
         * (an all-zero set still takes one cycle) = 1 + sum_{c>=1} (1 - F(c)^lanes).
         */
        public double expectedMaxSteps(int lanes) {
            double cdf = 0;
            double e = 1.0;
            for (int c = 0; c < 8; c++) {
                cdf += probability[c];
                if (c >= 1) {
                    e += 1.0 - Math.pow(Math.min(1.0, cdf), lanes);
                }
            }
            return e;
        }

        public double mean() {
            double m = 0;
            for (int c = 0; c < 9; c++) {
                m += c * probability[c];
            }
            return m;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("P(popcount=0..8)=[");
            for (int i = 0; i < 9; i++) {
                sb.append(String.format(Locale.ROOT, i == 0 ? "%.4f" : " %.4f", probability[i]));
            }
            return sb.append(']').toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PopcountHistogram h && Arrays.equals(probability, h.probability);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(probability);
        }
    }
}
