package org.swis.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.swis.cli.accuracy.AccuracyCsv;
import org.swis.cli.accuracy.AccuracyPlots;
import org.swis.cli.report.ChartFiles;
import org.swis.cli.report.TextTable;
import org.swis.io.InputException;
import org.swis.io.dataset.LabelledSet;
import org.swis.io.graph.NetworkFolder;
import org.swis.io.graph.NetworkModel;
import org.swis.kernels.KernelRegistry;
import org.swis.network.accuracy.AccuracyRun;
import org.swis.network.accuracy.CalibrationSet;
import org.swis.network.accuracy.Method;
import org.swis.network.accuracy.MethodGrid;
import org.swis.network.accuracy.WeightPlan;
import org.swis.reference.swis.Alpha;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code swis accuracy}: top-1 of a real network on labelled images, per quantization method (SPEC §14). */
@Command(name = "accuracy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Runs a network (a folder with graph.json, weights.npz, aux.npz, manifest.csv) on a labelled "
                + "image set (labels.csv, classes.txt, images/) and reports top-1 (and top-5 for 100+ classes) per "
                + "method: fp32; int8; SWIS and SWIS-C (uniform N or filter-scheduled, SS/DS, array columns); layer-wise "
                + "weight truncation; activation truncation; per-channel RTN INT-k. Conv/linear sums are exact integers "
                + "computed through the kernels (im2col + GEMM), bit-exact to the reference layers; scale, bias, "
                + "BatchNorm, activations, adds and pooling run in float (SPEC §13).",
            "Activations: one scale per conv/linear input, calibrated on <family>_calib beside the set when it exists "
                + "(cifar10_test -> cifar10_calib), else on 100 evenly spread images of the set that are then left out "
                + "of the quantized methods' evaluation (fp32 is reported on both). Weights: the folder's int8 weights "
                + "as given, else per-tensor INT8 (Q = 127).",
            "With no arguments: the embedded ResNet-20 and 1,000 CIFAR-10 test images shipped in data/."},
        footerHeading = "%nExamples:%n",
        footer = {"  swis accuracy",
            "  swis accuracy ../shared/weights/cifar10_resnet20 --data ../shared/datasets/cifar10_test --grid full -o acc.csv",
            "  swis accuracy ../shared/weights/imagenet_mobilenet_v2_int8 --data ../shared/datasets/imagenet_val_1300 "
                + "--methods int8,swis:4:ss:8,wgt-trunc:4 --limit 200"})
public final class AccuracyCommand implements Callable<Integer> {
    @ParentCommand
    SwisCommand root;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<model-folder>",
            description = "Model folder (default: the embedded data/cifar10_resnet20).")
    Path model;

    @Option(names = {"-d", "--data"}, paramLabel = "<set-folder>",
            description = "Labelled image set (default with the embedded model: data/cifar10_test_1000).")
    Path data;

    @Option(names = "--grid", paramLabel = "<grid>", defaultValue = "quick",
            description = "Method list: quick (default), table3 (the paper's Table 3 columns) or full (every method, "
                    + "integer and weights-only).")
    String grid;

    @Option(names = "--methods", paramLabel = "<list>", split = ",",
            description = "Methods instead of --grid, e.g. fp32,int8,swis:3,swis-c:3.5:ss:8,swis:4:ds:16,wgt-trunc:4,"
                    + "act-trunc:5,rtn:4; append +w for weights only (float activations).")
    List<String> methods;

    @Option(names = "--limit", paramLabel = "<n>", description = "Evaluate at most n images (in labels.csv order).")
    int limit;

    @Option(names = {"-t", "--threads"}, paramLabel = "<n>", description = "Worker threads (default: available processors).")
    Integer threads;

    @Option(names = "--batch", paramLabel = "<n>", defaultValue = "16", description = "Images per inference call (default 16).")
    int batch;

    @Option(names = "--calib", paramLabel = "<set-folder>",
            description = "Calibrate on this set (all of its images) instead of the default rule.")
    Path calib;

    @Option(names = "--calib-limit", paramLabel = "<n>",
            description = "Calibrate on the first n images of a separate calibration set only (default: all of it).")
    int calibLimit;

    @Option(names = "-M", paramLabel = "<m>", defaultValue = "4", description = "Group size M (default 4).")
    int m;

    @Option(names = "--depthwise-m", paramLabel = "<m>",
            description = "Group size of single-channel filters (depthwise layers, or one input channel). Default M: "
                    + "M consecutive taps per group (SPEC 2.3); 1: one weight per group, as a PE that takes one "
                    + "depthwise weight per group of M lanes (SPEC 14.2). Recorded in the CSV when it differs from M.")
    Integer depthwiseM;

    @Option(names = "--alpha", paramLabel = "<a>", defaultValue = "1", description = "MSE++ weight alpha (default 1).")
    String alpha;

    @Option(names = {"-o", "--output"}, paramLabel = "<file.csv>", description = "Write every row as CSV.")
    Path output;

    @Option(names = "--plot-dir", paramLabel = "<dir>",
            description = "Write accuracy_<model>_<set>_top1.png/.svg (top-1 vs N; _<set>_dw<m>_top1 with --depthwise-m) here.")
    Path plotDir;

    @Option(names = "--predictions", paramLabel = "<file.csv>",
            description = "Write every evaluated image's predicted class per method (file, label, one column per method).")
    Path predictions;

    @Option(names = "--timing", paramLabel = "<file.csv>",
            description = "Write each method's wall times and images/s with the machine, JDK, threads, batch and commit "
                    + "(a measurement, not deterministic; kept apart from the accuracy CSV).")
    Path timing;

    @Option(names = "--timing-repeats", paramLabel = "<r>", defaultValue = "1",
            description = "Run each method's inference over the images r times (default 1) and write the mean, standard "
                    + "deviation and 95 %% interval to --timing; the predictions of every run must agree.")
    int timingRepeats;

    @Option(names = "--csv", description = "Print the table as CSV instead of an aligned table.")
    boolean csv;

    /**
     * The result of a run with the names it was run under.
     *
     * @param depthwiseM the group size of single-channel filters when it differs from M (SPEC 2.3, 14.2), else null
     */
    public record Outcome(String model, String set, String calibration, LabelledSet labels, AccuracyRun.Result result,
                          Integer depthwiseM) {
    }

    /** Resolves the defaults, validates the options, runs. */
    Outcome run() throws InputException {
        Path modelDir = model;
        Path setDir = data;
        if (modelDir == null) {
            modelDir = EmbeddedData.model();
            if (setDir == null) {
                setDir = EmbeddedData.dataset();
            }
        }
        if (setDir == null) {
            throw new InputException("--data", "value", "a labelled image set folder (labels.csv, classes.txt, images/)", "(none)");
        }
        List<Method> list = methods(grid, methods);
        if (limit < 0) {
            throw new InputException("--limit", "value", "a non-negative count", Integer.toString(limit));
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 256) {
            throw new InputException("--threads", "value", "1..256", Integer.toString(t));
        }
        if (batch < 1 || batch > 4096) {
            throw new InputException("--batch", "value", "1..4096", Integer.toString(batch));
        }
        if (timingRepeats < 1 || timingRepeats > 1000) {
            throw new InputException("--timing-repeats", "value", "1..1000", Integer.toString(timingRepeats));
        }
        if (calibLimit < 0) {
            throw new InputException("--calib-limit", "value", "a non-negative count", Integer.toString(calibLimit));
        }
        if (m < 1 || m > 32) {
            throw new InputException("-M", "value", "1..32", Integer.toString(m));
        }
        int dm = depthwiseM == null ? m : depthwiseM;
        if (dm < 1 || dm > 32) {
            throw new InputException("--depthwise-m", "value", "1..32", Integer.toString(dm));
        }
        Alpha a;
        try {
            a = Alpha.parse(alpha);
        } catch (RuntimeException e) {
            throw new InputException("--alpha", "value", "a non-negative rational (p/q, integer or exact decimal)", alpha);
        }
        AtomicFiles.checkTarget(output, "--output");
        AtomicFiles.checkTarget(predictions, "--predictions");
        AtomicFiles.checkTarget(timing, "--timing");
        AtomicFiles.checkFolder(plotDir, "--plot-dir");
        NetworkModel net = NetworkFolder.load(modelDir);
        int classes = net.graph().labelOutputs() - net.graph().labelOffset();
        LabelledSet set = LabelledSet.open(setDir, classes);
        Path separate = calib != null ? calib : CalibrationSet.sibling(setDir);
        CalibrationSet cs;
        String calibText;
        if (separate != null) {
            int n = calibCount(LabelledSet.open(separate, classes).size());
            cs = CalibrationSet.separate(separate, n);
            calibText = name(separate) + ":" + n;
        } else {
            cs = CalibrationSet.subset(setDir, set.size());
            calibText = name(setDir) + "-subset:" + cs.rows().length;
        }
        AccuracyRun.Options o = new AccuracyRun.Options(list, limit, t, batch,
                new WeightPlan.Options(m, a, KernelRegistry.fastestDecomposer(), 1, dm), Progress.of(root), timingRepeats);
        AccuracyRun.Result r = AccuracyRun.run(net, set, cs, o);
        return new Outcome(name(modelDir), name(setDir), calibText, set, r, dm == m ? null : dm);
    }

    private int calibCount(int size) {
        return calibLimit > 0 ? Math.min(calibLimit, size) : size;
    }

    static String name(Path p) {
        Path f = p.toAbsolutePath().normalize().getFileName();
        return f == null ? p.toString() : f.toString();
    }

    /** The methods of --methods, else of --grid. */
    static List<Method> methods(String grid, List<String> ids) throws InputException {
        if (ids != null && !ids.isEmpty()) {
            List<Method> out = new ArrayList<>();
            for (String id : ids) {
                try {
                    out.add(Method.parse(id));
                } catch (IllegalArgumentException e) {
                    throw new InputException("--methods", "'" + id + "'", e.getMessage().replaceFirst(", found .*$", ""), id);
                }
            }
            return out;
        }
        List<Method> g = MethodGrid.of(grid);
        if (g == null) {
            throw new InputException("--grid", "value", String.join(", ", MethodGrid.NAMES), "'" + grid + "'");
        }
        return g;
    }

    /** Writes CSV, plot and predictions as asked. */
    static void write(Outcome out, Path csvFile, Path plotDir, Path predictionsFile) throws IOException {
        List<AccuracyRun.Row> rows = out.result().rows();
        if (csvFile != null) {
            AtomicFiles.writeString(csvFile, AccuracyCsv.format(out.model(), out.set(), out.calibration(), out.depthwiseM(),
                    rows));
        }
        if (plotDir != null) {
            String variant = out.depthwiseM() == null ? "" : "_dw" + out.depthwiseM();
            String title = out.model() + " on " + out.set() + AccuracyCsv.variant(out.depthwiseM());
            String base = "accuracy_" + out.model() + "_" + out.set() + variant + "_top1";
            ChartFiles.write(plotDir, base, AccuracyPlots.top1VsN(title, rows, false));
            if (rows.stream().anyMatch(r -> r.method().weightsOnly())) {
                ChartFiles.write(plotDir, base + "_weights_only", AccuracyPlots.top1VsN(title + ", weights only", rows, true));
            }
        }
        if (predictionsFile != null) {
            AtomicFiles.writeString(predictionsFile, predictionsCsv(out.result(), out.labels()));
        }
    }

    static String predictionsCsv(AccuracyRun.Result r, LabelledSet names) {
        StringBuilder b = new StringBuilder("file,label");
        for (String id : r.predictions().keySet()) {
            b.append(',').append(id);
        }
        b.append('\n');
        for (int i = 0; i < r.evaluated().length; i++) {
            int row = r.evaluated()[i];
            b.append(names.file(row)).append(',').append(names.label(row));
            for (int[] p : r.predictions().values()) {
                b.append(',').append(p[i]);
            }
            b.append('\n');
        }
        return b.toString();
    }

    /** The printed table. */
    static List<List<String>> table(Outcome out) {
        List<List<String>> rows = new ArrayList<>();
        for (AccuracyRun.Row r : out.result().rows()) {
            rows.add(List.of(r.method().id() + (r.wholeSet() ? " (whole set)" : ""), r.wholeSet() ? "float" : r.method().mode(),
                    Integer.toString(r.images()), String.format(Locale.ROOT, "%.2f", r.top1Percent()),
                    Double.isNaN(r.top5Percent()) ? "-" : String.format(Locale.ROOT, "%.2f", r.top5Percent()),
                    String.format(Locale.ROOT, "%.3f", r.bitsPerWeight()),
                    Double.isNaN(r.serialPasses()) ? "-" : String.format(Locale.ROOT, "%.3f", r.serialPasses())));
        }
        return rows;
    }

    static final List<String> COLUMNS = List.of("method", "mode", "images", "top1_%", "top5_%", "bits/weight", "passes");

    @Override
    public Integer call() throws InputException, IOException {
        Outcome out = run();
        write(out, output, plotDir, predictions);
        if (timing != null) {
            int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            AtomicFiles.writeString(timing, AccuracyTiming.format(out, t, batch));
        }
        root.out().println(out.model() + " on " + out.set() + AccuracyCsv.variant(out.depthwiseM()) + " (calibration " + out.calibration() + ", "
                + out.result().evaluated().length + " images evaluated)");
        root.out().print(csv ? TextTable.csv(COLUMNS, table(out)) : TextTable.aligned(COLUMNS, table(out), 1));
        root.out().flush();
        return SwisCommand.OK;
    }
}
