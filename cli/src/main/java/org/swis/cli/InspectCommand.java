package org.swis.cli;

import org.swis.io.DType;
import org.swis.io.ImportException;
import org.swis.io.InputException;
import org.swis.io.Manifest;
import org.swis.io.ManifestEntry;
import org.swis.io.Shapes;
import org.swis.io.Tensor;
import org.swis.io.TensorFiles;
import org.swis.io.TensorSource;
import org.swis.io.TensorStats;
import org.swis.io.model.ModelLoader;
import org.swis.reference.tensor.Layout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code swis inspect}: lists the tensors of a weight file with shape, dtype, layout and statistics. */
@Command(name = "inspect",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"List the tensors of a weight file (.npz, .npy or .safetensors) or of a model folder "
                + "(its weights.npz) one at a time: name, shape, dtype, layout, count, min, max, mean, std (population).",
            "The layout comes from --layout for tensors of its rank (a 4-D layout is not applied to 2-D tensors nor "
                + "a 2-D one to 4-D tensors), else from --manifest or the manifest.csv next to a weights.npz, else "
                + "OI for 2-D tensors (with a warning); a 4-D tensor with none of these is listed as UNKNOWN."},
        footerHeading = "%nExamples:%n",
        footer = {"  swis inspect ../shared/weights/vww_mobilenet_v1_025",
            "  swis inspect weights.npz --manifest other/manifest.csv",
            "  swis inspect model.safetensors --layout OIHW --csv -o tensors.csv"})
public final class InspectCommand implements Callable<Integer> {
    private static final List<String> COLUMNS =
            List.of("name", "shape", "dtype", "layout", "count", "min", "max", "mean", "std");

    @ParentCommand
    SwisCommand root;

    @Parameters(index = "0", paramLabel = "<weights>",
            description = "A .npz, .npy or .safetensors file, or a folder with weights.npz (+ manifest.csv).")
    Path weights;

    @Option(names = {"-m", "--manifest"}, paramLabel = "<manifest.csv>",
            description = "Manifest to take layouts from and to check names, shapes, dtypes and order against "
                    + "(default: manifest.csv next to a weights.npz).")
    Path manifest;

    @Option(names = {"-l", "--layout"}, paramLabel = "<layout>",
            description = "Layout of every tensor of its rank, overriding the manifest: OIHW, OHWI, HWIO, HWCM, 1HWC "
                    + "(4-D tensors) or OI, IO (2-D tensors).")
    String layout;

    @Option(names = "--csv", description = "Print CSV instead of an aligned table.")
    boolean csv;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>",
            description = "Write the listing to this file (atomically) instead of standard output.")
    Path output;

    @Override
    public Integer call() throws InputException, IOException {
        AtomicFiles.checkTarget(output, "--output");
        Layout forced = ModelLoader.layoutOption(layout);
        Path file = ModelLoader.weightsFile(weights);
        Path manifestPath = manifest != null ? manifest : ModelLoader.siblingManifest(weights);
        Manifest m = manifestPath == null ? null : Manifest.read(manifestPath);
        List<List<String>> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int inferred = 0;
        int unknown = 0;
        try (TensorSource src = TensorFiles.open(file)) {
            Tensor t;
            while ((t = src.next()) != null) {
                ManifestEntry e = m != null ? ModelLoader.check(m, t, rows.size(), file.toString()) : null;
                Layout l = ModelLoader.layoutOf(t, forced, e);
                if (l != null && ModelLoader.isInferred(t, forced, e)) {
                    inferred++;
                }
                if (l == null && t.rank() == 4) {
                    unknown++;
                }
                seen.add(t.name());
                rows.add(row(t.withLayout(l)));
            }
        }
        if (m != null) {
            for (ManifestEntry e : m.entries()) {
                if (!seen.contains(e.name())) {
                    throw new ImportException(file.toString(), "tensor '" + e.name() + "'",
                            "present (listed in " + m.file() + ")", "absent");
                }
            }
        }
        if (inferred > 0) {
            root.note("swis inspect", "warning: layout of " + inferred + " 2-D tensor(s) inferred from rank "
                    + "(OI); pass --layout or --manifest to state it");
        }
        if (unknown > 0) {
            root.note("swis inspect", "warning: layout of " + unknown + " 4-D tensor(s) unknown (listed as UNKNOWN); "
                    + "pass --layout or --manifest to state it");
        }
        String text = csv ? csv(rows) : table(rows);
        if (output != null) {
            AtomicFiles.writeString(output, text);
        } else {
            PrintWriter out = root.spec.commandLine().getOut();
            out.print(text);
            out.flush();
        }
        return SwisCommand.OK;
    }

    private static List<String> row(Tensor t) {
        TensorStats s = TensorStats.of(t);
        DType d = t.dtype();
        return List.of(t.name(), Shapes.format(t.shape()), d.manifestName(), t.layout() == null ? "UNKNOWN" : t.layout().toString(),
                Long.toString(s.count()), num(s.min()), num(s.max()), num(s.mean()), num(s.std()));
    }

    /** Nine significant digits (enough to round-trip a float), locale-independent and the same on every JDK. */
    static String num(double v) {
        return Double.isNaN(v) ? "nan" : String.format(Locale.ROOT, "%.9g", v);
    }

    private static String csv(List<List<String>> rows) {
        return org.swis.cli.report.TextTable.csv(COLUMNS, rows);
    }

    private static String table(List<List<String>> rows) {
        return org.swis.cli.report.TextTable.aligned(COLUMNS, rows, 4);
    }
}
