package org.swis.cli.accuracy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.swis.cli.report.Charts;
import org.swis.network.accuracy.AccuracyRun;
import org.swis.network.accuracy.Method;

/** Top-1 against the shift / bit count, one line per method, FP32 and INT8 as flat reference lines. */
public final class AccuracyPlots {
    private AccuracyPlots() {
    }

    /** The series key of a row: family, schedule and array columns, mode. */
    static String series(Method m) {
        String s = m.family().id();
        if (m.schedule() != Method.Schedule.NONE) {
            s += " " + m.schedule().id().toUpperCase(java.util.Locale.ROOT) + " (" + m.arrayColumns() + " col.)";
        } else if (m.family().shifts()) {
            s += " unscheduled";
        }
        return m.weightsOnly() ? s + ", weights only" : s;
    }

    /** Top-1 (%) vs N of the integer-mode rows (weights-only rows when {@code weightsOnly}). */
    public static XYChart top1VsN(String title, List<AccuracyRun.Row> rows, boolean weightsOnly) {
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        double fp32 = Double.NaN;
        double int8 = Double.NaN;
        double lo = 8;
        double hi = 2;
        for (AccuracyRun.Row r : rows) {
            Method m = r.method();
            if (r.wholeSet()) {
                continue;
            }
            if (m.family() == Method.Family.FP32) {
                fp32 = r.top1Percent();
                continue;
            }
            if (m.weightsOnly() != weightsOnly) {
                continue;
            }
            if (m.family() == Method.Family.INT8) {
                int8 = r.top1Percent();
                continue;
            }
            points.computeIfAbsent(series(m), k -> new ArrayList<>()).add(new double[] {m.n(), r.top1Percent()});
            lo = Math.min(lo, m.n());
            hi = Math.max(hi, m.n());
        }
        List<Charts.Series> series = new ArrayList<>();
        for (Map.Entry<String, List<double[]>> e : points.entrySet()) {
            List<double[]> p = e.getValue();
            p.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] x = new double[p.size()];
            double[] y = new double[p.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = p.get(i)[0];
                y[i] = p.get(i)[1];
            }
            series.add(new Charts.Series(e.getKey(), x, y));
        }
        if (!Double.isNaN(fp32)) {
            series.add(new Charts.Series("FP32", new double[] {lo, hi}, new double[] {fp32, fp32}));
        }
        if (!Double.isNaN(int8)) {
            series.add(new Charts.Series(weightsOnly ? "INT8 weights only" : "INT8", new double[] {lo, hi},
                    new double[] {int8, int8}));
        }
        return Charts.lines(title, "shifts per group N (SWIS, SWIS-C) / bits (truncation, RTN)", "top-1 (%)", false, series);
    }
}
