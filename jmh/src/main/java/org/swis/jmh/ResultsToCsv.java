package org.swis.jmh;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.swis.kernels.Vectorization;
import org.swis.reference.SwisInputException;
import org.swis.reference.json.Json;

/**
 * Turns JMH JSON result files ({@code -rf json}) into the long-format tables
 * {@code results/decompose.csv} and {@code results/kernels.csv}: one row per (JDK, benchmark, params)
 * with score and error (half JMH's 99.9 % interval), a throughput, and the ratio to the baseline measured
 * in the same run, each followed by its interval ({@link ScoreRatio}, docs/KERNELS.md §6); every row
 * carries the run kind ("full" = at least 3 forks x 5 measured iterations, else "quick"), the CPU model,
 * cores, JDK, vector bit size, threads, and the benchmark jar's commit, dirty flag and user jars from the
 * {@link BuildStamp} beside its JSON file.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp jmh/target/benchmarks.jar org.swis.jmh.ResultsToCsv \
 *     results/kernels.csv results/raw/kernels-jdk17.json results/raw/kernels-jdk25.json</pre>
 *
 * Baselines: decomposition rows divide by the {@code reference} kernel of the same JDK, scheme, N and
 * M at one thread (weights/s against weights/s); kernel rows divide the best (fastest) int8 yardstick
 * of the same JDK, shape, batch and JMH thread count by the row's time, so 1.0 means "as fast as the best int8 kernel".
 * The file is written to a temporary sibling and renamed into place.
 */
public final class ResultsToCsv {
    private ResultsToCsv() {
    }

    /** One benchmark result of one JSON file, with the build stamp written beside that file. */
    record Row(String jdk, String vm, String benchmark, Map<String, String> params, double score, double error,
               String unit, int jmhThreads, int forks, int iterations, String jvmArgs, BuildStamp stamp) {
        String param(String key) {
            return params.getOrDefault(key, "");
        }

        boolean isDecompose() {
            return benchmark.endsWith("DecomposeBenchmark.decompose");
        }

        /** "full" for at least {@value #FULL_FORKS} forks x {@value #FULL_ITERATIONS} measured iterations, else "quick". */
        String run() {
            return forks >= FULL_FORKS && iterations >= FULL_ITERATIONS ? "full" : "quick";
        }
    }

    /** The least forks of a published ("full") row (docs/KERNELS.md §6). */
    public static final int FULL_FORKS = 3;
    /** The least measured iterations per fork of a published ("full") row. */
    public static final int FULL_ITERATIONS = 5;

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ResultsToCsv <out.csv> <jmh-result.json>...");
            System.exit(2);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            rows.addAll(read(Path.of(args[i])));
        }
        Environment env = Environment.detect();
        write(Path.of(args[0]), rows, env);
        System.out.println("wrote " + rows.size() + " rows to " + args[0]);
    }

    /** Machine facts recorded in every row (the commit comes from each JSON's {@link BuildStamp}). */
    record Environment(String cpu, int cores, int vectorBits) {
        static Environment detect() {
            return new Environment(cpuModel(), Runtime.getRuntime().availableProcessors(),
                    Vectorization.selection().vectorBitSize());
        }
    }

    static List<Row> read(Path json) throws IOException {
        Object root;
        try {
            root = Json.parseNumbers(json.toString(), Files.readString(json, StandardCharsets.UTF_8));
        } catch (IOException | SwisInputException e) {
            throw new SwisInputException(json.toString(), e.getMessage(), "a JMH JSON result file (-rf json)");
        }
        if (!(root instanceof List<?> results)) {
            throw new SwisInputException(json.toString(), "not a JSON array", "a JMH JSON result file (-rf json)");
        }
        BuildStamp stamp = BuildStamp.forJson(json);
        List<Row> out = new ArrayList<>();
        int index = 0;
        for (Object result : results) {
            String where = json + "[" + index++ + "]";
            Map<?, ?> r = object(result, where);
            Map<?, ?> pm = object(required(r, "primaryMetric", where), where + ".primaryMetric");
            Map<String, String> params = new LinkedHashMap<>();
            if (r.get("params") instanceof Map<?, ?> p) {
                for (Map.Entry<?, ?> e : p.entrySet()) {
                    params.put((String) e.getKey(), text(e.getValue()));
                }
            }
            List<String> jvmArgs = new ArrayList<>();
            if (r.get("jvmArgs") instanceof List<?> ja) {
                ja.forEach(a -> jvmArgs.add(text(a)));
            }
            double error = number(pm.get("scoreError"), Double.NaN);
            out.add(new Row(text(required(r, "jdkVersion", where)), text(r.get("vmName")),
                    text(required(r, "benchmark", where)), params, number(required(pm, "score", where), 0),
                    error, text(pm.get("scoreUnit")), (int) number(r.get("threads"), 1),
                    (int) number(r.get("forks"), 1), (int) number(r.get("measurementIterations"), 0),
                    String.join(" ", jvmArgs), stamp));
        }
        return out;
    }

    private static Object required(Map<?, ?> n, String field, String where) {
        Object v = n.get(field);
        if (v == null) {
            throw new SwisInputException(where + "." + field, "missing", "a JMH result field");
        }
        return v;
    }

    private static Map<?, ?> object(Object v, String where) {
        if (!(v instanceof Map<?, ?> m)) {
            throw new SwisInputException(where, String.valueOf(v), "a JSON object");
        }
        return m;
    }

    /** A scalar as text ("" when absent); integers without a fraction, as JMH wrote them. */
    private static String text(Object v) {
        return v == null || v instanceof Map || v instanceof List ? "" : String.valueOf(v);
    }

    /** A number, or a string holding one (JMH writes "NaN" as a string); {@code fallback} otherwise. */
    private static double number(Object v, double fallback) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String t) {
            try {
                return Double.parseDouble(t.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    /** Columns of decompose.csv; every ratio and rate is followed by its interval's _low and _high. */
    public static final List<String> DECOMPOSE_HEADER = List.of("jdk", "vm", "kernel", "scheme", "n", "m", "alpha",
            "threads", "processes", "shape", "weights", "score", "score_error", "unit", "mweights_per_s", "mweights_per_s_low",
            "mweights_per_s_high", "ratio_vs_reference", "ratio_vs_reference_low", "ratio_vs_reference_high",
            "speedup_vs_1_thread", "speedup_vs_1_thread_low", "speedup_vs_1_thread_high", "run", "jmh_forks",
            "jmh_iterations", "cpu_model", "cores", "vector_bits", "git_commit", "git_dirty", "user_jars", "command", "jvm_args");
    /** Columns of kernels.csv. */
    public static final List<String> KERNEL_HEADER = List.of("jdk", "vm", "benchmark", "kernel", "shape", "rows",
            "columns", "n", "batch", "score", "score_error", "unit", "gmac_per_s", "gmac_per_s_low", "gmac_per_s_high",
            "baseline", "ratio_vs_best_int8", "ratio_vs_best_int8_low", "ratio_vs_best_int8_high", "threads", "weight_bits",
            "api", "run", "jmh_forks", "jmh_iterations", "cpu_model", "cores", "vector_bits", "git_commit", "git_dirty", "user_jars",
            "command", "jvm_args");

    static void write(Path out, List<Row> rows, Environment env) throws IOException {
        boolean decompose = !rows.isEmpty() && rows.stream().allMatch(Row::isDecompose);
        String[] header = decompose
                ? DECOMPOSE_HEADER.toArray(String[]::new) : KERNEL_HEADER.toArray(String[]::new);
        writeAtomically(out, w -> {
            try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header).build())) {
                for (Row r : rows) {
                    csv.printRecord(decompose ? decomposeRecord(r, rows, env) : kernelRecord(r, rows, env));
                }
            }
        });
    }

    /** Writes a file as a temporary sibling renamed into place, so a failed write leaves nothing behind. */
    interface Body {
        void write(Writer w) throws IOException;
    }

    static void writeAtomically(Path out, Body body) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, out.getFileName().toString(), ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            body.write(w);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Milliseconds per op for an AverageTime score in any time unit. */
    static double millis(Row r) {
        return millis(r.score(), r.unit());
    }

    /** The score's error (half the 99.9 % interval) in milliseconds; NaN when JMH gave none. */
    static double millisError(Row r) {
        return millis(r.error(), r.unit());
    }

    private static double millis(double s, String u) {
        if (u.startsWith("ns/")) {
            return s / 1e6;
        }
        if (u.startsWith("us/")) {
            return s / 1e3;
        }
        if (u.startsWith("ms/")) {
            return s;
        }
        if (u.startsWith("s/")) {
            return s * 1e3;
        }
        throw new SwisInputException("scoreUnit", u, "an average-time unit (ns/op, us/op, ms/op, s/op)");
    }

    private static List<Object> decomposeRecord(Row r, List<Row> all, Environment env) {
        long weights = BenchData.shape(r.param("shape")).weights();
        // M weights/s = weights / ms / 1e3
        ScoreRatio rate = ScoreRatio.of(weights / 1e3, 0, millis(r), millisError(r));
        ScoreRatio ratio = null;
        ScoreRatio speedup = null;
        for (Row o : all) {
            boolean same = o.jdk().equals(r.jdk()) && o.param("scheme").equals(r.param("scheme"))
                    && o.param("n").equals(r.param("n")) && o.param("m").equals(r.param("m"))
                    && o.param("alpha").equals(r.param("alpha")) && measuredArgs(o).equals(measuredArgs(r));
            if (!same) {
                continue;
            }
            // this row's weights/s over o's: (W_r / W_o) * (t_o / t_r)
            double sizes = (double) weights / BenchData.shape(o.param("shape")).weights();
            ScoreRatio vsO = o == r ? ScoreRatio.exact(1)
                    : ScoreRatio.of(millis(o), millisError(o), millis(r), millisError(r)).times(sizes);
            if (o.param("kernel").equals("reference") && o.param("threads").equals("1")) {
                ratio = vsO;
            }
            if (o.param("kernel").equals(r.param("kernel")) && o.param("threads").equals("1") && processes(o) == 1
                    && o.param("shape").equals(r.param("shape"))) {
                speedup = vsO;
            }
        }
        List<Object> rec = new ArrayList<>(List.of(r.jdk(), r.vm(), r.param("kernel"), r.param("scheme"), r.param("n"),
                r.param("m"), r.param("alpha"), r.param("threads"), processes(r), r.param("shape"), weights, fmt(r.score()),
                fmt(r.error()), r.unit()));
        addInterval(rec, rate);
        addInterval(rec, ratio);
        addInterval(rec, speedup);
        addProvenance(rec, r, env);
        return rec;
    }

    /**
     * The fork's JVM arguments without the harness's own {@code -Djmh.*} properties, which JMH copies from the
     * runner into its forks (SWIS_BENCH_PROCESSES sets {@code -Djmh.ignoreLock=true}) and which do not change the
     * measured JVM.
     */
    private static String measuredArgs(Row r) {
        return String.join(" ", java.util.Arrays.stream(r.jvmArgs().split(" "))
                .filter(a -> !a.startsWith("-Djmh.")).toList());
    }

    /**
     * JMH processes that ran this plan at the same time (DecomposeBenchmark.processes, set by run-benchmarks.sh's
     * SWIS_BENCH_PROCESSES mode; absent in older runs: 1). A row of such a process has its own rate, and its
     * speedup_vs_1_thread is that rate over the one-thread row of a process that ran alone.
     */
    private static int processes(Row r) {
        return r.param("processes").isEmpty() ? 1 : Integer.parseInt(r.param("processes"));
    }

    /** value, low, high ("" x 3 when there is no baseline). */
    private static void addInterval(List<Object> rec, ScoreRatio q) {
        rec.add(q == null ? "" : q.valueText());
        rec.add(q == null ? "" : q.lowText());
        rec.add(q == null ? "" : q.highText());
    }

    private static void addProvenance(List<Object> rec, Row r, Environment env) {
        rec.addAll(List.of(r.run(), r.forks(), r.iterations(), env.cpu(), env.cores(), env.vectorBits(),
                r.stamp().commit(), r.stamp().dirty(), r.stamp().userJars(), r.stamp().command(), r.jvmArgs()));
    }

    private static boolean isInt8(Row r) {
        return r.param("kernel").startsWith("int8-");
    }

    private static boolean isSwis(Row r) {
        return !isInt8(r) && !r.param("kernel").startsWith("f32-");
    }

    private static List<Object> kernelRecord(Row r, List<Row> all, Environment env) {
        BenchData.Shape s = BenchData.shape(r.param("shape"));
        int batch = Integer.parseInt(r.param("batch").isEmpty() ? "1" : r.param("batch"));
        // GMAC/s = MACs / ms / 1e6; with JMH threads (-t), each thread runs its own call: the rate is their sum
        ScoreRatio rate = ScoreRatio.of((double) s.weights() * batch * r.jmhThreads() / 1e6, 0, millis(r), millisError(r));
        Row best = null;
        for (Row o : all) {
            if (isInt8(o) && o.jdk().equals(r.jdk()) && o.param("shape").equals(r.param("shape"))
                    && o.param("batch").equals(r.param("batch")) && o.jmhThreads() == r.jmhThreads()
                    && (best == null || millis(o) < millis(best))) {
                best = o;
            }
        }
        ScoreRatio ratio = best == null ? null : best == r ? ScoreRatio.exact(1)
                : ScoreRatio.of(millis(best), millisError(best), millis(r), millisError(r));
        String name = r.benchmark().substring(r.benchmark().lastIndexOf('.', r.benchmark().lastIndexOf('.') - 1) + 1);
        List<Object> rec = new ArrayList<>(List.of(r.jdk(), r.vm(), name, r.param("kernel"), r.param("shape"),
                s.filters(), s.columns(), isSwis(r) ? r.param("n") : "", batch, fmt(r.score()), fmt(r.error()), r.unit()));
        addInterval(rec, rate);
        rec.add(best == null ? "" : best.param("kernel"));
        addInterval(rec, ratio);
        rec.add(r.jmhThreads());
        rec.add(WEIGHT_BITS.computeIfAbsent(r.param("kernel") + "/" + r.param("shape") + "/" + r.param("n"),
                key -> BenchData.weightBits(r.param("kernel"), s, Integer.parseInt(r.param("n").isEmpty() ? "4" : r.param("n")))));
        // SWIS rows: how the GEMM took its activations (KernelBenchmark.api; absent in older runs: bytes); int8 rows
        // name only the int path (Int8Kernel.gemmInts, since the workload rerun), their byte path stays blank as before
        rec.add(isSwis(r) ? (r.param("api").isEmpty() ? "bytes" : r.param("api"))
                : isInt8(r) && r.param("api").equals("ints") ? "ints" : "");
        addProvenance(rec, r, env);
        return rec;
    }

    /** weight_bits per (kernel, shape, n): a layout is built once per combination. */
    private static final Map<String, String> WEIGHT_BITS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String fmt(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4g", v);
    }

    /** "model name (family F model M, avx2)" from /proc/cpuinfo, or os.arch when it is unreadable. */
    static String cpuModel() {
        String name = System.getProperty("os.arch");
        String family = "?";
        String model = "?";
        String isa = "";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                String v = line.substring(line.indexOf(':') + 1).trim();
                if (line.startsWith("model name")) {
                    name = v;
                } else if (line.startsWith("cpu family")) {
                    family = v;
                } else if (line.startsWith("model") && !line.startsWith("model name")) {
                    model = v;
                } else if (line.startsWith("flags")) {
                    isa = v.contains("avx512f") ? "avx512" : v.contains("avx2") ? "avx2" : "no avx2";
                    break;
                }
            }
        } catch (IOException e) {
            return name;
        }
        return name + " (family " + family + " model " + model + ", " + isa + ")";
    }
}
