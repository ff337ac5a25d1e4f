package org.swis.cli.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the benchmark CSVs written by {@code org.swis.jmh.ResultsToCsv} (results/kernels.csv and
 * results/decompose.csv, or their _quick variants) for the summary tables and the "kernel ratios vs
 * N" plot, without linking module jmh. Every ratio is shown with its interval ({@code _low}, {@code _high},
 * docs/KERNELS.md §6), every row with its run kind (full / quick); a target counts as met only when the
 * interval's low end meets it ({@link #targets}).
 */
public final class KernelResults {
    /** Columns of kernels.csv shown in the summary. */
    public static final List<String> KERNEL_COLUMNS = List.of("jdk", "kernel", "shape", "batch", "n", "score",
            "score_error", "unit", "gmac_per_s", "ratio_vs_best_int8", "ratio_vs_best_int8_low", "ratio_vs_best_int8_high",
            "run");
    /** Columns of kernels_gemv.csv, kernels_layouts.csv, kernels_tails.csv and kernels_workload.csv shown in the summary. */
    public static final List<String> SEPARATE_RUN_COLUMNS = List.of("jdk", "kernel", "shape", "batch", "n", "threads",
            "weight_bits", "api", "score", "score_error", "unit", "gmac_per_s", "ratio_vs_best_int8", "ratio_vs_best_int8_low",
            "ratio_vs_best_int8_high", "git_commit");
    /** Columns of decompose_threads.csv and decompose_processes.csv shown in the summary. */
    public static final List<String> SEPARATE_DECOMPOSE_COLUMNS = List.of("jdk", "kernel", "scheme", "n", "m", "threads",
            "processes", "score", "score_error", "mweights_per_s", "mweights_per_s_low", "mweights_per_s_high",
            "speedup_vs_1_thread", "speedup_vs_1_thread_low", "speedup_vs_1_thread_high", "jmh_forks", "git_commit");
    /** Columns of decompose.csv shown in the summary. */
    public static final List<String> DECOMPOSE_COLUMNS = List.of("jdk", "kernel", "scheme", "n", "m", "threads",
            "score", "score_error", "mweights_per_s", "mweights_per_s_low", "ratio_vs_reference", "ratio_vs_reference_low",
            "ratio_vs_reference_high", "speedup_vs_1_thread", "speedup_vs_1_thread_low", "speedup_vs_1_thread_high", "run");

    private KernelResults() {
    }

    /** The CSV's rows as column-to-value maps, in file order. */
    public static List<Map<String, String>> rows(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv)) {
            CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
            List<Map<String, String>> out = new ArrayList<>();
            for (CSVRecord r : fmt.parse(in)) {
                out.add(r.toMap());
            }
            return out;
        }
    }

    /** The summary table: the given columns of every row ("" where a row lacks one). */
    public static List<List<String>> table(List<Map<String, String>> rows, List<String> columns) {
        List<List<String>> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            List<String> line = new ArrayList<>();
            for (String c : columns) {
                line.add(r.getOrDefault(c, ""));
            }
            out.add(line);
        }
        return out;
    }

    /**
     * SWIS kernel ratio to the best int8 kernel against N, one series per (JDK, kernel, shape, batch):
     * each point is {ratio, low, high} (NaN ends when the CSV has no interval); rows without a numeric N
     * or ratio (the yardsticks) are left out.
     */
    public static Map<String, TreeMap<Integer, double[]>> swisRatios(List<Map<String, String>> rows) {
        Map<String, TreeMap<Integer, double[]>> series = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            String kernel = r.getOrDefault("kernel", "");
            if (!kernel.startsWith("swis")) {
                continue;
            }
            try {
                int n = Integer.parseInt(r.getOrDefault("n", ""));
                double ratio = Double.parseDouble(r.getOrDefault("ratio_vs_best_int8", ""));
                String jdk = r.getOrDefault("jdk", "?");
                String name = kernel + " " + r.getOrDefault("shape", "") + " batch " + r.getOrDefault("batch", "")
                        + " (JDK " + jdk.split("\\.")[0] + ")";
                series.computeIfAbsent(name, k -> new TreeMap<>()).put(n, new double[] {ratio,
                    number(r.get("ratio_vs_best_int8_low")), number(r.get("ratio_vs_best_int8_high"))});
            } catch (NumberFormatException e) {
                // a yardstick row or an incomplete measurement: not part of a ratio-vs-N series
            }
        }
        series.values().removeIf(m -> m.size() < 2);
        return series;
    }

    /** A CSV number ("inf" = +infinity), NaN when empty or absent. */
    static double number(String v) {
        if (v == null || v.isBlank()) {
            return Double.NaN;
        }
        return v.trim().equals("inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(v.trim());
    }

    /**
     * The ratio-vs-N line chart (1.0 = as fast as the best int8 GEMV/GEMM measured in the same run). Error
     * bars: XChart draws symmetric bars only, so each bar is the wider side of the point's interval
     * (max(ratio - low, high - ratio)); a point without an interval has none.
     */
    public static org.knowm.xchart.XYChart chart(Map<String, TreeMap<Integer, double[]>> series, String source) {
        List<Charts.Series> s = new ArrayList<>();
        List<double[]> bars = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, double[]>> e : series.entrySet()) {
            double[] x = new double[e.getValue().size()];
            double[] y = new double[x.length];
            double[] err = new double[x.length];
            int i = 0;
            for (Map.Entry<Integer, double[]> p : e.getValue().entrySet()) {
                double[] v = p.getValue();
                x[i] = p.getKey();
                y[i] = v[0];
                double wide = Math.max(v[0] - v[1], v[2] - v[0]);
                err[i++] = Double.isFinite(wide) ? wide : 0;
            }
            s.add(new Charts.Series(e.getKey(), x, y));
            bars.add(err);
        }
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        double top = 1;
        for (int c = 0; c < s.size(); c++) {
            for (double v : s.get(c).x()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            for (int i = 0; i < s.get(c).y().length; i++) {
                top = Math.max(top, s.get(c).y()[i] + bars.get(c)[i]);
            }
        }
        s.add(new Charts.Series("best int8 kernel (= 1)", new double[] {lo, hi}, new double[] {1, 1}));
        bars.add(null);
        org.knowm.xchart.XYChart chart = Charts.lines("SWIS kernel speed / best int8 kernel vs N (" + source + ")",
                "shifts per group N", "ratio to best int8 (1 = as fast; bars: ratio interval, KERNELS.md §6)", false, s, bars);
        org.knowm.xchart.XYSeries ref = chart.getSeriesMap().get("best int8 kernel (= 1)");
        ref.setLineColor(java.awt.Color.BLACK);
        ref.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        ref.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(Math.ceil(top * 1.1 * 10) / 10);
        return chart;
    }

    /**
     * Where a benchmark CSV's rows come from: this run or an earlier one, and the rows per (run kind,
     * benchmark jar commit and dirty flag, user jars, command), from the {@code run}, {@code git_commit},
     * {@code git_dirty}, {@code user_jars} and {@code command} columns.
     */
    public static String provenance(Path csv, List<Map<String, String>> rows, List<String> writtenByThisRun) {
        String file = csv.getFileName().toString();
        Map<String, Integer> groups = new TreeMap<>();
        for (Map<String, String> r : rows) {
            String run = r.getOrDefault("run", "");
            String commit = r.getOrDefault("git_commit", "");
            String dirty = r.getOrDefault("git_dirty", "");
            String jars = r.getOrDefault("user_jars", "");
            String command = r.getOrDefault("command", "");
            String g = (run.equals("full") ? "full (3 forks x 5 iterations or more)"
                    : run.equals("quick") ? "quick (fewer than 3 forks x 5 iterations)" : "run kind not recorded")
                    + ", benchmark jar commit " + (commit.isEmpty() ? "unknown" : commit)
                    + (dirty.equals("true") ? " with uncommitted changes" : dirty.equals("false") ? " (clean)" : "")
                    + (jars.isEmpty() ? "" : ", user jars " + jars)
                    + (command.isEmpty() ? "" : ", command `" + command + "`");
            groups.merge(g, 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder("Provenance: ").append(writtenByThisRun.contains(file) ? "written by this run"
                : "from an earlier run (not rewritten by this one)").append(rows.isEmpty() ? "; no rows." : ";");
        groups.forEach((g, n) -> b.append(' ').append(n).append(n == 1 ? " row " : " rows ").append(g).append(';'));
        if (!rows.isEmpty()) {
            b.setCharAt(b.length() - 1, '.');
        }
        return b.toString();
    }

    /** One published target: a row selector, the column whose interval is judged, and the bound. */
    record Target(String what, String csv, Map<String, List<String>> where, String column, double atLeast) {
    }

    /** The targets of docs/KERNELS.md §7. */
    static final List<Target> TARGETS = List.of(
            new Target("decomposition, SWIS N = 4, M = 4, one thread: >= 100 M weights/s", "decompose",
                    Map.of("kernel", List.of("table-vector"), "scheme", List.of("swis"), "n", List.of("4"), "m", List.of("4"),
                            "alpha", List.of("1"), "threads", List.of("1")), "mweights_per_s", 100),
            new Target("same, two threads: >= 1.8x one thread", "decompose",
                    Map.of("kernel", List.of("table-vector"), "scheme", List.of("swis"), "n", List.of("4"), "m", List.of("4"),
                            "alpha", List.of("1"), "threads", List.of("2")), "speedup_vs_1_thread", 1.8),
            new Target("same, one thread: >= 100x the reference", "decompose",
                    Map.of("kernel", List.of("table-vector"), "scheme", List.of("swis"), "n", List.of("4"), "m", List.of("4"),
                            "alpha", List.of("1"), "threads", List.of("1")), "ratio_vs_reference", 100),
            new Target("SWIS GEMV (batch 1) >= 0.6x best int8, N = 2, 3", "kernels",
                    Map.of("kernel", List.of("swis-vector"), "batch", List.of("1"), "n", List.of("2", "3"),
                            "shape", List.of("llm-4096x4096", "llm-11008x4096")), "ratio_vs_best_int8", 0.6),
            new Target("SWIS GEMV (batch 1) >= 0.5x best int8, N = 4", "kernels",
                    Map.of("kernel", List.of("swis-vector"), "batch", List.of("1"), "n", List.of("4"),
                            "shape", List.of("llm-4096x4096", "llm-11008x4096")), "ratio_vs_best_int8", 0.5),
            new Target("SWIS GEMM (batch 16) >= 0.95x best int8, N = 2, 3, 4", "kernels",
                    Map.of("kernel", List.of("swis-vector"), "batch", List.of("16"), "n", List.of("2", "3", "4"),
                            "shape", List.of("llm-4096x4096", "llm-11008x4096", "llm-4096x11008")), "ratio_vs_best_int8", 0.95));

    /**
     * The targets table: for every matching row, the value with its interval and whether the target is
     * met, judged by the interval's low end only: "yes" when low >= target, "no" when high < target,
     * "not met (interval straddles the target)" otherwise, "not judged (no interval)" without one.
     */
    public static String targets(List<Map<String, String>> decompose, List<Map<String, String>> kernels) {
        List<List<String>> lines = new ArrayList<>();
        for (Target t : TARGETS) {
            for (Map<String, String> r : t.csv().equals("kernels") ? kernels : decompose) {
                if (!t.where().entrySet().stream().allMatch(e -> e.getValue().contains(r.getOrDefault(e.getKey(), "")))) {
                    continue;
                }
                String v = r.getOrDefault(t.column(), "");
                String lo = r.getOrDefault(t.column() + "_low", "");
                String hi = r.getOrDefault(t.column() + "_high", "");
                String verdict;
                if (lo.isEmpty() || hi.isEmpty()) {
                    verdict = "not judged (no interval)";
                } else if (number(lo) >= t.atLeast()) {
                    verdict = "yes";
                } else if (number(hi) < t.atLeast()) {
                    verdict = "no";
                } else {
                    verdict = "not met (interval straddles the target)";
                }
                String row = "JDK " + r.getOrDefault("jdk", "?") + (t.csv().equals("kernels")
                        ? ", " + r.getOrDefault("shape", "") + ", N = " + r.getOrDefault("n", "") : "");
                lines.add(List.of(t.what(), row, r.getOrDefault("run", ""), v, lo.isEmpty() ? "" : "[" + lo + ", " + hi + "]",
                        verdict));
            }
        }
        if (lines.isEmpty()) {
            return "";
        }
        return "### Targets\n\nA target counts as met only when the low end of the row's interval meets it "
                + "(docs/KERNELS.md §6).\n\n"
                + TextTable.markdown(List.of("target", "row", "run", "value", "interval", "met?"), lines) + '\n';
    }
}
