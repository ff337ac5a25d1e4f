package org.swis.cli;

import org.swis.io.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.swis.io.container.EncodedLayer;
import org.swis.network.encode.LayerEncoder;
import org.swis.io.container.SwisContainer;
import org.swis.cli.hw.HwTables;
import org.swis.cli.hw.RealWeightsTopology;
import org.swis.io.WeightKind;
import org.swis.io.model.Model;
import org.swis.io.model.ModelLayer;
import org.swis.io.model.ModelLoader;
import org.swis.cli.quality.QualityCsv;
import org.swis.reference.quality.QualityGrid;
import org.swis.cli.quality.QualityHeadline;
import org.swis.cli.quality.QualityPlots;
import org.swis.reference.quality.QualityRow;
import org.swis.cli.report.ChartFiles;
import org.swis.cli.report.Charts;
import org.swis.cli.report.Formats;
import org.swis.cli.report.KernelResults;
import org.swis.cli.report.TextTable;
import org.swis.hwmodel.ArrayConfig;
import org.swis.hwmodel.Design;
import org.swis.hwmodel.HwMain;
import org.swis.hwmodel.NetworkResult;
import org.swis.hwmodel.ResultCsv;
import org.swis.hwmodel.Table4Comparison;
import org.swis.hwmodel.Topologies;
import org.swis.hwmodel.Topology;
import org.swis.reference.demo.SyntheticLayer;
import org.swis.reference.golden.GoldenVectors;
import org.swis.reference.swis.Alpha;
import org.swis.reference.tensor.WeightTensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code swis reproduce}: regenerates every published result into {@code results/} and writes SUMMARY.md. */
@Command(name = "reproduce",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Regenerate results/: the quality comparison of the embedded synthetic layer and of every "
                + "--weights model (CSV + RMSE-vs-bits plot), a SWIS container round trip per model, the hardware "
                + "model (hw_*.csv via HwMain, Table 4, speed-up and energy plots, real-weights runs), the golden "
                + "vectors (exported to a temporary directory and verified), the JMH suite in quick mode "
                + "(unless --no-bench) and results/SUMMARY.md.",
            "Outputs are deterministic except SUMMARY.md's Environment section and the benchmark CSVs."},
        footerHeading = "%nExamples:%n",
        footer = {"  swis reproduce --weights ../shared/weights/cifar10_resnet20 --weights ../shared/weights/vww_mobilenet_v1_025",
            "  swis reproduce --no-bench -q"})
public final class ReproduceCommand implements Callable<Integer> {
    /** Fixed settings of the reproduce run (stated in SUMMARY.md). */
    static final int ENCODE_N = 3;
    static final double SCHEDULE = 2.5;
    static final List<Integer> HW_N = List.of(2, 3, 4);
    static final String SYNTHETIC = "synthetic";

    @ParentCommand
    SwisCommand root;

    @Option(names = "--weights", paramLabel = "<dir|file>",
            description = "A model to include (a folder with weights.npz + manifest.csv, or a weights file); repeatable.")
    List<Path> weights = new ArrayList<>();

    @Option(names = "--no-bench", description = "Skip the JMH benchmarks.")
    boolean noBench;

    @Option(names = "--output-dir", paramLabel = "<dir>", defaultValue = "results",
            description = "Where to write (default: ${DEFAULT-VALUE} under the repository root).")
    Path outputDir;

    @Option(names = "--grid", paramLabel = "<grid>", defaultValue = "default",
            description = "Quality grid: default or quick (see 'swis quality --help').")
    String grid;

    @Option(names = "--no-hw-sweep", hidden = true, description = "Tests: skip HwMain.writeResults (hw_* files).")
    boolean noHwSweep;

    private final List<String> files = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        Path repo = BenchCommand.repositoryRoot();
        Path out = outputDir.isAbsolute() ? outputDir : repo.resolve(outputDir);
        QualityGrid g = QualityCommand.grid(grid, null, null);
        Progress progress = Progress.of(root);
        List<Model> models = new ArrayList<>();
        for (Path w : weights) {
            models.add(ModelLoader.load(w, null, null, msg -> root.note("swis reproduce", msg)));
        }
        StringBuilder md = new StringBuilder();

        // 1. Quality.
        List<Model> qualityModels = new ArrayList<>();
        qualityModels.add(synthetic());
        qualityModels.addAll(models);
        StringBuilder quality = new StringBuilder();
        for (Model m : qualityModels) {
            List<QualityRow> rows = QualityCommand.run(m, g, progress);
            String csv = "quality_" + m.name() + ".csv";
            QualityCommand.write(m, rows, out.resolve(csv), out);
            files.add(csv);
            files.add("quality_" + m.name() + "_rmse_vs_bits.png");
            files.add("quality_" + m.name() + "_rmse_vs_bits.svg");
            files.add("quality_" + m.name() + "_rmse_vs_passes.png");
            files.add("quality_" + m.name() + "_rmse_vs_passes.svg");
            quality.append("\n### ").append(m.name()).append("\n\n").append(m.layers().size()).append(" weight tensors, ")
                    .append(m.weightCount()).append(" weights; source: ").append(describe(m)).append(". Full table: [")
                    .append(csv).append("](").append(csv).append("), figures: [RMSE vs bits](quality_").append(m.name())
                    .append("_rmse_vs_bits.png), [RMSE vs serial passes](quality_").append(m.name())
                    .append("_rmse_vs_passes.png).\n\n")
                    .append(TextTable.markdown(QualityHeadline.COLUMNS, QualityHeadline.rows(rows, false)));
        }

        // 2. Container round trip per model.
        StringBuilder encoded = new StringBuilder();
        Progress.Task enc = progress.start("decompose + container round trip", models.size());
        for (Model m : models) {
            encoded.append(roundTrip(m, out));
            enc.step(m.name());
        }
        enc.finish();

        // 3. Hardware model.
        Progress.Task hwTask = progress.start("hardware model", 2 + models.size());
        ArrayConfig cfg = ArrayConfig.paperDefault();
        Table4Comparison t4;
        if (noHwSweep) {
            t4 = Table4Comparison.run(cfg);
        } else {
            t4 = HwMain.writeResults(out, cfg);
        }
        hwTask.step("hw_*.csv");
        hwPlots(out, cfg);
        hwTask.step("plots");
        List<NetworkResult> real = new ArrayList<>();
        for (Model m : models) {
            int[] hw = RealWeightsTopology.KNOWN_INPUTS.get(m.name());
            if (hw == null) {
                root.note("swis reproduce", "note: no known input size for " + m.name() + "; skipped on the hardware model "
                        + "(use 'swis hw --network <weights> --input HxW')");
                continue;
            }
            real.addAll(HwCommand.run(m, RealWeightsTopology.KNOWN_STRIDES.getOrDefault(m.name(), Map.of()), hw,
                    List.of(Design.values()), HW_N, SCHEDULE, cfg));
            hwTask.step(m.name());
        }
        if (!real.isEmpty()) {
            ResultCsv.writeSummary(out.resolve("real_hw_summary.csv"), real);
            ResultCsv.writeLayers(out.resolve("real_hw_layers.csv"), real);
            files.add("real_hw_summary.csv");
            files.add("real_hw_layers.csv");
        }
        hwTask.finish();

        // 4. Golden vectors.
        Progress.Task gold = progress.start("golden vectors", 1);
        Path tmp = Files.createTempDirectory("swis-golden");
        GoldenVectors.Report report;
        int generated;
        try {
            generated = GoldenVectors.generate(tmp);
            report = GoldenVectors.verify(tmp);
        } finally {
            try (var s = Files.walk(tmp)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        gold.finish();
        if (!report.ok()) {
            throw new IllegalStateException("golden vectors do not verify: " + report);
        }

        // 5. Benchmarks.
        String benchNote;
        if (noBench) {
            benchNote = "skipped (--no-bench)";
        } else {
            try {
                BenchCommand.run(repo, out, true, List.of(), progress, root.quiet());
                benchNote = "quick JMH run (`swis bench --quick`)";
            } catch (InputException e) {
                root.note("swis reproduce", "warning: benchmarks not run: " + e.getMessage());
                benchNote = "not run: " + e.getMessage();
            }
        }

        // 6. SUMMARY.md
        double seconds = (System.nanoTime() - t0) / 1e9;
        md.append(summary(quality.toString(), encoded.toString(), t4, real, out, benchNote, generated, report, g, seconds));
        AtomicFiles.writeString(out.resolve("SUMMARY.md"), md.toString());
        root.out().printf(Locale.ROOT, "wrote %s/SUMMARY.md and %d result files in %.1f s%n", out, files.size(), seconds);
        root.out().flush();
        return SwisCommand.OK;
    }

    /** The embedded synthetic model (reference SyntheticLayer). */
    static Model synthetic() {
        WeightTensor w = SyntheticLayer.embeddedDefault();
        ModelLayer l = new ModelLayer(w.name(), WeightKind.CONV, new int[] {w.filters(), w.kh(), w.kw(), w.channels()},
                org.swis.reference.tensor.Layout.OHWI, w, null);
        return new Model(SYNTHETIC, "embedded", List.of(l), null);
    }

    private static String describe(Model m) {
        if (m.name().equals(SYNTHETIC)) {
            return "embedded `SyntheticLayer.embeddedDefault()`: 64 filters x 64 channels x 3x3, i.i.d. Laplace(0, b = 0.05), "
                    + "seed " + SyntheticLayer.SEED;
        }
        return "`" + m.source() + "`" + (m.manifest() != null ? " with `" + m.manifest() + "`" : "");
    }

    /** Encodes a model (SWIS, N = 3, M = 4), writes the container to a temporary file, reads it back, compares. */
    private String roundTrip(Model m, Path out) throws Exception {
        LayerEncoder.Options o = new LayerEncoder.Options(EncodedLayer.Method.SWIS, ENCODE_N, 4, Alpha.ONE, Double.NaN,
                LayerEncoder.Pe.SS, false, false);
        List<EncodedLayer> layers = new ArrayList<>();
        List<double[]> refs = new ArrayList<>();
        long bits = 0;
        long n = 0;
        for (ModelLayer l : m.layers()) {
            LayerEncoder.Result r = LayerEncoder.encode(l, o);
            layers.add(r.layer());
            refs.add(r.reconstruction());
            bits += r.layer().storedBits();
            n += l.weights().size();
        }
        Path tmp = Files.createTempFile("swis-container", ".swis");
        long size;
        List<EncodedLayer> back;
        try {
            AtomicFiles.write(tmp, s -> SwisContainer.write(layers, s));
            size = Files.size(tmp);
            back = SwisContainer.read(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
        int exact = 0;
        for (int i = 0; i < back.size(); i++) {
            double[] a = SwisContainer.reconstruct(back.get(i), tmp.toString());
            double[] b = refs.get(i);
            boolean same = a.length == b.length;
            for (int k = 0; same && k < a.length; k++) {
                same = a[k] == b[k];
            }
            exact += same ? 1 : 0;
        }
        if (exact != layers.size()) {
            throw new IllegalStateException("container round trip of " + m.name() + ": " + (layers.size() - exact)
                    + " tensor(s) differ");
        }
        return String.format(Locale.ROOT, "| %s | %d | %d | %.4f | %d | exact (%d/%d tensors) |%n", m.name(), layers.size(), n,
                (double) bits / n, size, exact, layers.size());
    }

    /** Speed-up and energy efficiency of every design relative to Act-trunc N=8 on ResNet-18, against N. */
    private void hwPlots(Path out, ArrayConfig cfg) throws IOException {
        Topology t = Topologies.builtin("resnet18");
        List<NetworkResult> sweep = HwMain.sweep(List.of(t), cfg);
        NetworkResult base = sweep.stream().filter(r -> r.design() == Design.ACT_TRUNC && r.nominalShifts() == 8)
                .findFirst().orElseThrow();
        List<Charts.Series> speed = new ArrayList<>();
        List<Charts.Series> energy = new ArrayList<>();
        for (Design d : Design.values()) {
            List<NetworkResult> rs = sweep.stream().filter(r -> r.design() == d).toList();
            double[] x = new double[8];
            double[] s = new double[8];
            double[] e = new double[8];
            for (int n = 1; n <= 8; n++) {
                NetworkResult r = d.usesShiftProfile() ? rs.get(n - 1) : rs.get(0);
                x[n - 1] = n;
                s[n - 1] = r.framesPerSecond() / base.framesPerSecond();
                e[n - 1] = r.framesPerJoule() / base.framesPerJoule();
            }
            String name = d.label() + (d.usesShiftProfile() ? "" : " (N ignored)");
            speed.add(new Charts.Series(name, x, s));
            energy.add(new Charts.Series(name, x, e));
        }
        ChartFiles.write(out, "hw_speedup_per_design", Charts.lines("ResNet-18: frames/s vs Act-trunc N=8 (SS designs coincide; so do DS designs)",
                "N (uniform; meaning per design, see docs/HWMODEL.md)", "speed-up vs Act-trunc N=8 (log)", true, speed));
        ChartFiles.write(out, "hw_energy_per_design", Charts.lines("ResNet-18: frames/J relative to Act-trunc N=8",
                "N (uniform; meaning per design, see docs/HWMODEL.md)", "energy efficiency vs Act-trunc N=8", false, energy));
        files.addAll(List.of("hw_speedup_per_design.png", "hw_speedup_per_design.svg", "hw_energy_per_design.png",
                "hw_energy_per_design.svg"));
    }

    private String summary(String quality, String encoded, Table4Comparison t4, List<NetworkResult> real, Path out,
                           String benchNote, int golden, GoldenVectors.Report report, QualityGrid g, double seconds)
            throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# SWIS results\n\nGenerated by `swis reproduce` (`cli/src/main/java/org/swis/cli/ReproduceCommand.java`). "
                + "Every number below comes from a file in this folder; everything except the Environment section is "
                + "byte-identical across runs and thread counts.\n\n");
        b.append("## How this was produced\n\n```\n./swis reproduce");
        for (Path w : weights) {
            b.append(" --weights ").append(w);
        }
        if (noBench) {
            b.append(" --no-bench");
        }
        if (!"default".equals(grid)) {
            b.append(" --grid ").append(grid);
        }
        b.append("\n```\n\n");

        b.append("## Quality: equal-bits comparison (whole model, M = 4)\n\n");
        b.append("Rules: docs/SPEC.md §9. Each layer is quantized per tensor to INT8, then encoded; error is against the "
                + "float weights; `bits_per_weight` is exact (SWIS stream incl. shifts and signs, N + 1 for truncation, "
                + "k + 16 bits per scale for RTN, 8 for INT8). `output_sqnr_db`: each layer's outputs on ")
                .append(g.activationVectors()).append(" random receptive fields per layer (uint8, 0 with probability 1/2, "
                + "else uniform 1..255; seed ").append(g.seed()).append(") against the float layer. SWIS / SWIS-C rows use "
                + "the single-shift (SS) filter schedule at the target average; the CSVs also hold the unscheduled, "
                + "double-shift and M = 1, 2, 8, 16 rows and RTN per group.\n");
        b.append(quality);

        b.append("\n## SWIS container round trip\n\nEvery model encoded with `swis decompose -N ").append(ENCODE_N)
                .append(" -M 4` (SWIS, alpha 1), written to the container (cli/README.md), read back and "
                + "reconstructed; compared bit for bit with the reference's reconstruction.\n\n"
                + "| model | tensors | weights | stream bits/weight | file bytes | round trip |\n| --- | --- | --- | --- | --- | --- |\n");
        b.append(encoded);

        b.append("\n## Hardware model: the paper's Table 4\n\nModel: docs/HWMODEL.md (8x8 array, M = 4, 45 nm costs). "
                + "Files: [hw_table4.csv](hw_table4.csv), [hw_table4.md](hw_table4.md), [hw_summary.csv](hw_summary.csv), "
                + "per-layer hw_layers_<net>.csv, [hw_assumptions.md](hw_assumptions.md), [hw_checks.md](hw_checks.md). "
                + "Figures: [speed-up per design](hw_speedup_per_design.png), [energy per design](hw_energy_per_design.png) "
                + "(ResNet-18 ImageNet 224, relative to Act-trunc N=8, i.e. Stripes-like 8-bit serial activations).\n\nHeadline claims (ratio of two cells):\n\n");
        b.append(TextTable.markdown(HwTables.HEADLINES, HwTables.headlines(t4)));
        b.append("\nEvery Table 4 cell (ratios to the same network's Act-trunc N=6 cell, as in hw_table4.md):\n\n");
        b.append(TextTable.markdown(HwTables.TABLE4, HwTables.table4(t4)));

        if (!real.isEmpty()) {
            b.append("\n## Hardware model on the real weights\n\nConv and depthwise layers only (linear layers are not "
                    + "modelled); strides and input sizes from the public architectures (`RealWeightsTopology`). "
                    + "`scheduled N=").append(Formats.target(SCHEDULE)).append("` uses the filter scheduler's per-filter "
                    + "counts on each model's own INT8 weights (M = 4, 8 array columns; DS designs: even counts). "
                    + "Files: [real_hw_summary.csv](real_hw_summary.csv), [real_hw_layers.csv](real_hw_layers.csv).\n\n");
            List<NetworkResult> shown = real.stream().filter(r -> r.design().isSwis() && (r.profileLabel().startsWith("scheduled")
                    || r.profileLabel().equals("uniform N=3")) || r.design() == Design.FXP8).toList();
            b.append(TextTable.markdown(HwTables.SUMMARY, HwTables.summary(shown)));
        }

        b.append("\n## Kernels (JMH)\n\nBenchmarks: ").append(benchNote).append(".\n\n");
        for (String name : List.of("decompose", "kernels")) {
            Path full = out.resolve(name + ".csv");
            Path quick = out.resolve(name + "_quick.csv");
            Path csv = Files.isRegularFile(full) ? full : Files.isRegularFile(quick) ? quick : null;
            b.append("### ").append(name.equals("kernels") ? "GEMV / GEMM kernels" : "Decomposition").append("\n\n");
            if (csv == null) {
                b.append("Not measured (no ").append(name).append(".csv or ").append(name).append("_quick.csv).\n\n");
                continue;
            }
            List<Map<String, String>> rows = KernelResults.rows(csv);
            b.append("Source: [").append(csv.getFileName()).append("](").append(csv.getFileName()).append("), ")
                    .append(rows.size()).append(" rows; machine, JDK, vector size, threads and commit are in every row. ")
                    .append(name.equals("kernels")
                            ? "`ratio_vs_best_int8` = time of the best int8 kernel of the same JDK, shape and batch / this kernel's time.\n\n"
                            : "`ratio_vs_reference` = this kernel's weights/s / the reference decomposer's weights/s (same JDK, scheme, N, M).\n\n");
            b.append(TextTable.markdown(name.equals("kernels") ? KernelResults.KERNEL_COLUMNS : KernelResults.DECOMPOSE_COLUMNS,
                    KernelResults.table(rows, name.equals("kernels") ? KernelResults.KERNEL_COLUMNS : KernelResults.DECOMPOSE_COLUMNS)));
            if (name.equals("kernels")) {
                var series = KernelResults.swisRatios(rows);
                if (!series.isEmpty()) {
                    ChartFiles.write(out, "kernel_ratios_vs_n", KernelResults.chart(series, csv.getFileName().toString()));
                    files.add("kernel_ratios_vs_n.png");
                    files.add("kernel_ratios_vs_n.svg");
                    b.append("\nFigure: [kernel ratios vs N](kernel_ratios_vs_n.png).\n");
                }
            }
            b.append('\n');
        }

        b.append("\n## Golden vectors\n\n").append(golden).append(" cases exported (`swis golden`) and re-checked "
                + "(`swis verify-golden`): ").append(report.ok() ? "all match" : "FAILED").append(".\n");

        b.append("\n## Files\n\n");
        List<String> all = new ArrayList<>(files);
        try (var s = Files.list(out)) {
            s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") && !n.equals("SUMMARY.md"))
                    .filter(n -> !all.contains(n)).forEach(all::add);
        }
        all.stream().sorted().forEach(f -> b.append("- [").append(f).append("](").append(f).append(")\n"));

        b.append("\n## Environment\n\n(The only section that changes between runs.)\n\n");
        b.append("- CPU: ").append(cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores available to the JVM\n");
        b.append("- JDK: ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.runtime.version")).append('\n');
        b.append("- git commit: ").append(gitCommit(BenchCommand.repositoryRoot())).append('\n');
        b.append("- date (UTC): ").append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append('\n');
        b.append(String.format(Locale.ROOT, "- wall time of the run: %.1f s%n", seconds));
        return b.toString();
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    static String gitCommit(Path repo) {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").directory(repo.toFile()).redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? s : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
