package org.swis.jmh;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A quotient of JMH measurements with its interval (docs/KERNELS.md §6). A JMH score is {@code s ± e},
 * {@code e} being half the 99.9 % confidence interval JMH reports ({@code scoreError}). For
 * {@code a ± ea} over {@code b ± eb} (both positive) the interval is
 * {@code [(a - ea) / (b + eb), (a + ea) / (b - eb)]}: the smallest and largest quotient of any two
 * values inside the two intervals (the low end is at least 0; the high end is +infinity when
 * {@code b - eb <= 0}). When both scores lie in their intervals the quotient lies in this one, so it
 * covers with probability at least 1 - 2 x 0.001 = 99.8 % (Bonferroni). A missing error (JMH writes
 * NaN for a single iteration) leaves the interval unknown (NaN).
 */
public record ScoreRatio(double value, double low, double high) {
    /** {@code a / b} with the interval of the class comment; {@code ea}, {@code eb} may be 0 (an exact number). */
    public static ScoreRatio of(double a, double ea, double b, double eb) {
        double v = a / b;
        if (Double.isNaN(ea) || Double.isNaN(eb)) {
            return new ScoreRatio(v, Double.NaN, Double.NaN);
        }
        double low = Math.max(0, a - ea) / (b + eb);
        double high = b - eb <= 0 ? Double.POSITIVE_INFINITY : (a + ea) / (b - eb);
        return new ScoreRatio(v, low, high);
    }

    /** A quotient known exactly, e.g. a row against itself (1, [1, 1]). */
    public static ScoreRatio exact(double v) {
        return new ScoreRatio(v, v, v);
    }

    /** This quotient times an exact factor (e.g. a ratio of tensor sizes). */
    public ScoreRatio times(double k) {
        return new ScoreRatio(value * k, low * k, high * k);
    }

    /** A target "at least {@code target}" is met only when the interval's low end meets it. */
    public boolean meets(double target) {
        return !Double.isNaN(low) && low >= target;
    }

    /** The value to 4 significant digits ("" when NaN). */
    public String valueText() {
        return round(value, RoundingMode.HALF_EVEN);
    }

    /** The low end rounded down to 4 significant digits, so the printed bound never exceeds the true one. */
    public String lowText() {
        return round(low, RoundingMode.FLOOR);
    }

    /** The high end rounded up to 4 significant digits ("inf" when unbounded). */
    public String highText() {
        return round(high, RoundingMode.CEILING);
    }

    static String round(double v, RoundingMode mode) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        // 12 digits first, so that binary noise (10.5 / 5.0 = 2.1000000000000000888) does not round up
        return new BigDecimal(v).round(new MathContext(12, RoundingMode.HALF_EVEN)).round(new MathContext(4, mode))
                .stripTrailingZeros().toPlainString();
    }
}
