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
        description = {"Run the cycle / energy model (docs/HWMODEL.md; 8x8 array, M = 4, paper defaults) on built-in "
                + "networks or on a real model's conv and depthwise layers, and print the summary per design "
                + "(--layers: every layer) and, for built-in networks, the paper's Table 4 comparison.",
            "Shift-profile designs (SWIS, SWIS-C, truncation, Loom) run at every -N; with real weights, "
                + "--schedule <avg> adds SWIS / SWIS-C runs whose per-filter counts come from the filter scheduler "
                + "on the model's own INT8 weights."},
        footerHeading = "%nExamples:%n",
        footer = {"  swis hw", "  swis hw --network resnet18 --design SWIS-DS --design FXP8 -N 2 -N 4 --layers",
            "  swis hw --network ../shared/weights/cifar10_resnet20 --input 32x32 \\",
            "      --stride module.layer2.0.conv1.weight=2 --stride module.layer3.0.conv1.weight=2 --schedule 2.5",
            "  swis hw -o out/   # CSVs: hw_summary_<net>.csv, hw_layers_<net>.csv"})
public final class HwCommand implements Callable<Integer> {
    @ParentCommand
    SwisCommand root;

    @Option(names = "--network", paramLabel = "<net>",
            description = "resnet18, mobilenetv2, vgg16, or a weights file/folder (repeatable; default: the three built-ins).")
    List<String> networks = new ArrayList<>();

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

    /** Parses HxW. */
    static int[] size(String text) throws InputException {
        String[] p = text == null ? new String[0] : text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (p.length == 2) {
                int h = Integer.parseInt(p[0].trim());
                int w = Integer.parseInt(p[1].trim());
                if (h >= 1 && w >= 1 && h <= 16384 && w <= 16384) {
                    return new int[] {h, w};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InputException("--input", "value", "HxW with 1 <= H, W <= 16384, e.g. 224x224", "'" + text + "'");
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
        ArrayConfig cfg = ArrayConfig.paperDefault();
        List<String> nets = networks.isEmpty() ? Topologies.NAMES : networks;
        List<NetworkResult> all = new ArrayList<>();
        boolean builtinOnly = true;
        for (String net : nets) {
            List<NetworkResult> results;
            if (Topologies.NAMES.contains(net)) {
                results = HwRuns.uniform(Topologies.builtin(net), ds, n, cfg);
            } else {
                builtinOnly = false;
                results = realWeights(net, ds, n, cfg);
            }
            all.addAll(results);
            if (output != null) {
                String name = results.isEmpty() ? net : results.get(0).topology();
                ResultCsv.writeSummary(output.resolve("hw_summary_" + name + ".csv"), results);
                ResultCsv.writeLayers(output.resolve("hw_layers_" + name + ".csv"), results);
            }
        }
        StringBuilder b = new StringBuilder();
        b.append(table(HwTables.SUMMARY, HwTables.summary(all), 3));
        if (layers) {
            b.append('\n').append(table(HwTables.layerHeader(), HwTables.layers(all), 4));
        }
        if (builtinOnly && networks.isEmpty()) {
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

    private List<NetworkResult> realWeights(String net, List<Design> ds, List<Integer> n, ArrayConfig cfg)
            throws InputException {
        Model model = modelOptions.load(Path.of(net), msg -> root.note("swis hw", msg));
        int[] hw = input != null ? size(input) : RealWeightsTopology.KNOWN_INPUTS.get(model.name());
        if (hw == null) {
            throw new InputException("--input", "value", "HxW for weights network " + net, "none");
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
