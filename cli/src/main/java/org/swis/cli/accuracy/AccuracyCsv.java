package org.swis.cli.accuracy;

import java.util.List;
import java.util.Locale;
import org.swis.network.accuracy.AccuracyRun;
import org.swis.network.accuracy.Method;

/**
 * The accuracy CSV (one row per method and mode; SPEC §14.4): fixed columns, fixed decimals, so a
 * rerun on the same inputs writes the same bytes.
 */
public final class AccuracyCsv {
    public static final List<String> HEADER = List.of("model", "set", "images", "method", "family", "n", "schedule",
            "array_columns", "mode", "top1", "top5", "correct", "bits_per_weight", "serial_passes", "calibration");

    private AccuracyCsv() {
    }

    /** One CSV document. */
    public static String format(String model, String set, String calibration, List<AccuracyRun.Row> rows) {
        StringBuilder b = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (AccuracyRun.Row r : rows) {
            Method m = r.method();
            b.append(model).append(',').append(set).append(',').append(r.images()).append(',')
                    .append(m.id()).append(r.wholeSet() ? " (whole set)" : "").append(',')
                    .append(m.family().id()).append(',').append(Method.number(m.n())).append(',')
                    .append(m.schedule().id()).append(',').append(m.arrayColumns()).append(',')
                    .append(r.wholeSet() ? "float-whole-set" : m.mode()).append(',')
                    .append(pct(r.top1Percent())).append(',').append(pct(r.top5Percent())).append(',')
                    .append(r.correct()).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", r.bitsPerWeight())).append(',')
                    .append(Double.isNaN(r.serialPasses()) ? "" : String.format(Locale.ROOT, "%.4f", r.serialPasses()))
                    .append(',').append(r.wholeSet() ? "none" : m.family() == Method.Family.FP32 ? "none" : calibration)
                    .append('\n');
        }
        return b.toString();
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
    }
}
