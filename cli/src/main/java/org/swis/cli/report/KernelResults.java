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
 * N" plot, without linking module jmh. Columns used: kernels.csv {@code jdk, kernel, shape, n, batch,
 * gmac_per_s, ratio_vs_best_int8}; decompose.csv {@code jdk, kernel, scheme, n, m, threads,
 * mweights_per_s, ratio_vs_reference, speedup_vs_1_thread}.
 */
public final class KernelResults {
    /** Columns of kernels.csv shown in the summary. */
    public static final List<String> KERNEL_COLUMNS = List.of("jdk", "kernel", "shape", "batch", "n", "gmac_per_s",
            "ratio_vs_best_int8");
    /** Columns of decompose.csv shown in the summary. */
    public static final List<String> DECOMPOSE_COLUMNS = List.of("jdk", "kernel", "scheme", "n", "m", "threads",
            "mweights_per_s", "ratio_vs_reference", "speedup_vs_1_thread");

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
     * SWIS kernel ratio to the best int8 kernel against N, one series per (JDK, kernel, shape, batch);
     * rows without a numeric N or ratio (the yardsticks) are left out.
     */
    public static Map<String, TreeMap<Integer, Double>> swisRatios(List<Map<String, String>> rows) {
        Map<String, TreeMap<Integer, Double>> series = new LinkedHashMap<>();
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
                series.computeIfAbsent(name, k -> new TreeMap<>()).put(n, ratio);
            } catch (NumberFormatException e) {
                // a yardstick row or an incomplete measurement: not part of a ratio-vs-N series
            }
        }
        series.values().removeIf(m -> m.size() < 2);
        return series;
    }

    /** The ratio-vs-N line chart (1.0 = as fast as the best int8 GEMV/GEMM measured in the same run). */
    public static org.knowm.xchart.XYChart chart(Map<String, TreeMap<Integer, Double>> series, String source) {
        List<Charts.Series> s = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, Double>> e : series.entrySet()) {
            double[] x = new double[e.getValue().size()];
            double[] y = new double[x.length];
            int i = 0;
            for (Map.Entry<Integer, Double> p : e.getValue().entrySet()) {
                x[i] = p.getKey();
                y[i++] = p.getValue();
            }
            s.add(new Charts.Series(e.getKey(), x, y));
        }
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        double top = 1;
        for (Charts.Series c : s) {
            for (double v : c.x()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            for (double v : c.y()) {
                top = Math.max(top, v);
            }
        }
        s.add(new Charts.Series("best int8 kernel (= 1)", new double[] {lo, hi}, new double[] {1, 1}));
        org.knowm.xchart.XYChart chart = Charts.lines("SWIS kernel speed / best int8 kernel vs N (" + source + ")",
                "shifts per group N", "ratio to best int8 (1 = as fast)", false, s);
        org.knowm.xchart.XYSeries ref = chart.getSeriesMap().get("best int8 kernel (= 1)");
        ref.setLineColor(java.awt.Color.BLACK);
        ref.setLineStyle(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        ref.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(Math.ceil(top * 1.1 * 10) / 10);
        return chart;
    }
}
