package org.swis.io;

/**
 * Summary of a tensor's values: min, max, mean, population standard deviation (numpy's
 * {@code std} with ddof = 0) and number of exact zeros. Accumulated in double in C order, so the
 * result is the same on every run and machine.
 *
 * @param count number of elements
 * @param min   smallest value (NaN for an empty tensor)
 * @param max   largest value (NaN for an empty tensor)
 * @param mean  arithmetic mean (NaN for an empty tensor)
 * @param std   population standard deviation (NaN for an empty tensor)
 * @param zeros number of elements equal to zero
 */
public record TensorStats(long count, double min, double max, double mean, double std, long zeros) {

    /** Two passes: the mean first, then the sum of squared deviations (stable for weights near 0). */
    public static TensorStats of(Tensor t) {
        int n = t.count();
        if (n == 0) {
            return new TensorStats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        long zeros = 0;
        for (int i = 0; i < n; i++) {
            double v = t.get(i);
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
            if (v == 0) {
                zeros++;
            }
        }
        double mean = sum / n;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double d = t.get(i) - mean;
            sq += d * d;
        }
        return new TensorStats(n, min, max, mean, Math.sqrt(sq / n), zeros);
    }
}
