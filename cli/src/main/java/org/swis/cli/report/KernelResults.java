package org.swis.cli.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the kernels CSV of the JMH runner for the summary and the "kernel ratios vs N" plot without
 * linking module jmh: a column named {@code n} or {@code N} (shift count), every column whose name
 * contains {@code ratio} or {@code speedup} is a ratio series, and an optional {@code kernel} /
 * {@code benchmark} column splits series further. Rows whose N or ratio is not a number are skipped.
 */
public final class KernelResults {
    private KernelResults() {
    }

    /** Ratio series: name to (N to ratio), with the CSV's columns for the summary. */
    public record Ratios(List<String> columns, Map<String, TreeMap<Integer, Double>> series, int rows) {
        public boolean plottable() {
            return !series.isEmpty();
        }
    }

    public static Ratios read(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv)) {
            CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
            var parser = fmt.parse(in);
            List<String> columns = parser.getHeaderNames();
            String nCol = null;
            String splitCol = null;
            List<String> ratioCols = new ArrayList<>();
            for (String c : columns) {
                String l = c.toLowerCase(Locale.ROOT);
                if (l.equals("n") || l.equals("shifts")) {
                    nCol = c;
                } else if (l.equals("kernel") || l.equals("benchmark")) {
                    splitCol = c;
                } else if (l.contains("ratio") || l.contains("speedup")) {
                    ratioCols.add(c);
                }
            }
            Map<String, TreeMap<Integer, Double>> series = new LinkedHashMap<>();
            int rows = 0;
            for (CSVRecord r : parser) {
                rows++;
                if (nCol == null || ratioCols.isEmpty()) {
                    continue;
                }
                Integer n = parseInt(r.get(nCol));
                if (n == null) {
                    continue;
                }
                for (String c : ratioCols) {
                    Double v = parseDouble(r.isMapped(c) ? r.get(c) : "");
                    if (v == null) {
                        continue;
                    }
                    String name = (splitCol != null ? r.get(splitCol) + " " : "") + c;
                    series.computeIfAbsent(name, k -> new TreeMap<>()).put(n, v);
                }
            }
            return new Ratios(columns, series, rows);
        }
    }

    private static Integer parseInt(String s) {
        try {
            double d = Double.parseDouble(s);
            return d == Math.rint(d) ? (int) d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double parseDouble(String s) {
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The ratio-vs-N line chart. */
    public static org.knowm.xchart.XYChart chart(Ratios r, String source) {
        List<Charts.Series> s = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, Double>> e : r.series().entrySet()) {
            double[] x = new double[e.getValue().size()];
            double[] y = new double[x.length];
            int i = 0;
            for (Map.Entry<Integer, Double> p : e.getValue().entrySet()) {
                x[i] = p.getKey();
                y[i++] = p.getValue();
            }
            s.add(new Charts.Series(e.getKey(), x, y));
        }
        return Charts.lines("Kernel ratios vs N (" + source + ")", "shifts per group N", "ratio", false, s);
    }
}
