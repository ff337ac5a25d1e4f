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
 * with score and error, a throughput, and the ratio to the baseline measured in the same run; every
 * row carries the CPU model, cores, JDK, vector bit size, threads and git commit.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp jmh/target/benchmarks.jar org.swis.jmh.ResultsToCsv \
 *     results/kernels.csv results/raw/kernels-jdk17.json results/raw/kernels-jdk25.json</pre>
 *
 * Baselines: decomposition rows divide by the {@code reference} kernel of the same JDK, scheme, N and
 * M at one thread (weights/s against weights/s); kernel rows divide the best (fastest) int8 yardstick
 * of the same JDK, shape and batch by the row's time, so 1.0 means "as fast as the best int8 kernel".
 * The file is written to a temporary sibling and renamed into place.
 */
public final class ResultsToCsv {
    private ResultsToCsv() {
    }

    /** One benchmark result of one JSON file. */
    record Row(String jdk, String vm, String benchmark, Map<String, String> params, double score, double error,
               String unit, int jmhThreads, int forks, String jvmArgs) {
        String param(String key) {
            return params.getOrDefault(key, "");
        }

        boolean isDecompose() {
            return benchmark.endsWith("DecomposeBenchmark.decompose");
        }
    }

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

    /** Machine facts recorded in every row. */
    record Environment(String cpu, int cores, int vectorBits, String commit) {
        static Environment detect() {
            return new Environment(cpuModel(), Runtime.getRuntime().availableProcessors(),
                    Vectorization.selection().vectorBitSize(), gitCommit());
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
                    (int) number(r.get("forks"), 1), String.join(" ", jvmArgs)));
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

    static void write(Path out, List<Row> rows, Environment env) throws IOException {
        boolean decompose = !rows.isEmpty() && rows.stream().allMatch(Row::isDecompose);
        String[] header = decompose
                ? new String[] {"jdk", "vm", "kernel", "scheme", "n", "m", "alpha", "threads", "shape", "weights",
                    "score", "score_error", "unit", "mweights_per_s", "ratio_vs_reference", "speedup_vs_1_thread",
                    "cpu_model", "cores", "vector_bits", "git_commit", "jmh_forks", "jvm_args"}
                : new String[] {"jdk", "vm", "benchmark", "kernel", "shape", "rows", "columns", "n", "batch",
                    "score", "score_error", "unit", "gmac_per_s", "baseline", "ratio_vs_best_int8", "threads",
                    "cpu_model", "cores", "vector_bits", "git_commit", "jmh_forks", "jvm_args"};
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, out.getFileName().toString(), ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header).build())) {
            for (Row r : rows) {
                if (decompose) {
                    csv.printRecord(decomposeRecord(r, rows, env));
                } else {
                    csv.printRecord(kernelRecord(r, rows, env));
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Milliseconds per op for an AverageTime score in any time unit. */
    static double millis(Row r) {
        String u = r.unit();
        double s = r.score();
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
        double mws = weights / millis(r) / 1e3;
        String ratio = "";
        String speedup = "";
        for (Row o : all) {
            boolean same = o.jdk().equals(r.jdk()) && o.param("scheme").equals(r.param("scheme"))
                    && o.param("n").equals(r.param("n")) && o.param("m").equals(r.param("m"))
                    && o.param("alpha").equals(r.param("alpha")) && o.jvmArgs().equals(r.jvmArgs());
            if (!same) {
                continue;
            }
            double other = BenchData.shape(o.param("shape")).weights() / millis(o) / 1e3;
            if (o.param("kernel").equals("reference") && o.param("threads").equals("1")) {
                ratio = fmt(mws / other);
            }
            if (o.param("kernel").equals(r.param("kernel")) && o.param("threads").equals("1")
                    && o.param("shape").equals(r.param("shape"))) {
                speedup = fmt(mws / other);
            }
        }
        return List.of(r.jdk(), r.vm(), r.param("kernel"), r.param("scheme"), r.param("n"), r.param("m"),
                r.param("alpha"), r.param("threads"), r.param("shape"), weights, fmt(r.score()), fmt(r.error()),
                r.unit(), fmt(mws), ratio, speedup, env.cpu(), env.cores(), env.vectorBits(), env.commit(),
                r.forks(), r.jvmArgs());
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
        double gmacs = (double) s.weights() * batch / millis(r) / 1e6;
        Row best = null;
        for (Row o : all) {
            if (isInt8(o) && o.jdk().equals(r.jdk()) && o.param("shape").equals(r.param("shape"))
                    && o.param("batch").equals(r.param("batch")) && (best == null || millis(o) < millis(best))) {
                best = o;
            }
        }
        String baseline = best == null ? "" : best.param("kernel");
        String ratio = best == null ? "" : fmt(millis(best) / millis(r));
        String name = r.benchmark().substring(r.benchmark().lastIndexOf('.', r.benchmark().lastIndexOf('.') - 1) + 1);
        return List.of(r.jdk(), r.vm(), name, r.param("kernel"), r.param("shape"), s.filters(), s.columns(),
                isSwis(r) ? r.param("n") : "", batch, fmt(r.score()), fmt(r.error()), r.unit(), fmt(gmacs), baseline,
                ratio, r.jmhThreads(), env.cpu(), env.cores(), env.vectorBits(), env.commit(), r.forks(), r.jvmArgs());
    }

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

    static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
