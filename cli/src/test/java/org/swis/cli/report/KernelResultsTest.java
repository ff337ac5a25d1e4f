package org.swis.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelResultsTest {
    @Test
    void swisRatiosFormOneSeriesPerJdkShapeAndBatchAndSkipYardsticks(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("kernels.csv");
        Files.writeString(csv, String.join("\n",
                "jdk,kernel,shape,n,batch,gmac_per_s,ratio_vs_best_int8",
                "17.0.15,swis-vector,llm-4096x4096,2,1,4.0,0.40",
                "17.0.15,swis-vector,llm-4096x4096,4,1,2.0,0.20",
                "17.0.15,int8-vector,llm-4096x4096,,1,10.0,1.0",
                "25.0.3,swis-vector,llm-4096x4096,2,16,9.0,0.90",
                "25.0.3,swis-vector,llm-4096x4096,3,16,8.0,0.80",
                "25.0.3,swis-vector,resnet18-layer4,4,1,1.0,0.30",
                ""));
        List<Map<String, String>> rows = KernelResults.rows(csv);
        assertEquals(6, rows.size());
        Map<String, TreeMap<Integer, double[]>> s = KernelResults.swisRatios(rows);
        // the resnet18 series has one point only and is dropped; int8 is a yardstick
        assertEquals(List.of("swis-vector llm-4096x4096 batch 1 (JDK 17)", "swis-vector llm-4096x4096 batch 16 (JDK 25)"),
                List.copyOf(s.keySet()));
        assertEquals(0.20, s.get("swis-vector llm-4096x4096 batch 1 (JDK 17)").get(4)[0], 0);
        assertTrue(Double.isNaN(s.get("swis-vector llm-4096x4096 batch 1 (JDK 17)").get(4)[1]), "no interval in this CSV");
        assertEquals(List.of("17.0.15", "int8-vector", "llm-4096x4096", "", ""),
                KernelResults.table(rows, List.of("jdk", "kernel", "shape", "missing", "n")).get(2));
    }

    @Test
    void theChartDrawsEachRatioIntervalAsAnErrorBarOfItsWiderSide() {
        Map<String, TreeMap<Integer, double[]>> series = new java.util.LinkedHashMap<>();
        TreeMap<Integer, double[]> points = new TreeMap<>();
        points.put(2, new double[] {0.5, 0.4523, 0.5527});
        points.put(4, new double[] {0.3, Double.NaN, Double.NaN});
        series.put("swis-vector", points);
        org.knowm.xchart.XYChart chart = KernelResults.chart(series, "kernels.csv");
        double[] bars = chart.getSeriesMap().get("swis-vector").getExtraValues();
        // wider side of [0.4523, 0.5527] around 0.5: max(0.0477, 0.0527) = 0.0527; no interval, no bar
        assertEquals(0.0527, bars[0], 1e-12);
        assertEquals(0, bars[1], 0);
        assertEquals(null, chart.getSeriesMap().get("best int8 kernel (= 1)").getExtraValues());
    }

    private static Map<String, String> row(String... kv) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void aTargetIsMetOnlyWhenTheLowEndOfTheIntervalMeetsIt() {
        String[] gemv = {"jdk", "17.0.15", "kernel", "swis-vector", "batch", "1", "shape", "llm-4096x4096", "run", "full"};
        List<Map<String, String>> kernels = List.of(
                // 0.62 [0.61, 0.63] >= 0.6: met
                row(concat(gemv, "n", "2", "ratio_vs_best_int8", "0.62", "ratio_vs_best_int8_low", "0.61", "ratio_vs_best_int8_high", "0.63")),
                // 0.62 [0.5821, 0.66]: the point estimate meets 0.6, the low end does not
                row(concat(gemv, "n", "3", "ratio_vs_best_int8", "0.62", "ratio_vs_best_int8_low", "0.5821", "ratio_vs_best_int8_high", "0.66")),
                // 0.3 [0.29, 0.31] against 0.5 (N = 4): no
                row(concat(gemv, "n", "4", "ratio_vs_best_int8", "0.3", "ratio_vs_best_int8_low", "0.29", "ratio_vs_best_int8_high", "0.31")),
                // quick row without an interval
                row("jdk", "25", "kernel", "swis-vector", "batch", "16", "shape", "llm-4096x4096", "n", "2", "run", "quick",
                        "ratio_vs_best_int8", "1.07", "ratio_vs_best_int8_low", "", "ratio_vs_best_int8_high", ""),
                // int8 yardstick and a shape without a target: not listed
                row("jdk", "17.0.15", "kernel", "int8-vector", "batch", "1", "shape", "llm-4096x4096", "n", "", "ratio_vs_best_int8", "1"),
                row(concat(gemv, "n", "2", "shape", "resnet18-layer4", "ratio_vs_best_int8", "0.9", "ratio_vs_best_int8_low", "0.85",
                        "ratio_vs_best_int8_high", "0.95")));
        List<Map<String, String>> decompose = List.of(row("jdk", "17.0.15", "kernel", "table-vector", "scheme", "swis", "n", "4",
                "m", "4", "alpha", "1", "threads", "2", "run", "full", "speedup_vs_1_thread", "1.818",
                "speedup_vs_1_thread_low", "1.583", "speedup_vs_1_thread_high", "2.1"));
        String t = KernelResults.targets(decompose, kernels);
        List<String> lines = t.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| target") && !l.startsWith("| ---")).toList();
        assertEquals(5, lines.size(), t);
        assertTrue(lines.get(0).contains("two threads") && lines.get(0).endsWith("| not met (interval straddles the target) |"), lines.get(0));
        assertTrue(lines.get(1).contains("N = 2") && lines.get(1).contains("[0.61, 0.63]") && lines.get(1).endsWith("| yes |"), lines.get(1));
        assertTrue(lines.get(2).contains("N = 3") && lines.get(2).endsWith("| not met (interval straddles the target) |"), lines.get(2));
        assertTrue(lines.get(3).contains("N = 4") && lines.get(3).endsWith("| no |"), lines.get(3));
        assertTrue(lines.get(4).contains("GEMM") && lines.get(4).endsWith("| not judged (no interval) |"), lines.get(4));
        assertEquals("", KernelResults.targets(List.of(), List.of()));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
