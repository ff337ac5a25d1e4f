package org.swis.cli;

import org.swis.io.InputException;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.swis.io.model.Model;
import org.swis.io.model.ModelLayer;
import org.swis.reference.quality.NamedLayer;
import org.swis.cli.quality.QualityCsv;
import org.swis.reference.quality.QualityEngine;
import org.swis.reference.quality.QualityGrid;
import org.swis.cli.quality.QualityHeadline;
import org.swis.cli.quality.QualityPlots;
import org.swis.cli.quality.QualityTiming;
import org.swis.reference.quality.QualityRow;
import org.swis.cli.report.ChartFiles;
import org.swis.cli.report.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code swis quality}: the equal-bits comparison of one model (SPEC §9). */
@Command(name = "quality",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"The equal-bits comparison on one model: per layer and for the whole model, weight RMSE / SQNR "
                + "and exact stored bits per weight of INT8, SWIS and SWIS-C (uniform N, SS and DS schedules), "
                + "layer-wise weight truncation and uniform RTN INT-k (per channel and per group), over a grid of "
                + "N and M; plus each layer's output error on random activations.",
            "Activations: i.i.d. uint8, 0 with probability 1/2, else uniform in 1..255 (SplittableRandom, seed "
                + "--seed mixed with the layer index), --vectors receptive fields per layer. "
                + "Layers are quantized per tensor to INT8 first; int8 input (e.g. a folder with weights_int.npz) is taken "
                + "as it is, its dequantized values being the reference, so its int8 row is exact.",
            "Prints the whole-model headline (M = 4); --output writes every row as CSV; --plot-dir writes the "
                + "RMSE-vs-bits figure (PNG and SVG)."},
        footerHeading = "%nExamples:%n",
        footer = {"  swis quality ../shared/weights/cifar10_resnet20 -o quality_resnet20.csv",
            "  swis quality model.safetensors --layout OIHW --grid quick --csv",
            "  swis quality ../shared/weights/imagenet_mobilenet_v2_int8 -o q.csv --timing results/quality_timing.csv"})
public final class QualityCommand implements Callable<Integer> {
    @ParentCommand
    SwisCommand root;

    @Parameters(index = "0", paramLabel = "<weights>",
            description = "A .npz, .npy or .safetensors file, or a folder with weights.npz (+ manifest.csv).")
    Path weights;

    @Option(names = {"-o", "--output"}, paramLabel = "<file.csv>", description = "Write every row (per layer and model) as CSV.")
    Path output;

    @Option(names = "--plot-dir", paramLabel = "<dir>", description = "Write quality_<model>_rmse_vs_bits.png/.svg here.")
    Path plotDir;

    @Option(names = "--timing", paramLabel = "<file.csv>",
            description = "Append this run's engine time, peak resident memory, heap limit, machine, JDK and commit "
                    + "as one CSV row (the header is written when the file is new).")
    Path timing;

    @Option(names = "--grid", paramLabel = "<grid>", defaultValue = "default",
            description = "default (M 1,2,4,8,16; targets 2,2.5,3,3.5,4,5; trunc 2..6; RTN 2..8; 32 vectors) or "
                    + "quick (M 1,4; targets 2,2.5,4; trunc 2,4; RTN 3,4; 8 vectors).")
    String grid;

    @Option(names = "--vectors", paramLabel = "<n>", description = "Random activation vectors per layer (overrides the grid's).")
    Integer vectors;

    @Option(names = "--seed", paramLabel = "<seed>", description = "Seed of the activations (default 2021).")
    Long seed;

    @picocli.CommandLine.Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--csv", description = "Print the headline as CSV instead of an aligned table.")
    boolean csv;

    /** Parses --grid, --vectors and --seed. */
    static QualityGrid grid(String name, Integer vectors, Long seed) throws InputException {
        QualityGrid g;
        if ("default".equalsIgnoreCase(name)) {
            g = QualityGrid.defaults();
        } else if ("quick".equalsIgnoreCase(name)) {
            g = QualityGrid.quick();
        } else {
            throw new InputException("--grid", "value", "default or quick", "'" + name + "'");
        }
        if (vectors != null && (vectors < 1 || vectors > 4096)) {
            throw new InputException("--vectors", "value", "1..4096", vectors.toString());
        }
        return new QualityGrid(g.groupSizes(), g.targets(), g.truncationBits(), g.rtnBits(), g.alpha(),
                vectors != null ? vectors : g.activationVectors(), seed != null ? seed : g.seed());
    }

    /** The engine's input for a loaded model. */
    static List<NamedLayer> layers(Model model) {
        List<NamedLayer> out = new ArrayList<>();
        for (ModelLayer l : model.layers()) {
            out.add(new NamedLayer(l.name(), l.kind().manifestName(), l.weights(), l.int8()));
        }
        return out;
    }

    /** Runs the engine with a progress bar. */
    static List<QualityRow> run(Model model, QualityGrid grid, Progress progress) {
        List<NamedLayer> layers = layers(model);
        Progress.Task task = progress.start("quality " + model.name(), layers.size());
        List<QualityRow> rows = QualityEngine.run(model.name(), layers, grid, task::step);
        task.finish();
        return rows;
    }

    /** Writes the CSV and, when asked, the plot. */
    static void write(Model model, List<QualityRow> rows, Path csvFile, Path plotDir) throws IOException {
        if (csvFile != null) {
            AtomicFiles.writeString(csvFile, QualityCsv.format(rows));
        }
        if (plotDir != null) {
            ChartFiles.write(plotDir, "quality_" + model.name() + "_rmse_vs_bits", QualityPlots.rmseVsBits(model.name(), rows));
            ChartFiles.write(plotDir, "quality_" + model.name() + "_rmse_vs_passes", QualityPlots.rmseVsPasses(model.name(), rows));
        }
    }

    /** The rows already in the --timing file (null when it does not exist); exit 2 when it is another table. */
    static String previousTiming(Path file) throws InputException, IOException {
        if (file == null || !Files.exists(file)) {
            return null;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!QualityTiming.hasHeader(text)) {
            throw new InputException(file.toString(), "header", String.join(",", QualityTiming.HEADER),
                    "'" + text.lines().findFirst().orElse("") + "'");
        }
        return text.endsWith("\n") ? text : text + "\n";
    }

    /** CPU time of the whole process (every thread) in ns, or -1 where the JVM does not report it. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    /** This run's timing row: engine time, peak RSS so far, heap limit, machine, JDK, JVM options, commit. */
    static QualityTiming.Run timingRun(Model model, String gridName, QualityGrid g, double seconds, double cpuSeconds,
                                       double load) {
        long weights = 0;
        for (ModelLayer l : model.layers()) {
            weights += l.weights().size();
        }
        String root = System.getProperty("swis.root");
        String commit = ReproduceCommand.gitCommit(Path.of(root == null ? "" : root).toAbsolutePath());
        List<String> args = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!a.startsWith("-Dswis.root=")) {
                args.add(a);
            }
        }
        return new QualityTiming.Run(model.name(), weights, model.layers().size(), gridName,
                g.activationVectors(), seconds, cpuSeconds, load, QualityTiming.peakRssKb(), Runtime.getRuntime().maxMemory(),
                ReproduceCommand.cpuModel(), Runtime.getRuntime().availableProcessors(), Runtime.version().toString(),
                String.join(" ", args), commit);
    }

    @Override
    public Integer call() throws InputException, IOException {
        AtomicFiles.checkTarget(output, "--output");
        AtomicFiles.checkFolder(plotDir, "--plot-dir");
        AtomicFiles.checkTarget(timing, "--timing");
        previousTiming(timing); // a foreign file stops the run before any work
        QualityGrid g = grid(grid, vectors, seed);
        Model model = modelOptions.load(weights, msg -> root.note("swis quality", msg));
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        List<QualityRow> rows = run(model, g, Progress.of(root));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = cpu0 < 0 ? -1 : (processCpuNanos() - cpu0) / 1e9;
        write(model, rows, output, plotDir);
        if (timing != null) {
            // read again: another run may have appended meanwhile
            AtomicFiles.writeString(timing, QualityTiming.append(previousTiming(timing), timingRun(model, grid.toLowerCase(java.util.Locale.ROOT), g, seconds,
                    cpuSeconds, load)));
        }
        List<List<String>> headline = QualityHeadline.rows(rows);
        root.out().print(csv ? TextTable.csv(QualityHeadline.COLUMNS, headline)
                : TextTable.aligned(QualityHeadline.COLUMNS, headline, 1));
        root.out().flush();
        return SwisCommand.OK;
    }
}
