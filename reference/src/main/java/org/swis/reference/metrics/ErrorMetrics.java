package org.swis.reference.metrics;

import org.swis.reference.SwisInputException;

/**
 * Error of an approximation against a reference, in the reference's units (float units when both are
 * dequantized weights, as in the paper's Table 1). Sums are accumulated in index order, so the
 * result is deterministic; {@link #plus} merges layers into a model total.
 *
 * @param count           number of values
 * @param squaredError    sum (x - x')^2
 * @param squaredSignal   sum x^2
 * @param signedError     sum (x - x') (paper Eq. 11)
 * @param maxAbsError     max |x - x'|
 */
public record ErrorMetrics(long count, double squaredError, double squaredSignal, double signedError,
                           double maxAbsError) {

    public static final ErrorMetrics EMPTY = new ErrorMetrics(0, 0, 0, 0, 0);

    public static ErrorMetrics of(double[] reference, double[] approx) {
        if (reference.length != approx.length) {
            throw new SwisInputException("approx.length", approx.length, "reference length " + reference.length);
        }
        Accumulator a = new Accumulator();
        for (int i = 0; i < reference.length; i++) {
            a.add(reference[i], approx[i]);
        }
        return a.result();
    }

    /**
     * Sums pairs one at a time, so a tensor streamed in blocks in index order gets exactly the
     * metrics {@link #of} gives for the whole arrays (same additions in the same order).
     */
    public static final class Accumulator {
        private long count;
        private double sq;
        private double sig;
        private double signed;
        private double max;

        public void add(double reference, double approx) {
            double e = reference - approx;
            sq += e * e;
            sig += reference * reference;
            signed += e;
            max = Math.max(max, Math.abs(e));
            count++;
        }

        public ErrorMetrics result() {
            return new ErrorMetrics(count, sq, sig, signed, max);
        }
    }

    /** Combined metrics of two disjoint sets of values. */
    public ErrorMetrics plus(ErrorMetrics o) {
        return new ErrorMetrics(count + o.count, squaredError + o.squaredError, squaredSignal + o.squaredSignal,
                signedError + o.signedError, Math.max(maxAbsError, o.maxAbsError));
    }

    public double mse() {
        return count == 0 ? 0 : squaredError / count;
    }

    public double rmse() {
        return Math.sqrt(mse());
    }

    /** Signal-to-quantization-noise ratio 10 log10(sum x^2 / sum e^2) in dB; +Infinity when lossless. */
    public double sqnrDb() {
        return squaredError == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(squaredSignal / squaredError);
    }
}
