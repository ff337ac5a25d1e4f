package org.swis.cli.report;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.XYStyler;

/**
 * The ticks of a logarithmic value axis: the axis spans whole decades, from the decade at or below
 * the smallest positive value to the decade at or above the largest (at least one decade), so every
 * decade 10^k on it is a labelled major tick, both ends included; 2..9 · 10^k are unlabelled minor
 * ticks. Labels are plain decimals (0.0001, 0.001, ..., 1, 10, 100), never switching to
 * E-notation within one axis, with '.' as the separator whatever the locale.
 *
 * <p>XChart draws a log axis with a label at each decade only; on a range narrower than a decade
 * it showed a single label (or none). Snapping the axis to decade bounds makes XChart's own ticks
 * exactly {@link #majorTicks()} and {@link #minorTicks()}.
 *
 * @param lowExponent  k of the bottom decade 10^k
 * @param highExponent k of the top decade (&gt; lowExponent)
 */
public record LogAxis(int lowExponent, int highExponent) {
    public LogAxis {
        if (highExponent <= lowExponent) {
            throw new IllegalArgumentException("a log axis spans at least one decade: 10^" + lowExponent + "..10^" + highExponent);
        }
    }

    /** The decade axis covering every positive value of {@code values}; null when none is positive. */
    public static LogAxis covering(double[]... values) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double[] vs : values) {
            for (double v : vs) {
                if (v > 0 && Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (max == 0) {
            return null;
        }
        int lo = floorExponent(min);
        int hi = floorExponent(max);
        if (decade(hi) < max) {
            hi++;
        }
        return new LogAxis(lo, Math.max(hi, lo + 1));
    }

    /** The largest k with 10^k &lt;= v (10^k as the double nearest to it, as the literal "1ek" parses). */
    static int floorExponent(double v) {
        int k = (int) Math.floor(Math.log10(v));
        while (decade(k) > v) {
            k--;
        }
        while (decade(k + 1) <= v) {
            k++;
        }
        return k;
    }

    /** 10^k as the double nearest to it. */
    static double decade(int k) {
        return Double.parseDouble("1e" + k);
    }

    public double min() {
        return decade(lowExponent);
    }

    public double max() {
        return decade(highExponent);
    }

    /** The labelled ticks, bottom to top: 10^k for every k on the axis. */
    public List<Double> majorTicks() {
        List<Double> out = new ArrayList<>();
        for (int k = lowExponent; k <= highExponent; k++) {
            out.add(decade(k));
        }
        return out;
    }

    /** The unlabelled ticks, bottom to top: m · 10^k, m = 2..9, inside the axis. */
    public List<Double> minorTicks() {
        List<Double> out = new ArrayList<>();
        for (int k = lowExponent; k < highExponent; k++) {
            for (int m = 2; m <= 9; m++) {
                out.add(Double.parseDouble(m + "e" + k));
            }
        }
        return out;
    }

    /** The label of each major tick, plain decimal: "0.001", "1", "100". */
    public List<String> labels() {
        List<String> out = new ArrayList<>();
        for (int k = lowExponent; k <= highExponent; k++) {
            out.add(BigDecimal.ONE.scaleByPowerOfTen(k).toPlainString());
        }
        return out;
    }

    /** The decimal pattern that prints every major tick as its {@link #labels() label}. */
    public String pattern() {
        return lowExponent >= 0 ? "0" : "0." + "#".repeat(-lowExponent);
    }

    /** Formats a value with {@link #pattern()} and '.' as separator (the format the chart uses). */
    public String format(double v) {
        return new DecimalFormat(pattern(), DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }

    /** Makes the chart's Y axis this log axis (range, tick label pattern, locale of the separator). */
    public void applyToY(XYChart chart) {
        XYStyler s = chart.getStyler();
        s.setYAxisLogarithmic(true);
        s.setYAxisLogarithmicDecadeOnly(true);
        s.setYAxisMin(min());
        s.setYAxisMax(max());
        s.setYAxisDecimalPattern(pattern());
        s.setLocale(Locale.ROOT);
    }
}
