package org.swis.cli;

import org.swis.io.InputException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.swis.io.container.ContainerWriter;
import org.swis.io.container.EncodedLayer;
import org.swis.network.encode.LayerEncoder;
import org.swis.network.encode.StreamingEncoder;
import org.swis.cli.report.Formats;
import org.swis.cli.report.TextTable;
import org.swis.kernels.DecomposeKernel;
import org.swis.kernels.KernelRegistry;
import org.swis.kernels.Vectorization;
import org.swis.reference.metrics.ErrorMetrics;
import org.swis.reference.swis.Alpha;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code swis decompose}: encodes every weight tensor and writes the container (format in cli/README.md). */
@Command(name = "decompose",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Encode every conv/depthwise/linear weight tensor (INT8 per tensor first; int8 input as is) "
                + "with SWIS, SWIS-C, layer-wise weight truncation or uniform RTN INT-k, write the encoded model "
                + "(-o, format in cli/README.md) and print per layer the exact stored bits per weight and the error "
                + "of the reconstruction against the float weights.",
            "-N is the shift count (swis, swis-c), the window width (trunc) or the bits k (rtn). "
                + "--schedule <avg> replaces the uniform N by the filter scheduler's per-filter counts (paper §4.3).",
            "Tensors are read (memory-mapped for .safetensors) and encoded block by block and the output is "
                + "written as it goes, so models larger than the Java heap work; the bytes are those of the "
                + "whole-tensor reference path."},
        footerHeading = "%nExamples:%n",
        footer = {"  swis decompose ../shared/weights/cifar10_resnet20 -N 3 -o resnet20.swis",
            "  swis decompose model.safetensors --layout OIHW --scheme swis-c --schedule 2.5 --pe ds -o m.swis",
            "  swis decompose weights.npz --layout OIHW --scheme rtn -N 4 --rtn-group -M 16 --csv",
            "  swis decompose weights_int.npz --layout OHWI --assume-unit-scale -o m.swis   # int8 without scales"})
public final class DecomposeCommand implements Callable<Integer> {
    /** Held so the level set on it stays: the kernels' one-line selection log is replaced by a note. */
    private static final java.util.logging.Logger QUIET_KERNEL_LOG = java.util.logging.Logger.getLogger("org.swis.kernels");

    static final List<String> COLUMNS = List.of("layer", "kind", "shape", "method", "M", "N", "weights",
            "bits_per_weight", "rmse", "sqnr_db", "max_abs_error");

    @ParentCommand
    SwisCommand root;

    @Parameters(index = "0", paramLabel = "<weights>",
            description = "A .npz, .npy or .safetensors file, or a folder with weights.npz (+ manifest.csv).")
    Path weights;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>", description = "Write the encoded model here (atomically).")
    Path output;

    @Option(names = "--scheme", paramLabel = "<scheme>", defaultValue = "swis",
            description = "swis, swis-c, trunc or rtn (default: ${DEFAULT-VALUE}).")
    String scheme;

    @Option(names = "-N", paramLabel = "<n>", defaultValue = "3",
            description = "Shifts per group (swis, swis-c: 1..8), window bits (trunc: 1..8) or bits k (rtn: 2..8); "
                    + "default ${DEFAULT-VALUE}.")
    int n;

    @Option(names = "-M", paramLabel = "<m>", defaultValue = "4",
            description = "Group size, 1..32 (default ${DEFAULT-VALUE}).")
    int m;

    @Option(names = "--alpha", paramLabel = "<p/q>", defaultValue = "1",
            description = "MSE++ alpha, e.g. 0, 1/2, 1 (default ${DEFAULT-VALUE}).")
    String alpha;

    @Option(names = "--schedule", paramLabel = "<avg>",
            description = "Schedule per-filter shift counts to this average (swis, swis-c), e.g. 2.5.")
    Double schedule;

    @Option(names = "--pe", paramLabel = "<ss|ds>", defaultValue = "ss",
            description = "PE type the schedule is for: ss (any N) or ds (even N, needs avg >= 2).")
    String pe;

    @Option(names = "--array-columns", paramLabel = "<c>", defaultValue = "8",
            description = "--schedule: filters that run together on the PE array share one shift count "
                    + "(paper §4.3; default ${DEFAULT-VALUE}, the 8x8 array). Large layers need more columns: "
                    + "the scheduler's exact table grows with (filters / c) x budget.")
    int arrayColumns;

    @Option(names = "--per-channel", description = "Quantize to INT8 per output channel instead of per tensor.")
    boolean perChannel;

    @Option(names = "--rtn-group", description = "rtn: one scale per group of M instead of per output channel.")
    boolean rtnGroup;

    @Option(names = "--kernel", paramLabel = "<name>",
            description = "Decomposer for swis / swis-c (default: the fastest on this JVM; 'reference' is the "
                    + "slow specification; every kernel gives the same bytes).")
    String kernel;

    @Option(names = "--threads", paramLabel = "<n>",
            description = "Decomposer threads (default: available processors, here ${DEFAULT-VALUE}); the output does not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    @picocli.CommandLine.Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--csv", description = "Print CSV instead of an aligned table.")
    boolean csv;

    /** Parses and checks the options; bad values are {@link InputException}s naming the option. */
    LayerEncoder.Options options() throws InputException {
        EncodedLayer.Method method = EncodedLayer.Method.parse(scheme);
        if (method == null) {
            throw new InputException("--scheme", "value", "swis, swis-c, trunc or rtn", "'" + scheme + "'");
        }
        int lo = method == EncodedLayer.Method.RTN ? 2 : 1;
        if (n < lo || n > 8) {
            throw new InputException("-N", "value", lo + "..8 for --scheme " + method.id(), Integer.toString(n));
        }
        if (m < 1 || m > 32) {
            throw new InputException("-M", "value", "1..32", Integer.toString(m));
        }
        LayerEncoder.Pe p;
        if ("ss".equalsIgnoreCase(pe)) {
            p = LayerEncoder.Pe.SS;
        } else if ("ds".equalsIgnoreCase(pe)) {
            p = LayerEncoder.Pe.DS;
        } else {
            throw new InputException("--pe", "value", "ss or ds", "'" + pe + "'");
        }
        double avg = Double.NaN;
        if (schedule != null) {
            if (method != EncodedLayer.Method.SWIS && method != EncodedLayer.Method.SWIS_C) {
                throw new InputException("--schedule", "scheme", "--scheme swis or swis-c", method.id());
            }
            double min = p == LayerEncoder.Pe.DS ? 2 : 1;
            if (!(schedule >= min && schedule <= 8)) {
                throw new InputException("--schedule", "value", "an average in " + (int) min + "..8", schedule.toString());
            }
            avg = schedule;
        }
        Alpha a;
        try {
            a = Alpha.parse(alpha);
        } catch (IllegalArgumentException e) {
            throw new InputException("--alpha", "value", "a non-negative rational such as 1, 1/2 or 0.25", "'" + alpha + "'");
        }
        if (arrayColumns < 1 || arrayColumns > 1 << 20) {
            throw new InputException("--array-columns", "value", "1..1048576", Integer.toString(arrayColumns));
        }
        return new LayerEncoder.Options(method, n, m, a, avg, p, perChannel, rtnGroup, arrayColumns);
    }

    /** The decomposer named by {@code --kernel}, or the runtime-selected fastest one. */
    DecomposeKernel kernel() throws InputException {
        QUIET_KERNEL_LOG.setLevel(java.util.logging.Level.WARNING);
        if (kernel == null) {
            return KernelRegistry.fastestDecomposer();
        }
        List<String> names = new ArrayList<>();
        for (DecomposeKernel k : KernelRegistry.decomposers()) {
            if (k.name().equals(kernel)) {
                return k;
            }
            names.add(k.name());
        }
        throw new InputException("--kernel", "value", "one of " + names, "'" + kernel + "'");
    }

    @Override
    public Integer call() throws InputException, IOException {
        AtomicFiles.checkTarget(output, "--output");
        LayerEncoder.Options o = options();
        if (threads < 1) {
            throw new InputException("--threads", "value", "at least 1", Integer.toString(threads));
        }
        DecomposeKernel k = kernel();
        StreamingEncoder encoder = new StreamingEncoder(o, k, threads, StreamingEncoder.BLOCK_WEIGHTS, Progress.of(root));
        List<List<String>> rows = new ArrayList<>();
        ErrorMetrics[] total = {ErrorMetrics.EMPTY};
        double[] totalBits = {0};
        long[] totalWeights = {0};
        int[] count = {0};
        // Streaming: one block of one tensor in memory at a time (tensors of a .safetensors file stay
        // memory-mapped); records go straight to the output, the tensor count is patched at the end.
        AtomicFiles.FileContent<InputException> encodeAll = file -> {
            try (ContainerWriter out = file == null ? ContainerWriter.discarding()
                    : ContainerWriter.open(AtomicFiles.openTemporary(file))) {
                modelOptions.forEachSource(weights, msg -> root.note("swis decompose", msg), l -> {
                    StreamingEncoder.Summary r = encoder.encode(l, out);
                    total[0] = total[0].plus(r.error());
                    totalBits[0] += r.bitsPerWeight() * r.weights();
                    totalWeights[0] += r.weights();
                    count[0]++;
                    rows.add(row(l.name(), l.kind().manifestName(), org.swis.io.Shapes.format(l.shape()), o, r.shifts(),
                            r.weights(), r.bitsPerWeight(), r.error()));
                });
                out.finish(count[0]);
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        };
        if (output == null) {
            encodeAll.writeTo(null);
        } else {
            AtomicFiles.writeFile(output, encodeAll);
        }
        rows.add(row("*", "*", "*", o, Double.NaN, totalWeights[0], totalBits[0] / totalWeights[0], total[0]));
        root.out().print(csv ? TextTable.csv(COLUMNS, rows) : TextTable.aligned(COLUMNS, rows, 4));
        root.out().flush();
        if (o.method() == EncodedLayer.Method.SWIS || o.method() == EncodedLayer.Method.SWIS_C) {
            root.note("swis decompose", "decomposer " + k.name() + " on " + threads + " thread(s); "
                    + Vectorization.selection().reason());
        }
        if (output != null) {
            root.note("swis decompose", "wrote " + count[0] + " tensor(s) to " + output);
        }
        return SwisCommand.OK;
    }

    private static List<String> row(String name, String kind, String shape, LayerEncoder.Options o, double shifts,
                                    long weights, double bits, ErrorMetrics e) {
        boolean grouped = o.method() == EncodedLayer.Method.SWIS || o.method() == EncodedLayer.Method.SWIS_C
                || (o.method() == EncodedLayer.Method.RTN && o.rtnPerGroup());
        return List.of(name, kind, shape, o.method().id() + (o.method() == EncodedLayer.Method.RTN
                        ? (o.rtnPerGroup() ? "-group" : "-channel") : ""),
                grouped ? Integer.toString(o.m()) : "-", Double.isNaN(shifts) ? "-" : Formats.fixed(shifts, 3),
                Long.toString(weights), Formats.fixed(bits, 4), Formats.sci(e.rmse()), Formats.fixed(e.sqnrDb(), 3),
                Formats.sci(e.maxAbsError()));
    }
}
