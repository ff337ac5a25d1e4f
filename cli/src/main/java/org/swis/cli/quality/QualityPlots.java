package org.swis.cli.quality;

import org.swis.reference.quality.QualityRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.swis.cli.report.Charts;

/** The rate-distortion figure of a model: weight RMSE against exact stored bits per weight, one line per method. */
public final class QualityPlots {
    private QualityPlots() {
    }

    /** One line: which model-level rows it joins, and its legend. */
    private record Line(String legend, String method, int m, String schedule) {
    }

    public static XYChart rmseVsBits(String model, List<QualityRow> rows) {
        List<Line> lines = List.of(
                new Line("SWIS M=4, SS schedule", "swis", 4, "ss"),
                new Line("SWIS M=4, DS schedule", "swis", 4, "ds"),
                new Line("SWIS-C M=4, SS schedule", "swis-c", 4, "ss"),
                new Line("SWIS M=16, SS schedule", "swis", 16, "ss"),
                new Line("SWIS-C M=16, SS schedule", "swis-c", 16, "ss"),
                new Line("SWIS M=1 (per weight)", "swis", 1, "none"),
                new Line("weight truncation", "trunc", 0, "-"),
                new Line("RTN INT-k per channel", "rtn-channel", 0, "-"),
                new Line("RTN INT-k per group of 16", "rtn-group", 16, "-"),
                new Line("INT8", "int8", 0, "-"));
        List<Charts.Series> series = new ArrayList<>();
        for (Line l : lines) {
            List<QualityRow> pts = new ArrayList<>();
            for (QualityRow r : rows) {
                if (r.layer().equals("*") && r.method().equals(l.method()) && r.m() == l.m() && r.schedule().equals(l.schedule())
                        && r.bitsPerWeight() <= 12.5) {
                    pts.add(r);
                }
            }
            if (pts.isEmpty()) {
                continue;
            }
            pts.sort(Comparator.comparingDouble(QualityRow::bitsPerWeight));
            double[] x = new double[pts.size()];
            double[] y = new double[pts.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = pts.get(i).bitsPerWeight();
                y[i] = pts.get(i).weightError().rmse();
            }
            series.add(new Charts.Series(l.legend(), x, y));
        }
        return Charts.lines(model + ": weight RMSE vs stored bits per weight (whole model)", "bits per weight (exact, incl. shifts/signs/scales)",
                "RMSE vs float weights (log)", true, series);
    }

    /**
     * The equal-cycles view: weight RMSE against the serial passes a bit-serial PE spends per weight
     * group: N shifts for SWIS / SWIS-C (single-shift), N kept bits for weight truncation, and k - 1
     * magnitude bits for sign-magnitude RTN INT-k (plotted at N = k - 1).
     */
    public static XYChart rmseVsPasses(String model, List<QualityRow> rows) {
        List<Charts.Series> series = new ArrayList<>();
        addByTarget(series, rows, "SWIS M=4 (N shifts)", "swis", 4, "ss", 0);
        addByTarget(series, rows, "SWIS-C M=4 (N shifts)", "swis-c", 4, "ss", 0);
        addByTarget(series, rows, "SWIS M=16 (N shifts)", "swis", 16, "ss", 0);
        addByTarget(series, rows, "SWIS M=1 (N shifts, per weight)", "swis", 1, "none", 0);
        addByTarget(series, rows, "weight truncation (N bits)", "trunc", 0, "-", 0);
        addByTarget(series, rows, "RTN INT-k per channel (k-1 magnitude bits)", "rtn-channel", 0, "-", -1);
        return Charts.lines(model + ": weight RMSE vs serial passes per weight (whole model)",
                "passes per weight group (shifts N, kept bits, or magnitude bits)", "RMSE vs float weights (log)", true, series);
    }

    private static void addByTarget(List<Charts.Series> out, List<QualityRow> rows, String legend, String method, int m,
                                    String schedule, double shift) {
        List<QualityRow> pts = new ArrayList<>();
        for (QualityRow r : rows) {
            if (r.layer().equals("*") && r.method().equals(method) && r.m() == m && r.schedule().equals(schedule)
                    && r.target() + shift >= 1 && r.target() + shift <= 7) {
                pts.add(r);
            }
        }
        if (pts.isEmpty()) {
            return;
        }
        pts.sort(Comparator.comparingDouble(QualityRow::target));
        double[] x = new double[pts.size()];
        double[] y = new double[pts.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pts.get(i).target() + shift;
            y[i] = pts.get(i).weightError().rmse();
        }
        out.add(new Charts.Series(legend, x, y));
    }
}
