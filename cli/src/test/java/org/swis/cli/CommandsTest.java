package org.swis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swis.io.container.EncodedLayer;
import org.swis.io.container.SwisContainer;
import org.swis.io.ImportException;
import org.swis.io.TestFiles;
import org.swis.reference.baseline.UniformRtn;
import org.swis.reference.baseline.WeightTruncation;
import org.swis.reference.schedule.FilterScheduler;
import org.swis.reference.schedule.ScheduleConfig;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.Scheme;
import org.swis.reference.tensor.Layout;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.Quantizer;
import org.swis.reference.tensor.QuantizerConfig;
import org.swis.reference.tensor.WeightTensor;

/** The subcommands on small synthetic inputs: exit codes, one-line errors, atomic outputs, determinism, round trips. */
class CommandsTest {
    static final int[] CONV = {8, 6, 3, 3};
    static final int[] LINEAR = {10, 12};

    @TempDir
    Path dir;

    static SwisCommandTest.Run run(String... args) {
        return SwisCommandTest.run(args);
    }

    static float[] laplace(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble() - 0.5;
            v[i] = (float) (-0.05 * Math.signum(u) * Math.log(1 - 2 * Math.abs(u)));
        }
        return v;
    }

    static final float[] CONV_W = laplace(8 * 6 * 9, 1);
    static final float[] LINEAR_W = laplace(120, 2);

    /** weights.npz (conv OIHW "c", linear OI "l") plus a manifest.csv next to it, in folder {@code name}. */
    Path model(String name) throws Exception {
        return model(dir, name);
    }

    /** As {@link #model(String)}, in folder {@code name} of {@code dir}. */
    static Path model(Path dir, String name) throws Exception {
        Path d = dir.resolve(name);
        Files.createDirectories(d);
        Files.write(d.resolve("weights.npz"), TestFiles.npz(TestFiles.entries(
                "c.npy", TestFiles.npy(1, "<f4", false, CONV, TestFiles.f32(CONV_W)),
                "l.npy", TestFiles.npy(1, "<f4", false, LINEAR, TestFiles.f32(LINEAR_W))), false));
        Files.writeString(d.resolve("manifest.csv"), "name,shape,dtype,kind,count,index,layout\n"
                + "c,8x6x3x3,float32,conv,432,0,\"OIHW (out, in, kh, kw)\"\n"
                + "l,10x12,float32,linear,120,1,\"OI (out, in)\"\n");
        return d;
    }

    static void assertSameValues(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertTrue(expected[i] == actual[i], what + " [" + i + "]: " + expected[i] + " vs " + actual[i]);
        }
    }

    /** Reconstructions computed directly with the reference API (not through the cli's encoder). */
    static double[][] reference(String scheme) {
        WeightTensor[] ws = {WeightTensor.fromLayout("c", CONV_W, CONV, Layout.OIHW),
            WeightTensor.fromLayout("l", LINEAR_W, LINEAR, Layout.OI)};
        double[][] out = new double[2][];
        for (int i = 0; i < 2; i++) {
            QuantizedTensor q = Quantizer.quantize(ws[i], QuantizerConfig.DEFAULT);
            out[i] = switch (scheme) {
                case "swis" -> Decomposer.decompose(q, new DecompositionConfig(Scheme.SWIS, 4,
                        org.swis.reference.swis.Alpha.ONE), 3).reconstructed().dequantize();
                case "swis-c-ds" -> {
                    DecompositionConfig cfg = new DecompositionConfig(Scheme.SWIS_C, 2, org.swis.reference.swis.Alpha.ONE);
                    int[] n = FilterScheduler.scheduleDoubleShift(q, cfg, ScheduleConfig.of(2.5)).shiftsPerFilter();
                    yield Decomposer.decompose(q, cfg, n).reconstructed().dequantize();
                }
                case "trunc" -> WeightTruncation.apply(q, 3, WeightTruncation.WindowRule.MIN_SSE).truncated().dequantize();
                case "rtn" -> UniformRtn.quantize(ws[i], 4, UniformRtn.Granularity.PER_CHANNEL, 1).reconstruction();
                case "rtn-group" -> UniformRtn.quantize(ws[i], 3, UniformRtn.Granularity.PER_GROUP, 4).reconstruction();
                default -> throw new IllegalArgumentException(scheme);
            };
        }
        return out;
    }

    @Test
    void decomposeContainerRoundTripReproducesTheReferenceReconstructionExactly() throws Exception {
        Path m = model("m");
        String[][] cases = {
            {"swis", "--scheme", "swis", "-N", "3"},
            {"swis-c-ds", "--scheme", "swis-c", "-M", "2", "--schedule", "2.5", "--pe", "ds"},
            {"trunc", "--scheme", "trunc", "-N", "3"},
            {"rtn", "--scheme", "rtn", "-N", "4"},
            {"rtn-group", "--scheme", "rtn", "-N", "3", "--rtn-group"}};
        for (String[] c : cases) {
            Path out = dir.resolve(c[0] + ".swis");
            String[] args = new String[c.length + 3];
            args[0] = "decompose";
            args[1] = m.toString();
            System.arraycopy(c, 1, args, 2, c.length - 1);
            args[c.length + 1] = "-o";
            args[c.length + 2] = out.toString();
            SwisCommandTest.Run r = run(args);
            assertEquals(0, r.code(), c[0] + ": " + r.err());
            assertTrue(r.out().contains("bits_per_weight"), r.out());
            List<EncodedLayer> back = SwisContainer.read(out);
            assertEquals(List.of("c", "l"), back.stream().map(EncodedLayer::name).toList());
            assertArrayEquals(CONV, back.get(0).shape());
            assertEquals("OIHW", back.get(0).layout());
            double[][] expected = reference(c[0]);
            for (int i = 0; i < 2; i++) {
                assertSameValues(expected[i], SwisContainer.reconstruct(back.get(i), out.toString()), c[0] + " tensor " + i);
            }
        }
    }

    @Test
    void decomposePrintsExactStreamBitsPerWeight() throws Exception {
        SwisCommandTest.Run r = run("decompose", "--csv", model("m").toString(), "-N", "2");
        assertEquals(0, r.code(), r.err());
        // SWIS, M = 4, N = 2: a group costs 3N + M + MN = 6 + 4 + 8 = 18 bits (SPEC §4).
        String conv = r.out().lines().filter(l -> l.startsWith("c,")).findFirst().orElseThrow();
        // conv: 6 channels -> 2 groups per tap (the second padded): 8 filters x 9 taps x 2 x 18 bits / 432 weights = 6.0
        assertTrue(conv.contains(",6.0000,"), conv);
        String lin = r.out().lines().filter(l -> l.startsWith("l,")).findFirst().orElseThrow();
        // linear: 10 filters x 3 groups x 18 bits / 120 = 4.5
        assertTrue(lin.contains(",4.5000,"), lin);
    }

    @Test
    void int8WeightsWithPerChannelScalesAreTakenAsTheyAre() throws Exception {
        byte[] q = new byte[8 * 4];
        for (int i = 0; i < q.length; i++) {
            q[i] = (byte) (i * 37 - 128);
        }
        float[] scales = {0.5f, 0.25f, 1, 2, 0.125f, 4, 1, 3};
        Path f = dir.resolve("q.npz");
        Files.write(f, TestFiles.npz(TestFiles.entries(
                "w.npy", TestFiles.npy(1, "|i1", false, new int[] {8, 4}, q),
                "w.scale.npy", TestFiles.npy(1, "<f4", false, new int[] {8}, TestFiles.f32(scales))), false));
        Path out = dir.resolve("q.swis");
        SwisCommandTest.Run r = run("decompose", "-q", f.toString(), "--layout", "OI", "-N", "8", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        EncodedLayer l = SwisContainer.read(out).get(0);
        for (int i = 0; i < 8; i++) {
            assertEquals(scales[i], l.scales()[i]);
        }
        // N = 8 keeps every magnitude: the reconstruction is q * scale exactly.
        double[] back = SwisContainer.reconstruct(l, out.toString());
        for (int i = 0; i < q.length; i++) {
            assertEquals(q[i] * (double) scales[i / 4], back[i], "weight " + i);
        }
    }

    @Test
    void decomposeOutputIsByteIdenticalAcrossRuns() throws Exception {
        Path m = model("m");
        Path a = dir.resolve("a.swis");
        Path b = dir.resolve("b.swis");
        assertEquals(0, run("decompose", "-q", m.toString(), "--schedule", "2.5", "-o", a.toString()).code());
        assertEquals(0, run("decompose", "-q", m.toString(), "--schedule", "2.5", "-o", b.toString()).code());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void corruptContainersAreRejectedNamingTheField() throws Exception {
        Path out = dir.resolve("m.swis");
        assertEquals(0, run("decompose", "-q", model("m").toString(), "-o", out.toString()).code());
        byte[] good = Files.readAllBytes(out);
        Path cut = dir.resolve("cut.swis");
        Files.write(cut, java.util.Arrays.copyOf(good, good.length - 3));
        ImportException e = assertThrows(ImportException.class, () -> SwisContainer.read(cut));
        assertTrue(e.getMessage().startsWith(cut + ": tensor 'l' "), e.getMessage());
        byte[] magic = good.clone();
        magic[0] = 'X';
        Path bad = dir.resolve("bad.swis");
        Files.write(bad, magic);
        e = assertThrows(ImportException.class, () -> SwisContainer.read(bad));
        assertEquals(bad + ": magic: expected \"SWIS\", found XWIS", e.getMessage());
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 1);
        Path extra = dir.resolve("extra.swis");
        Files.write(extra, longer);
        e = assertThrows(ImportException.class, () -> SwisContainer.read(extra));
        assertTrue(e.getMessage().contains("end of file: expected no bytes after the last tensor"), e.getMessage());
    }

    @Test
    void badOptionsExitWith2AndOneLine() throws Exception {
        Path m = model("m");
        String[][] bad = {
            {"decompose", m.toString(), "-N", "9"},
            {"decompose", m.toString(), "--scheme", "fancy"},
            {"decompose", m.toString(), "--schedule", "1.5", "--pe", "ds"},
            {"decompose", m.toString(), "--scheme", "trunc", "--schedule", "2"},
            {"decompose", m.toString(), "--alpha", "-1"},
            {"decompose", dir.resolve("missing.npz").toString()},
            {"decompose", m.toString(), "--schedule", "2", "--array-columns", "0"},
            {"decompose", m.toString(), "--kernel", "fastest-ever"},
            {"decompose", m.toString(), "--threads", "0"},
            {"quality", m.toString(), "--grid", "huge"},
            {"hw", "--design", "TPU"},
            {"hw", m.toString()},
            {"hw", m.toString(), "--input", "32by32"},
            {"hw", m.toString(), "--input", "32x32", "--stride", "nope=2"},
            {"verify-golden", dir.resolve("nothing").toString()}};
        String[] expected = {"-N: value: expected 1..8 for --scheme swis, found 9",
            "--scheme: value: expected swis, swis-c, trunc or rtn, found 'fancy'",
            "--schedule: value: expected an average in 2..8, found 1.5",
            "--schedule: scheme: expected --scheme swis or swis-c, found trunc",
            "--alpha: value: expected a non-negative rational",
            "missing.npz: file: expected an existing regular file, found no such file",
            "--array-columns: value: expected 1..1048576, found 0",
            "--kernel: value: expected one of [reference, table-scalar",
            "--threads: value: expected at least 1, found 0",
            "--grid: value: expected default or quick, found 'huge'",
            "--design: value: expected one of SWIS-SS",
            "--input: value: expected HxW for weights network",
            "--input: value: expected HxW with 1 <= H, W <= 16384",
            "--stride: layer 'nope': expected a conv or depthwise layer",
            "nothing: path: expected a directory written by 'swis golden', found no such directory"};
        for (int i = 0; i < bad.length; i++) {
            SwisCommandTest.Run r = run(bad[i]);
            assertEquals(2, r.code(), String.join(" ", bad[i]) + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains(expected[i]), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }

    @Test
    void aScheduleTooLargeForTheSchedulerTableAsksForMoreArrayColumns() throws Exception {
        // 20000 one-weight filters: (20000 / 8 + 1) x 10 x (2 x 20000 + 1) = 1000425010 entries > 60 M; 2048 columns: 11 x 10 x 40001 = 4400110
        float[] w = new float[20000];
        for (int i = 0; i < w.length; i++) {
            w[i] = (i % 7 - 3) * 0.01f;
        }
        Path f = dir.resolve("wide.npy");
        Files.write(f, org.swis.io.TestFiles.npy(1, "<f4", false, new int[] {20000, 1}, org.swis.io.TestFiles.f32(w)));
        SwisCommandTest.Run r = run("decompose", f.toString(), "--layout", "OI", "--schedule", "2");
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("tensor 'wide' scheduled with --array-columns: expected more array columns for 20000 "
                + "filters: the exact table would need 1000425010 entries, at most 60000000"), r.err());
        assertTrue(r.err().strip().endsWith("found 8"), r.err());
        assertEquals(0, run("decompose", "-q", f.toString(), "--layout", "OI", "--schedule", "2", "--array-columns", "2048").code());
    }

    @Test
    void badManifestFieldIsOneLineNamingFileAndField() throws Exception {
        Path m = model("m");
        Files.writeString(m.resolve("manifest.csv"), "name,shape,dtype,kind,count,index,layout\n"
                + "c,8x6x3x3,float32,conv,432,0,\"OIHW (out, in, kh, kw)\"\n"
                + "l,10x12,float32,fully-connected,120,1,\"OI (out, in)\"\n");
        SwisCommandTest.Run r = run("decompose", m.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("manifest.csv") && r.err().contains("kind"), r.err());
    }

    @Test
    void failedRunLeavesAnExistingOutputUntouchedAndNoTemporaryFile() throws Exception {
        Path m = model("m");
        Path out = dir.resolve("out/m.swis");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "previous");
        Files.write(m.resolve("weights.npz"), new byte[] {'P', 'K', 3});
        SwisCommandTest.Run r = run("decompose", m.toString(), "-o", out.toString());
        assertEquals(2, r.code());
        assertEquals("previous", Files.readString(out));
        try (Stream<Path> s = Files.list(out.getParent())) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void siblingManifestIsUsedAndInferenceWarns() throws Exception {
        Path m = model("m");
        SwisCommandTest.Run withManifest = run("decompose", m.resolve("weights.npz").toString());
        assertEquals(0, withManifest.code(), withManifest.err());
        assertFalse(withManifest.err().contains("inferred"), withManifest.err());
        Path lone = dir.resolve("lone.npz");
        Files.copy(m.resolve("weights.npz"), lone);
        SwisCommandTest.Run refused = run("decompose", lone.toString());
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("tensor 'c' layout: expected a stated layout for a 4-D tensor"), refused.err());
        // --layout OIHW states the 4-D layout; the 2-D tensor is read as OI with a warning
        SwisCommandTest.Run inferred = run("decompose", lone.toString(), "--layout", "OIHW");
        assertEquals(0, inferred.code(), inferred.err());
        assertTrue(inferred.err().contains("warning: layout of 1 2-D tensor(s) inferred from rank (OI)"), inferred.err());
    }

    @Test
    void qualityCsvIsDeterministicAndHasModelRows() throws Exception {
        Path m = model("m");
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        SwisCommandTest.Run r = run("quality", "-q", m.toString(), "--grid", "quick", "-o", a.toString(), "--plot-dir", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(0, run("quality", "-q", m.toString(), "--grid", "quick", "-o", b.toString()).code());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        List<String> lines = Files.readAllLines(a);
        assertTrue(lines.get(0).startsWith("model,layer,kind,method,M,target"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("m,*,*,int8,0,8,-,552,8.0000,")), "whole-model INT8 row");
        assertTrue(Files.size(dir.resolve("quality_m_rmse_vs_bits.png")) > 1000);
        assertTrue(Files.readString(dir.resolve("quality_m_rmse_vs_bits.svg")).contains("<svg"));
        assertTrue(r.out().startsWith("method"), r.out());
    }

    @Test
    void hwPrintsSummaryAndTable4() {
        SwisCommandTest.Run r = run("hw", "--csv", "-N", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("resnet18,SWIS-SS,uniform N=3,3.000,"), r.out());
        assertTrue(r.out().contains("6x speed-up: R18 SWIS-DS N=2 vs Act-trunc N=6,5.99,6.00"), r.out());
        SwisCommandTest.Run one = run("hw", "--network", "vgg16", "--design", "FXP8", "--layers");
        assertEquals(0, one.code(), one.err());
        assertFalse(one.out().contains("resnet18"), one.out());
        assertTrue(one.out().contains("conv12"), one.out());
    }

    @Test
    void hwOnWeightsWithScheduleWritesCsvs() throws Exception {
        Path m = model("m");
        Path out = dir.resolve("hw");
        SwisCommandTest.Run r = run("hw", "-q", m.toString(), "--input", "16x16", "--design", "SWIS-SS", "--design", "SWIS-DS",
                "-N", "3", "--schedule", "2.5", "--csv", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("m,SWIS-SS,scheduled N=2.5,"), r.out());
        assertTrue(r.out().contains("m,SWIS-DS,scheduled N=2.5 (even),"), r.out());
        assertTrue(Files.readString(out.resolve("hw_summary_m.csv")).startsWith("Network,Design"));
        assertTrue(Files.readString(out.resolve("hw_layers_m.csv")).contains("m,SWIS-SS,uniform N=3,c,"));
    }

    @Test
    void goldenExportVerifiesAndATamperedFileFails() throws Exception {
        Path g = dir.resolve("golden");
        SwisCommandTest.Run w = run("golden", "-o", g.toString());
        assertEquals(0, w.code(), w.err());
        SwisCommandTest.Run ok = run("verify-golden", g.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().startsWith("OK: "), ok.out());
        Path someCase;
        try (Stream<Path> s = Files.list(g)) {
            someCase = s.sorted().findFirst().orElseThrow();
        }
        Path expected = someCase.resolve("expected.npy");
        byte[] b = Files.readAllBytes(expected);
        b[b.length - 1] ^= 1;
        Files.write(expected, b);
        SwisCommandTest.Run bad = run("verify-golden", g.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("golden cases: expected every case to match the reference"), bad.err());
    }

    @Test
    void benchWithoutTheJmhModuleExitsWith2NamingTheJar() {
        String old = System.getProperty("swis.root");
        System.setProperty("swis.root", dir.toString());
        try {
            SwisCommandTest.Run r = run("bench", "--quick");
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains(dir.resolve("jmh/target/benchmarks.jar") + ": file: expected the JMH benchmarks jar"),
                    r.err());
        } finally {
            if (old == null) {
                System.clearProperty("swis.root");
            } else {
                System.setProperty("swis.root", old);
            }
        }
    }

    @Test
    void reproduceWritesSummaryAndDeterministicCsvs() throws Exception {
        Path m = model("m");
        Path a = dir.resolve("ra");
        Path b = dir.resolve("rb");
        for (Path out : List.of(a, b)) {
            SwisCommandTest.Run r = run("reproduce", "-q", "--no-bench", "--no-accuracy", "--no-hw-sweep", "--grid", "quick",
                    "--weights", m.toString(), "--output-dir", out.toString());
            assertEquals(0, r.code(), r.err());
            // 5 files per quality model (CSV + 2 plots x PNG/SVG) x 2 models + 4 hardware plots
            assertTrue(r.out().contains("SUMMARY.md and 14 result files in "), r.out());
        }
        for (String f : List.of("quality_synthetic.csv", "quality_m.csv")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        String summary = Files.readString(a.resolve("SUMMARY.md"));
        assertTrue(summary.contains("| m | 2 | 552 |"), summary);
        assertTrue(summary.contains("exact (2/2 tensors)"), summary);
        assertTrue(summary.contains("Not measured (no kernels.csv or kernels_quick.csv)"), summary);
        assertTrue(summary.contains("## Environment"), summary);
        assertTrue(summary.contains("```\n./swis reproduce --weights " + m + " --no-bench --no-accuracy --grid quick --no-hw-sweep\n```"),
                summary);
        assertTrue(summary.contains("No accuracy CSV in this folder"), summary);
        assertTrue(summary.contains("- command line: `./swis reproduce -q --no-bench --no-accuracy --no-hw-sweep --grid quick --weights "
                + m + " --output-dir " + a + "`"), summary);
        String[] parts = Files.readString(b.resolve("SUMMARY.md")).split("## Environment");
        assertEquals(summary.split("## Environment")[0], parts[0], "SUMMARY.md is deterministic above Environment");
    }

    @Test
    void everySubcommandHasHelpWithExamples() {
        // picocli reports a description it cannot format (an unescaped '%') on System.err, not on the
        // command's writer: capture it so a help text that prints a warning fails here.
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream tracer = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(tracer, true, StandardCharsets.UTF_8));
        try {
            for (String c : List.of("inspect", "decompose", "quality", "accuracy", "hw", "golden", "verify-golden", "bench", "reproduce", "conformance")) {
                SwisCommandTest.Run r = run(c, "--help");
                assertEquals(0, r.code(), c);
                assertTrue(r.out().contains("Examples:"), c + ": " + r.out());
                String warnings = tracer.toString(StandardCharsets.UTF_8);
                assertFalse(warnings.contains("picocli WARN"), c + " --help: " + warnings);
                SwisCommandTest.Run v = run(c, "--version");
                assertEquals(0, v.code(), c);
                assertTrue(v.out().startsWith("swis "), c + ": " + v.out());
            }
        } finally {
            System.setErr(saved);
        }
    }
}
