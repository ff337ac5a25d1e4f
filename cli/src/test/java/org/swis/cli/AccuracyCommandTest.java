package org.swis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code swis accuracy} on the embedded model and images: outputs, determinism, bad input. */
class AccuracyCommandTest {
    @TempDir
    Path dir;

    static SwisCommandTest.Run run(String... args) {
        return SwisCommandTest.run(args);
    }

    @Test
    void embeddedDefaultWritesCsvPlotAndPredictions() throws Exception {
        Path csv = dir.resolve("acc.csv");
        Path pred = dir.resolve("pred.csv");
        String[] args = {"-q", "accuracy", "--methods", "fp32,int8,swis:3:ss:8", "--limit", "16", "--calib-limit", "16", "-o", csv.toString(),
            "--plot-dir", dir.toString(), "--predictions", pred.toString()};
        SwisCommandTest.Run r = run(args);
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("model,set,images,method"));
        assertTrue(lines.get(2).startsWith("cifar10_resnet20,cifar10_test_1000,16,int8,"), lines.get(2));
        assertTrue(Files.exists(dir.resolve("accuracy_cifar10_resnet20_cifar10_test_1000_top1.png")));
        List<String> p = Files.readAllLines(pred);
        assertEquals(17, p.size());
        assertEquals("file,label,fp32,int8,swis:3:ss:8", p.get(0));
        byte[] first = Files.readAllBytes(csv);
        assertEquals(0, run(args).code());
        assertEquals(new String(first), Files.readString(csv), "a rerun writes the same bytes");
    }

    @Test
    void timingRepeatsWriteEveryRunTheirMeanAndAStudentInterval() throws Exception {
        Path t = dir.resolve("timing.csv");
        SwisCommandTest.Run r = run("-q", "accuracy", "--methods", "int8,swis:3", "--limit", "16", "--calib-limit", "8",
                "--threads", "2", "--timing", t.toString(), "--timing-repeats", "3");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(t);
        assertEquals(3, lines.size(), String.join("\n", lines));
        List<String> head = List.of(lines.get(0).split(","));
        assertEquals("commit", head.get(head.size() - 1), "swis reproduce reads the commit from the last column");
        for (String line : lines.subList(1, 3)) {
            String[] f = line.split(",", -1);
            assertEquals("3", f[head.indexOf("runs")]);
            String[] runs = f[head.indexOf("run_s")].split(";");
            assertEquals(3, runs.length);
            double[] x = new double[3];
            double mean = 0;
            for (int i = 0; i < 3; i++) {
                x[i] = Double.parseDouble(runs[i]);
                mean += x[i] / 3;
            }
            assertEquals(mean, Double.parseDouble(f[head.indexOf("mean_s")]), 0.002, line);
            double ss = 0;
            for (double v : x) {
                ss += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(ss / 2);
            assertEquals(sd, Double.parseDouble(f[head.indexOf("stdev_s")]), 0.002, line);
            // t(0.975, 2) = 4.303 (published tables)
            assertEquals(mean + 4.303 * sd / Math.sqrt(3), Double.parseDouble(f[head.indexOf("ci95_high_s")]), 0.003, line);
            assertEquals(16 / Double.parseDouble(f[head.indexOf("mean_s")]),
                    Double.parseDouble(f[head.indexOf("images_per_s")]), 0.05 * 16 / mean + 0.1, line);
            assertTrue(Double.parseDouble(f[head.indexOf("gemm_ms_per_image")]) > 0, line);
            assertEquals("true", f[head.indexOf("inputs_decoded_before")], line);
        }
        assertEquals(2.042, AccuracyTiming.t95(30), 1e-9);
        assertEquals(2.000, AccuracyTiming.t95(60), 0.001);
        assertEquals(1.980, AccuracyTiming.t95(120), 0.001);
        SwisCommandTest.Run bad = run("accuracy", "--methods", "int8", "--timing-repeats", "0");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--timing-repeats"), bad.err());
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        SwisCommandTest.Run r = run("accuracy", "--methods", "swis:9");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--methods"), r.err());
        r = run("accuracy", "--grid", "nope");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("quick, table3, full"), r.err());
        r = run("accuracy", dir.toString(), "--data", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("graph.json"), r.err());
        r = run("accuracy", "--methods", "int8", "-o", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("a folder"), r.err());
        r = run("accuracy", "--methods", "int8", "-o", dir.resolve("missing/x.csv").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("existing parent folder"), r.err());
        assertFalse(Files.exists(dir.resolve("missing")));
        r = run("accuracy", "--methods", "int8", "--depthwise-m", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--depthwise-m") && r.err().contains("1..32"), r.err());
    }

    @Test
    void depthwiseGroupSizeIsRecordedAndReadBack() throws Exception {
        // ResNet-20 has no single-channel filter, so the option changes no weight: same top-1 as without it,
        // but the file says which rule ran and the plot takes its own name
        Path plain = dir.resolve("plain.csv");
        Path dw = dir.resolve("dw.csv");
        String[] common = {"-q", "accuracy", "--methods", "swis-c:3", "--limit", "16", "--calib-limit", "8"};
        assertEquals(0, run(concat(common, "-o", plain.toString())).code());
        SwisCommandTest.Run r = run(concat(common, "--depthwise-m", "1", "-o", dw.toString(), "--plot-dir", dir.toString()));
        assertEquals(0, r.code(), r.err());
        List<String> a = Files.readAllLines(plain);
        List<String> b = Files.readAllLines(dw);
        assertEquals(a.get(0) + ",depthwise_m", b.get(0));
        assertEquals(a.get(1) + ",1", b.get(1));
        assertTrue(Files.exists(dir.resolve("accuracy_cifar10_resnet20_cifar10_test_1000_dw1_top1.png")));
        var parsed = org.swis.cli.accuracy.AccuracyCsv.parse(b);
        assertEquals(Integer.valueOf(1), parsed.get(0).depthwiseM());
        assertEquals(null, org.swis.cli.accuracy.AccuracyCsv.parse(a).get(0).depthwiseM());
        // -M 4 --depthwise-m 4 is the default rule: no column
        assertEquals(0, run(concat(common, "--depthwise-m", "4", "-o", dw.toString())).code());
        assertEquals(a, Files.readAllLines(dw));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
