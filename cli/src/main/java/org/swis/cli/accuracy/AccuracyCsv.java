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

    /**
     * The column added when single-channel filters were grouped with another size than M (SPEC 2.3, 14.2):
     * {@code swis accuracy --depthwise-m}. Files without it used M.
     */
    public static final String DEPTHWISE_M = "depthwise_m";

    private AccuracyCsv() {
    }

    /** One CSV document, single-channel filters grouped like the others (SPEC 2.3). */
    public static String format(String model, String set, String calibration, List<AccuracyRun.Row> rows) {
        return format(model, set, calibration, null, rows);
    }

    /**
     * One CSV document.
     *
     * @param depthwiseM the group size of single-channel filters when it differs from M, else null (no column)
     */
    public static String format(String model, String set, String calibration, Integer depthwiseM, List<AccuracyRun.Row> rows) {
        StringBuilder b = new StringBuilder(String.join(",", HEADER));
        if (depthwiseM != null) {
            b.append(',').append(DEPTHWISE_M);
        }
        b.append('\n');
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
                    .append(',').append(r.wholeSet() ? "none" : m.family() == Method.Family.FP32 ? "none" : calibration);
            if (depthwiseM != null) {
                b.append(',').append(depthwiseM);
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** A row read back from an accuracy CSV: the method, images, top-1 hits and whether it is the whole-set fp32 row. */
    public record Parsed(String model, String set, Method method, int images, int correct, boolean wholeSet,
                         String calibration, Integer depthwiseM) {
        public double top1Percent() {
            return 100.0 * correct / images;
        }

        /** As a run row (times and bits not kept), for the table layouts. */
        public AccuracyRun.Row row() {
            return new AccuracyRun.Row(method, images, correct, -1, Double.NaN, Double.NaN, wholeSet, Double.NaN, Double.NaN);
        }
    }

    /** Reads a CSV written by {@link #format}; null when the header is not this format's. */
    public static List<Parsed> parse(List<String> lines) {
        String header = String.join(",", HEADER);
        if (lines.isEmpty() || !(lines.get(0).equals(header) || lines.get(0).equals(header + "," + DEPTHWISE_M))) {
            return null;
        }
        boolean withM = !lines.get(0).equals(header);
        List<Parsed> out = new java.util.ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            boolean whole = f[3].endsWith(" (whole set)");
            String id = whole ? f[3].substring(0, f[3].length() - " (whole set)".length()) : f[3];
            out.add(new Parsed(f[0], f[1], Method.parse(id), Integer.parseInt(f[2]), Integer.parseInt(f[11]), whole, f[14],
                    withM ? Integer.valueOf(f[15]) : null));
        }
        return out;
    }

    /** How a title names the grouping of single-channel filters: empty for the default (SPEC 2.3). */
    public static String variant(Integer depthwiseM) {
        return depthwiseM == null ? "" : ", single-channel filters in groups of " + depthwiseM;
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.2f", v);
    }
}
