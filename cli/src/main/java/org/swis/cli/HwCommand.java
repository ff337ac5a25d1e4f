package org.swis.cli;

import org.swis.io.InputException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.swis.cli.hw.HwRuns;
import org.swis.cli.hw.HwTables;
import org.swis.cli.hw.RealWeightsTopology;
import org.swis.io.model.Model;
import org.swis.cli.report.TextTable;
import org.swis.hwmodel.ArrayConfig;
import org.swis.hwmodel.Design;
import org.swis.hwmodel.HardwareModel;
import org.swis.hwmodel.NetworkResult;
import org.swis.hwmodel.ResultCsv;
import org.swis.hwmodel.Table4Comparison;
import org.swis.hwmodel.Topologies;
import org.swis.hwmodel.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code swis hw}: the hardware model's per-layer and summary tables and the Table 4 comparison. */
@Command(name = "hw",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Run the cycle / energy model (docs/HWMODEL.md; 8x8 array unless --array, M = 4, paper defaults) "
                + "on built-in networks (--network) or on real models' conv and depthwise layers (<weights>), and print "
                + "the summary per design (--layers: every layer) and, for the built-in networks by default, the "
                + "paper's Table 4 comparison. Layers of a real model that the model does not cost (linear layers) are "
                + "listed with the reason.",
            "Shift-profile designs (SWIS, SWIS-C, truncation, Loom) run at every -N; with real weights, "
                + "--schedule <avg> adds SWIS / SWIS-C runs whose per-filter counts come from the filter scheduler "
                + "on the model's own INT8 weights."},
        footerHeading = "%nExamples:%n",
        footer = {"  swis hw", "  swis hw --network resnet18 --design SWIS-DS --design FXP8 -N 2 -N 4 --layers",
            "  swis hw --network vgg16 --array 16x16",
            "  swis hw ../shared/weights/cifar10_resnet20 --input 32x32 \\",
            "      --stride module.layer2.0.conv1.weight=2 --stride module.layer3.0.conv1.weight=2 --schedule 2.5",
            "  swis hw -o out/   # CSVs: hw_summary_<net>.csv, hw_layers_<net>.csv"})
public final class HwCommand implements Callable<Integer> {
    @ParentCommand
    SwisCommand root;

    @picocli.CommandLine.Parameters(paramLabel = "<weights>", arity = "0..*",
            description = "Real models: a .npz, .npy or .safetensors file or a folder with weights.npz (+ manifest.csv).")
    List<Path> models = new ArrayList<>();

    @Option(names = "--network", paramLabel = "<net>",
            description = "A built-in network: resnet18, mobilenetv2 or vgg16 (repeatable; default without <weights>: "
                    + "all three).")
    List<String> networks = new ArrayList<>();

    @Option(names = "--array", paramLabel = "<RxC>", defaultValue = "8x8",
            description = "PE array rows x columns, e.g. 16x16 (default ${DEFAULT-VALUE}, the paper's); --schedule "
                    + "shares one shift count among the filters of C columns.")
    String array;

    @Option(names = "--input", paramLabel = "<HxW>", description = "Input size of a weights network, e.g. 32x32 "
            + "(default for the shared cifar10_resnet20: 32x32, vww_mobilenet_v1_025: 96x96).")
    String input;

    @Option(names = "--stride", paramLabel = "<layer=s>", description = "Stride of a layer of a weights network "
            + "(repeatable; default 1; known for the two shared models).")
    Map<String, Integer> strides = new HashMap<>();

    @Option(names = "--design", paramLabel = "<design>", description = "Design(s) to run (repeatable; default all): "
            + "SWIS-SS, SWIS-DS, SWIS-C-SS, SWIS-C-DS, Act-trunc, Wgt-trunc, BitFusion-4x8, FXP8, FXP8-scalar, "
            + "Loom-like, Pragmatic-like.")
    List<String> designs = new ArrayList<>();

    @Option(names = "-N", paramLabel = "<n>", split = ",", description = "Uniform N for shift-profile designs "
            + "(repeatable or comma-separated; default 2,3,4).")
    List<Integer> ns = new ArrayList<>();

    @Option(names = "--schedule", paramLabel = "<avg>", description = "Weights networks: also run SWIS designs with "
            + "the filter scheduler's counts at this average.")
    Double schedule;

    @picocli.CommandLine.Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--layers", description = "Also print the per-layer table.")
    boolean layers;

    @Option(names = "--csv", description = "Print CSV instead of aligned tables.")
    boolean csv;

    @Option(names = {"-o", "--output"}, paramLabel = "<dir>",
            description = "Write hw_summary_<net>.csv and hw_layers_<net>.csv (hwmodel columns) into this directory.")
    Path output;

    /** Parses the --design values (default: all designs). */
    static List<Design> designs(List<String> names) throws InputException {
        if (names.isEmpty()) {
            return List.of(Design.values());
        }
        LinkedHashSet<Design> out = new LinkedHashSet<>();
        for (String n : names) {
            Design found = null;
            for (Design d : Design.values()) {
                if (d.label().equalsIgnoreCase(n) || d.name().equalsIgnoreCase(n)) {
                    found = d;
                }
            }
            if (found == null) {
                List<String> labels = new ArrayList<>();
                for (Design d : Design.values()) {
                    labels.add(d.label());
                }
                throw new InputException("--design", "value", "one of " + String.join(", ", labels), "'" + n + "'");
            }
            out.add(found);
        }
        return new ArrayList<>(out);
    }

    /** Parses HxW (option {@code --input}). */
    static int[] size(String text) throws InputException {
        return size(text, "--input", 16384, "224x224");
    }

    /** Parses {@code --array} RxC (1..1024 each). */
    static ArrayConfig array(String text) throws InputException {
        int[] rc = size(text, "--array", 1024, "16x16");
        return ArrayConfig.paperDefault().withArray(rc[0], rc[1]);
    }

    private static int[] size(String text, String option, int max, String example) throws InputException {
        String[] p = text == null ? new String[0] : text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (p.length == 2) {
                int h = Integer.parseInt(p[0].trim());
                int w = Integer.parseInt(p[1].trim());
                if (h >= 1 && w >= 1 && h <= max && w <= max) {
                    return new int[] {h, w};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        String what = option.equals("--array") ? "RxC with 1 <= R, C <= " : "HxW with 1 <= H, W <= ";
        throw new InputException(option, "value", what + max + ", e.g. " + example, "'" + text + "'");
    }

    @Override
    public Integer call() throws InputException, IOException {
        AtomicFiles.checkFolder(output, "--output");
        List<Design> ds = designs(designs);
        List<Integer> n = ns.isEmpty() ? List.of(2, 3, 4) : ns;
        for (int v : n) {
            if (v < 1 || v > 8) {
                throw new InputException("-N", "value", "1..8", Integer.toString(v));
            }
        }
        if (schedule != null && !(schedule >= 2 && schedule <= 8)) {
            throw new InputException("--schedule", "value", "an average in 2..8 (double-shift designs need >= 2)",
                    schedule.toString());
        }
        ArrayConfig cfg = array(array);
        for (String net : networks) {
            if (!Topologies.NAMES.contains(net)) {
                throw new InputException("--network", "value", "one of " + String.join(", ", Topologies.NAMES)
                        + " (a weights file or model folder goes without --network: swis hw <weights>)", "'" + net + "'");
            }
        }
        if (models.isEmpty() && (input != null || !strides.isEmpty() || schedule != null)) {
            String option = input != null ? "--input" : !strides.isEmpty() ? "--stride" : "--schedule";
            throw new InputException(option, "use", "a real model to apply to (swis hw <weights> " + option + " ...)",
                    "only built-in networks");
        }
        List<String> nets = networks.isEmpty() && models.isEmpty() ? Topologies.NAMES : networks;
        List<NetworkResult> all = new ArrayList<>();
        List<List<String>> skipped = new ArrayList<>();
        List<List<NetworkResult>> modelRuns = new ArrayList<>();
        for (Path model : models) { // first: a bad model file stops the command before the built-in runs
            modelRuns.add(realWeights(model, ds, n, cfg, skipped));
        }
        List<List<NetworkResult>> runs = new ArrayList<>();
        for (String net : nets) {
            runs.add(HwRuns.uniform(Topologies.builtin(net), ds, n, cfg));
        }
        runs.addAll(modelRuns);
        for (List<NetworkResult> results : runs) {
            all.addAll(results);
            if (output != null && !results.isEmpty()) {
                String name = results.get(0).topology();
                ResultCsv.writeSummary(output.resolve("hw_summary_" + name + ".csv"), results);
                ResultCsv.writeLayers(output.resolve("hw_layers_" + name + ".csv"), results);
            }
        }
        StringBuilder b = new StringBuilder();
        b.append(table(HwTables.SUMMARY, HwTables.summary(all), 3));
        if (layers) {
            b.append('\n').append(table(HwTables.layerHeader(), HwTables.layers(all), 4));
        }
        if (!skipped.isEmpty()) {
            b.append("\nLayers not modelled\n").append(table(SKIPPED, skipped, 99));
        }
        if (models.isEmpty() && networks.isEmpty()) {
            Table4Comparison t4 = Table4Comparison.run(cfg);
            b.append("\nTable 4 comparison (ratios to the same network's Act-trunc N=6 cell; paper vs model)\n");
            b.append(table(HwTables.TABLE4, HwTables.table4(t4), 3));
            b.append('\n').append(table(HwTables.HEADLINES, HwTables.headlines(t4), 1));
        }
        root.out().print(b);
        root.out().flush();
        return SwisCommand.OK;
    }

    private String table(List<String> header, List<List<String>> rows, int firstRight) {
        return csv ? TextTable.csv(header, rows) : TextTable.aligned(header, rows, firstRight);
    }

    /** Columns of the table of layers a real model has but the hardware model does not cost. */
    static final List<String> SKIPPED = List.of("network", "layer", "kind", "shape", "reason");

    private List<NetworkResult> realWeights(Path net, List<Design> ds, List<Integer> n, ArrayConfig cfg,
                                            List<List<String>> skipped) throws InputException {
        Model model = modelOptions.load(net, msg -> root.note("swis hw", msg));
        int[] hw = input != null ? size(input) : RealWeightsTopology.KNOWN_INPUTS.get(model.name());
        if (hw == null) {
            throw new InputException("--input", "value", "HxW for weights network " + net, "none");
        }
        for (RealWeightsTopology.Skipped s : RealWeightsTopology.skipped(model)) {
            skipped.add(List.of(model.name(), s.layer(), s.kind(), s.shape(), s.reason()));
        }
        Map<String, Integer> s = strides.isEmpty()
                ? RealWeightsTopology.KNOWN_STRIDES.getOrDefault(model.name(), Map.of()) : strides;
        return run(model, s, hw, ds, n, schedule, cfg);
    }

    /** Uniform runs plus, when {@code schedule} is set, scheduled runs of the SWIS designs. */
    public static List<NetworkResult> run(Model model, Map<String, Integer> strides, int[] hw, List<Design> ds,
                                          List<Integer> n, Double schedule, ArrayConfig cfg) throws InputException {
        Topology t = RealWeightsTopology.topology(model, strides, hw[0], hw[1]);
        List<NetworkResult> results = new ArrayList<>(HwRuns.uniform(t, ds, n, cfg));
        if (schedule != null) {
            for (Design d : ds) {
                if (d.isSwis()) {
                    results.add(HardwareModel.run(t, d, RealWeightsTopology.scheduled(model, d, schedule, cfg.cols()), cfg));
                }
            }
        }
        return results;
    }
}
