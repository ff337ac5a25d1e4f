package org.swis.cli;

import org.swis.io.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.swis.cli.report.FolderSnapshot;
import org.swis.cli.report.Formats;
import org.swis.cli.report.KernelResults;
import org.swis.cli.report.SummaryReport;
import org.swis.cli.report.TextTable;
import org.swis.network.accuracy.AccuracyRun;
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
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Regenerate results/: the quality comparison of the embedded synthetic layer and of every "
                + "--weights model (CSV + RMSE-vs-bits plot), a SWIS container round trip per model, the hardware "
                + "model (hw_*.csv via HwMain, Table 4, speed-up and energy plots, real-weights runs), the golden "
                + "vectors (exported to a temporary directory and verified), the JMH suite in quick mode "
                + "(unless --no-bench) and results/SUMMARY.md.",
            "Outputs are deterministic except SUMMARY.md's Environment section, figures, timing and benchmark CSVs; "
                + "--check compares the deterministic ones with results/ instead of writing."},
        footerHeading = "%nExamples:%n",
        footer = {"  swis reproduce --weights ../shared/weights/cifar10_resnet20 --weights ../shared/weights/vww_mobilenet_v1_025",
            "  swis reproduce --no-bench -q",
            "  swis reproduce --check"})
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

    @Option(names = "--full", description = "Accuracy on every image: the embedded set with the table3 grid, and every "
            + "shared model with its labelled sets (--shared-data) with the table3 grid (long: see results/SUMMARY.md "
            + "for the times). Default: the quick grid on the embedded ResNet-20 and 1,000 images.")
    boolean full;

    @Option(names = "--no-accuracy", description = "Skip the accuracy runs (the tables of accuracy CSVs already in the "
            + "output folder are still shown).")
    boolean noAccuracy;

    @Option(names = "--check", description = "Do not write: run into a temporary folder (benchmarks skipped) and compare "
            + "every deterministic file with the one in --output-dir (default results/); lists each differing file with its "
            + "first differing line; exit 3 when any differs. Figures, SUMMARY.md, timing and benchmark files are not "
            + "compared (see cli/README.md).")
    boolean check;

    @Option(names = "--no-hw-sweep", hidden = true, description = "Tests: skip HwMain.writeResults (hw_* files).")
    boolean noHwSweep;

    /** The report the parts contribute to; set by {@link #call()}. */
    private SummaryReport report;
    private Path repo;
    private Path out;
    private QualityGrid qualityGrid;
    private Progress progress;
    private List<Model> models;

    /**
     * One part of the run: does its work, records the files it writes with {@link SummaryReport#wrote} and
     * returns its SUMMARY.md section(s). Parts run in the order their sections appear.
     */
    @FunctionalInterface
    interface Part {
        List<SummaryReport.Section> run() throws Exception;
    }

    /** The parts of the run, in SUMMARY.md order; a new part is one more entry. */
    private List<Part> parts() {
        return List.of(this::quality, this::accuracy, this::containers, this::hardware, this::kernels, this::golden);
    }

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        repo = BenchCommand.repositoryRoot();
        out = outputDir.isAbsolute() ? outputDir : repo.resolve(outputDir);
        AtomicFiles.checkFolder(out, "--output-dir");
        Path results = out;
        if (check) {
            if (!Files.isDirectory(results)) {
                throw new InputException(results.toString(), "--output-dir", "the folder of results to check", "no such folder");
            }
            noBench = true;
            out = Files.createTempDirectory("swis-reproduce-check");
        }
        Path fresh = out;
        Thread cleanup = new Thread(() -> {
            try {
                deleteTree(fresh);
            } catch (IOException | RuntimeException e) {
                // nothing more can be done while the JVM exits
            }
        }, "swis-check-cleanup");
        if (check) {
            Runtime.getRuntime().addShutdownHook(cleanup); // SIGINT leaves no temporary folder
        }
        qualityGrid = QualityCommand.grid(grid, null, null);
        progress = Progress.of(root);
        FolderSnapshot before = FolderSnapshot.of(out);
        models = new ArrayList<>();
        for (Path w : weights) {
            models.add(ModelLoader.load(w, null, null, msg -> root.note("swis reproduce", msg)));
        }
        report = new SummaryReport("Generated by `swis reproduce` (`cli/src/main/java/org/swis/cli/ReproduceCommand.java`). "
                + "Every number below comes from a file in this folder; everything except the Environment section is "
                + "byte-identical across runs and thread counts.");
        report.add(howProduced());
        try {
            for (Part part : parts()) {
                report.addAll(part.run());
            }
            if (check) {
                return check(results, (System.nanoTime() - t0) / 1e9);
            }
        } finally {
            if (check) {
                deleteTree(out);
                Runtime.getRuntime().removeShutdownHook(cleanup);
            }
        }

        double seconds = (System.nanoTime() - t0) / 1e9;
        SummaryReport.Environment env = SummaryReport.Environment.current(cpuModel(), gitCommit(repo), commandLine(),
                seconds);
        List<String> written = before.writtenSince(FolderSnapshot.of(out));
        AtomicFiles.writeString(out.resolve("SUMMARY.md"), report.render(out, env, written));
        root.out().printf(Locale.ROOT, "wrote %s/SUMMARY.md and %d result files in %.1f s%n", out, written.size(), seconds);
        root.out().flush();
        return SwisCommand.OK;
    }

    /** Compares the fresh run in {@code out} with {@code results}; prints what was compared and every difference. */
    private int check(Path results, double seconds) throws IOException {
        List<String> compared = ReproduceCheck.compared(out);
        List<ReproduceCheck.Difference> diffs = ReproduceCheck.compare(out, results);
        for (ReproduceCheck.Difference d : diffs) {
            root.out().println(d.describe());
        }
        root.out().printf(Locale.ROOT, "%s: %d of %d deterministic files differ from %s (%s) in %.1f s%n",
                diffs.isEmpty() ? "check passed" : "CHECK FAILED", diffs.size(), compared.size(), results,
                String.join(", ", compared), seconds);
        root.out().flush();
        return diffs.isEmpty() ? SwisCommand.OK : ConformanceCommand.FAILED;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * The options that decide the content of results/ (everything but the output folder and the verbosity), in a
     * fixed order; the command line as typed is in the Environment section.
     */
    private SummaryReport.Section howProduced() {
        StringBuilder b = new StringBuilder("```\n./swis reproduce");
        for (Path w : weights) {
            b.append(" --weights ").append(shellWord(w.toString()));
        }
        if (noBench) {
            b.append(" --no-bench");
        }
        if (full) {
            b.append(" --full");
        }
        if (noAccuracy) {
            b.append(" --no-accuracy");
        }
        if (!"default".equals(grid)) {
            b.append(" --grid ").append(shellWord(grid));
        }
        if (noHwSweep) {
            b.append(" --no-hw-sweep");
        }
        b.append("\n```\n");
        return new SummaryReport.Section("How this was produced", b.toString());
    }

    /** The command line of this run as typed, arguments quoted for a POSIX shell where needed. */
    private String commandLine() {
        List<String> args = root.spec.commandLine().getParseResult() == null ? List.of()
                : root.spec.commandLine().getParseResult().originalArgs();
        StringBuilder b = new StringBuilder("./swis");
        for (String a : args.isEmpty() ? List.of("reproduce") : args) {
            b.append(' ').append(shellWord(a));
        }
        return b.toString();
    }

    /** {@code a} as one POSIX shell word: unchanged when it has only safe characters, else single-quoted. */
    static String shellWord(String a) {
        if (!a.isEmpty() && a.matches("[A-Za-z0-9_./=:,@%+-]+")) {
            return a;
        }
        return "'" + a.replace("'", "'\\''") + "'";
    }

    /** Where the tables of a section come from when this run computed them. */
    private static String fromThisRun() {
        return fromThisRun("");
    }

    /** As {@link #fromThisRun()} with settings ({@code "name value, "}) before the commit. */
    private static String fromThisRun(String settings) {
        return "Provenance: computed by this run (`swis reproduce`, " + settings + "commit in Environment below).";
    }

    /** Quality comparison of the synthetic layer and every model: CSV, plots and the headline table per model. */
    private List<SummaryReport.Section> quality() throws Exception {
        List<Model> qualityModels = new ArrayList<>();
        qualityModels.add(synthetic());
        qualityModels.addAll(models);
        StringBuilder b = new StringBuilder();
        b.append("Rules: docs/SPEC.md §9. Each layer is quantized per tensor to INT8, then encoded; error is against the "
                + "float weights; `bits_per_weight` is exact (SWIS stream incl. shifts and signs, N + 1 for truncation, "
                + "k + 16 bits per scale for RTN, 8 for INT8). `output_sqnr_db`: each layer's outputs on ")
                .append(qualityGrid.activationVectors()).append(" random receptive fields per layer (uint8, 0 with "
                + "probability 1/2, else uniform 1..255; seed ").append(qualityGrid.seed()).append(") against the float "
                + "layer. SWIS / SWIS-C rows use the single-shift (SS) filter schedule at the target average; the CSVs "
                + "also hold the unscheduled, double-shift and M = 1, 2, 8, 16 rows and RTN per group.\n");
        for (Model m : qualityModels) {
            List<QualityRow> rows = QualityCommand.run(m, qualityGrid, progress);
            String csv = "quality_" + m.name() + ".csv";
            QualityCommand.write(m, rows, out.resolve(csv), out);
            report.wrote(csv, "quality_" + m.name() + "_rmse_vs_bits.png", "quality_" + m.name() + "_rmse_vs_bits.svg",
                    "quality_" + m.name() + "_rmse_vs_passes.png", "quality_" + m.name() + "_rmse_vs_passes.svg");
            b.append("\n### ").append(m.name()).append("\n\n").append(m.layers().size()).append(" weight tensors, ")
                    .append(m.weightCount()).append(" weights; source: ").append(describe(m)).append(". Full table: [")
                    .append(csv).append("](").append(csv).append("), figures: [RMSE vs bits](quality_").append(m.name())
                    .append("_rmse_vs_bits.png), [RMSE vs serial passes](quality_").append(m.name())
                    .append("_rmse_vs_passes.png). ").append(fromThisRun("quality grid `" + grid + "`, "))
                    .append("\n\n")
                    .append(TextTable.markdown(QualityHeadline.COLUMNS, QualityHeadline.rows(rows, false)));
        }
        return List.of(new SummaryReport.Section("Quality: equal-bits comparison (whole model, M = 4)", b.toString()));
    }

    /** Container round trip per model. */
    private List<SummaryReport.Section> containers() throws Exception {
        StringBuilder b = new StringBuilder("Every model encoded with `swis decompose -N ").append(ENCODE_N)
                .append(" -M 4` (SWIS, alpha 1), written to the container (cli/README.md), read back and "
                + "reconstructed; compared bit for bit with the reference's reconstruction. "
                + fromThisRun() + "\n\n| model | tensors | weights | stream bits/weight | file bytes | round trip |\n| --- | --- | --- | --- | --- | --- |\n");
        Progress.Task enc = progress.start("decompose + container round trip", models.size());
        for (Model m : models) {
            b.append(roundTrip(m));
            enc.step(m.name());
        }
        enc.finish();
        return List.of(new SummaryReport.Section("SWIS container round trip", b.toString()));
    }

    /** The hardware model: hw_* files, the per-design plots, Table 4 and, for known models, the real weights. */
    private List<SummaryReport.Section> hardware() throws Exception {
        Progress.Task hwTask = progress.start("hardware model", 2 + models.size());
        ArrayConfig cfg = ArrayConfig.paperDefault();
        Table4Comparison t4;
        if (noHwSweep) {
            t4 = Table4Comparison.run(cfg);
        } else {
            t4 = HwMain.writeResults(out, cfg);
        }
        hwTask.step("hw_*.csv");
        hwPlots(cfg);
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
            report.wrote("real_hw_summary.csv", "real_hw_layers.csv");
        }
        hwTask.finish();

        List<SummaryReport.Section> sections = new ArrayList<>();
        sections.add(new SummaryReport.Section("Hardware model: the paper's Table 4",
                "Model: docs/HWMODEL.md (8x8 array, M = 4, 45 nm costs). "
                + "Files: [hw_table4.csv](hw_table4.csv), [hw_table4.md](hw_table4.md), [hw_summary.csv](hw_summary.csv), "
                + "per-layer hw_layers_<net>.csv, [hw_assumptions.md](hw_assumptions.md), [hw_checks.md](hw_checks.md). "
                + "Figures: [speed-up per design](hw_speedup_per_design.png), [energy per design](hw_energy_per_design.png) "
                + "(ResNet-18 ImageNet 224, relative to Act-trunc N=8, i.e. Stripes-like 8-bit serial activations). "
                + fromThisRun() + "\n\n"
                + "Headline claims (ratio of two cells):\n\n"
                + TextTable.markdown(HwTables.HEADLINES, HwTables.headlines(t4))
                + "\nEvery Table 4 cell (ratios to the same network's Act-trunc N=6 cell, as in hw_table4.md):\n\n"
                + TextTable.markdown(HwTables.TABLE4, HwTables.table4(t4))));
        if (!real.isEmpty()) {
            List<NetworkResult> shown = real.stream().filter(r -> r.design().isSwis() && (r.profileLabel().startsWith("scheduled")
                    || r.profileLabel().equals("uniform N=3")) || r.design() == Design.FXP8).toList();
            sections.add(new SummaryReport.Section("Hardware model on the real weights",
                    "Conv and depthwise layers only (linear layers are not "
                    + "modelled); strides and input sizes from the public architectures (`RealWeightsTopology`). "
                    + "`scheduled N=" + Formats.target(SCHEDULE) + "` uses the filter scheduler's per-filter "
                    + "counts on each model's own INT8 weights (M = 4, 8 array columns; DS designs: even counts). "
                    + "Files: [real_hw_summary.csv](real_hw_summary.csv), [real_hw_layers.csv](real_hw_layers.csv). "
                    + fromThisRun() + "\n\n"
                    + TextTable.markdown(HwTables.SUMMARY, HwTables.summary(shown))));
        }
        return sections;
    }

    /**
     * Accuracy (SPEC §14): the quick grid on the embedded ResNet-20 and images (or, with --full, the table3 grid on
     * every image of the embedded set and of every shared model's sets), then a Table-3 layout of every accuracy
     * CSV in the output folder beside the paper's figures.
     */
    private List<SummaryReport.Section> accuracy() throws Exception {
        StringBuilder b = new StringBuilder();
        List<String> ranHere = new ArrayList<>();
        if (!noAccuracy) {
            List<String[]> jobs = new ArrayList<>();
            jobs.add(new String[] {EmbeddedData.model().toString(), EmbeddedData.dataset().toString(), full ? "table3" : "quick"});
            if (full) {
                for (String[] pair : AccuracyPlan.SHARED) {
                    java.util.Optional<Path> w = org.swis.io.SharedData.model(pair[0]);
                    java.util.Optional<Path> d = org.swis.io.SharedData.datasets().map(p -> p.resolve(pair[1]));
                    if (w.isPresent() && d.isPresent() && Files.isDirectory(d.get())) {
                        jobs.add(new String[] {w.get().toString(), d.get().toString(), "table3"});
                    } else {
                        root.note("swis reproduce", "accuracy: " + pair[0] + " on " + pair[1] + " skipped (shared data not found)");
                    }
                }
            }
            for (String[] job : jobs) {
                String model = AccuracyCommand.name(Path.of(job[0]));
                String set = AccuracyCommand.name(Path.of(job[1]));
                String base = "accuracy_" + model + "_" + set;
                List<String> args = new ArrayList<>(root.quiet() ? List.of("-q") : List.of());
                args.addAll(List.of("accuracy", job[0], "--data", job[1], "--grid", job[2],
                        "-o", out.resolve(base + ".csv").toString(), "--plot-dir", out.toString(),
                        "--timing", out.resolve("accuracy_timing_" + model + "_" + set + ".csv").toString()));
                // --check prints only the comparison: the accuracy table goes to a null writer
                int code = SwisCommand.execute(args.toArray(String[]::new),
                        check ? new java.io.PrintWriter(java.io.Writer.nullWriter()) : root.out(), root.err());
                if (code != SwisCommand.OK) {
                    throw new IllegalStateException("swis " + String.join(" ", args) + " exited " + code);
                }
                report.wrote(base + ".csv", "accuracy_timing_" + model + "_" + set + ".csv", base + "_top1.png", base + "_top1.svg");
                ranHere.add(base + ".csv");
            }
        }
        List<Path> csvs = new ArrayList<>();
        if (Files.isDirectory(out)) {
            try (var s = Files.list(out)) {
                s.filter(p -> p.getFileName().toString().startsWith("accuracy_")
                        && !p.getFileName().toString().startsWith("accuracy_timing_")
                        && p.getFileName().toString().endsWith(".csv")).sorted().forEach(csvs::add);
            }
        }
        if (csvs.isEmpty()) {
            b.append("No accuracy CSV in this folder (`swis accuracy -o`).\n");
        }
        for (Path csv : csvs) {
            List<org.swis.cli.accuracy.AccuracyCsv.Parsed> rows = org.swis.cli.accuracy.AccuracyCsv.parse(
                    Files.readAllLines(csv, StandardCharsets.UTF_8));
            if (rows == null || rows.isEmpty()) {
                continue;
            }
            String file = csv.getFileName().toString();
            String model = rows.get(0).model();
            String set = rows.get(0).set();
            Integer depthwiseM = rows.get(0).depthwiseM();
            b.append("### ").append(model).append(" on ").append(set).append(org.swis.cli.accuracy.AccuracyCsv.variant(depthwiseM))
                    .append("\n\n");
            b.append(AccuracyPlan.describe(model, set)).append("\n\n");
            if (depthwiseM != null) {
                b.append("Single-channel (depthwise) filters grouped ").append(depthwiseM == 1 ? "one weight per group"
                        : depthwiseM + " taps per group").append(" (`swis accuracy --depthwise-m ").append(depthwiseM)
                        .append("`, SPEC 14.2) instead of M taps per group (SPEC 2.3); every other layer as in the default run. "
                        + "Only SWIS and SWIS-C depend on the grouping: int8, RTN and the truncations give the same "
                        + "top-1 either way.\n\n");
            }
            b.append("Source: [").append(file).append("](").append(file).append("); ")
                    .append(ranHere.contains(file) ? "written by this run" : "from an earlier run (not rewritten by this one)");
            Path timing = out.resolve(file.replace("accuracy_", "accuracy_timing_"));
            if (Files.isRegularFile(timing)) {
                List<String> t = Files.readAllLines(timing, StandardCharsets.UTF_8);
                if (t.size() > 1) {
                    String[] f = t.get(1).split(",", -1);
                    b.append("; commit ").append(f[f.length - 1]).append(", speed in [")
                            .append(timing.getFileName()).append("](").append(timing.getFileName()).append(")");
                }
            }
            b.append(".\n\n");
            List<List<String>> all = new ArrayList<>();
            List<AccuracyRun.Row> asRows = new ArrayList<>();
            for (org.swis.cli.accuracy.AccuracyCsv.Parsed r : rows) {
                asRows.add(r.row());
                all.add(List.of(r.method().id() + (r.wholeSet() ? " (whole set)" : ""),
                        r.wholeSet() ? "float" : r.method().mode(), Integer.toString(r.images()),
                        String.format(Locale.ROOT, "%.2f", r.top1Percent())));
            }
            String paper = AccuracyPlan.paperNetwork(model);
            List<List<String>> t3 = org.swis.cli.accuracy.AccuracyTable.rows(asRows, paper);
            if (!t3.isEmpty()) {
                b.append("Laid out like the paper's Table 3 (integer mode, scheduled SWIS / SWIS-C at 8 array columns")
                        .append(paper == null ? "" : "; in parentheses the paper's " + paper + ", a different network and "
                                + "set unless the names match: compare the shapes of the columns, not the values")
                        .append("). Top-1 %:\n\n");
                b.append(TextTable.markdown(org.swis.cli.accuracy.AccuracyTable.COLUMNS, t3)).append('\n');
            }
            b.append("<details><summary>All ").append(rows.size()).append(" rows</summary>\n\n")
                    .append(TextTable.markdown(List.of("method", "mode", "images", "top1_%"), all)).append("\n</details>\n\n");
            Path png = out.resolve(file.replace(".csv", "_top1.png"));
            if (Files.isRegularFile(png)) {
                b.append("Figure: [top-1 vs N](").append(png.getFileName()).append(").\n\n");
            }
        }
        return List.of(new SummaryReport.Section("Accuracy on real images (SPEC §14)", b.toString()));
    }

    /** The JMH suite in quick mode (unless --no-bench) and the tables of whatever benchmark CSVs are present. */
    private List<SummaryReport.Section> kernels() throws Exception {
        String benchNote;
        List<String> benchWritten = new ArrayList<>();
        if (noBench) {
            benchNote = "skipped (--no-bench)";
        } else {
            try {
                for (Path f : BenchCommand.run(repo, out, true, List.of(), progress, root.quiet())) {
                    benchWritten.add(f.getFileName().toString());
                }
                report.wrote(benchWritten.toArray(String[]::new));
                benchNote = "quick JMH run (`swis bench --quick`)";
            } catch (InputException e) {
                root.note("swis reproduce", "warning: benchmarks not run: " + e.getMessage());
                benchNote = "not run: " + e.getMessage();
            }
        }
        StringBuilder b = new StringBuilder("Benchmarks: ").append(benchNote).append(".\n\n");
        for (String name : List.of("decompose", "kernels", "kernels_gemv", "kernels_layouts", "kernels_tails",
                "kernels_workload", "decompose_threads", "decompose_processes")) {
            Path full = out.resolve(name + ".csv");
            Path quick = out.resolve(name + "_quick.csv");
            Path csv = Files.isRegularFile(full) ? full : Files.isRegularFile(quick) ? quick : null;
            boolean extra = name.contains("_");
            if (extra && csv == null) {
                continue; // the separate runs of docs/KERNELS.md §7, published when measured
            }
            List<String> columns = name.equals("decompose") ? KernelResults.DECOMPOSE_COLUMNS
                    : name.startsWith("decompose_") ? KernelResults.SEPARATE_DECOMPOSE_COLUMNS
                    : extra ? KernelResults.SEPARATE_RUN_COLUMNS : KernelResults.KERNEL_COLUMNS;
            b.append("### ").append(switch (name) {
                case "kernels" -> "GEMV / GEMM kernels";
                case "kernels_layouts" -> "Weight layouts: compact (8 bits/weight) against packed (4.5 at N = 2), batch 1, "
                        + "one and two JMH threads (`SWIS_BENCH_LAYOUTS=1 jmh/run-benchmarks.sh`)";
                case "kernels_tails" -> "Rows that do not fill whole vectors: before (scalar tail) and after (overlapping "
                        + "vector), by jar commit";
                case "kernels_workload" -> "The accuracy workload: ResNet-20 and MobileNet-v2 convolutions as GEMMs over "
                        + "one image's pixel columns, SWIS and int8 through gemmInts (`SWIS_BENCH_WORKLOAD=1 jmh/run-benchmarks.sh`)";
                case "kernels_gemv" -> "Batch-1 GEMV A/B: swis-vector before and after a kernel change (by jar commit) "
                        + "against int8, interleaved (`SWIS_BENCH_GEMV_BEFORE=<jar> jmh/run-benchmarks.sh`)";
                case "decompose_threads" -> "Decomposition on two threads, 6 forks (`SWIS_BENCH_THREADS=1 jmh/run-benchmarks.sh`)";
                case "decompose_processes" -> "Decomposition: one process with one and two threads against two one-thread "
                        + "processes started together (`SWIS_BENCH_PROCESSES=1 jmh/run-benchmarks.sh`)";
                default -> "Decomposition";
            }).append("\n\n");
            if (csv == null) {
                b.append("Not measured (no ").append(name).append(".csv or ").append(name).append("_quick.csv).\n\n");
                continue;
            }
            List<Map<String, String>> rows = KernelResults.rows(csv);
            b.append("Source: [").append(csv.getFileName()).append("](").append(csv.getFileName()).append("), ")
                    .append(rows.size()).append(" rows; machine, JDK, vector size, threads and commit are in every row. ")
                    .append(name.startsWith("kernels")
                            ? "`ratio_vs_best_int8` = time of the best int8 kernel of the same JDK, shape, batch and thread count / this kernel's time.\n\n"
                            : name.startsWith("decompose_")
                            ? "`speedup_vs_1_thread` = this row's weights/s / those of the one-thread row of a process that ran alone "
                                    + "(same JDK, scheme, N, M); a row of one of two processes has its own rate.\n\n"
                            : "`ratio_vs_reference` = this kernel's weights/s / the reference decomposer's weights/s (same JDK, scheme, N, M).\n\n");
            b.append(benchProvenance(csv, rows, benchWritten)).append("\n\n");
            b.append(TextTable.markdown(columns, KernelResults.table(rows, columns)));
            if (name.equals("kernels")) {
                var series = KernelResults.swisRatios(rows);
                if (!series.isEmpty()) {
                    ChartFiles.write(out, "kernel_ratios_vs_n", KernelResults.chart(series, csv.getFileName().toString()));
                    report.wrote("kernel_ratios_vs_n.png", "kernel_ratios_vs_n.svg");
                    b.append("\nFigure: [kernel ratios vs N](kernel_ratios_vs_n.png).\n");
                }
            }
            b.append('\n');
        }
        b.append(KernelResults.targets(benchRows(out, "decompose"), benchRows(out, "kernels")));
        return List.of(new SummaryReport.Section("Kernels (JMH)", b.toString()));
    }

    /** The rows of name.csv, else name_quick.csv, else none. */
    private static List<Map<String, String>> benchRows(Path out, String name) throws IOException {
        Path full = out.resolve(name + ".csv");
        Path quick = out.resolve(name + "_quick.csv");
        return Files.isRegularFile(full) ? KernelResults.rows(full) : Files.isRegularFile(quick) ? KernelResults.rows(quick) : List.of();
    }

    /** This run or an earlier one, and the rows per run kind, jar commit and command ({@link KernelResults#provenance}). */
    static String benchProvenance(Path csv, List<Map<String, String>> rows, List<String> writtenByThisRun) {
        return KernelResults.provenance(csv, rows, writtenByThisRun);
    }

    /** The golden vectors, exported to a temporary directory and verified. */
    private List<SummaryReport.Section> golden() throws Exception {
        Progress.Task gold = progress.start("golden vectors", 1);
        Path tmp = Files.createTempDirectory("swis-golden");
        GoldenVectors.Report verified;
        int generated;
        try {
            generated = GoldenVectors.generate(tmp);
            verified = GoldenVectors.verify(tmp);
        } finally {
            deleteTree(tmp);
        }
        gold.finish();
        if (!verified.ok()) {
            throw new IllegalStateException("golden vectors do not verify: " + verified);
        }
        return List.of(new SummaryReport.Section("Golden vectors", generated + " cases exported (`swis golden`) and "
                + "re-checked (`swis verify-golden`): all match. " + fromThisRun() + "\n"));
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
    private String roundTrip(Model m) throws Exception {
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
    private void hwPlots(ArrayConfig cfg) throws IOException {
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
        report.wrote("hw_speedup_per_design.png", "hw_speedup_per_design.svg", "hw_energy_per_design.png",
                "hw_energy_per_design.svg");
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
