package org.swis.cli;

import org.swis.io.InputException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code swis bench}: runs the JMH suite of module {@code jmh} in child JVMs and converts its JSON to
 * the published CSVs. Nothing of module jmh is linked at compile time: the jar, the runner class and
 * its arguments are the constants below.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Run the JMH benchmarks (module jmh, built with './mvnw -B -q -DskipTests package -pl jmh -am' "
                + "when its jar is missing or stale) and write decompose.csv and kernels.csv into --output-dir.",
            "Without --quick it runs the full plan, jmh/run-benchmarks.sh (about 25 minutes on 2 cores, JDK 17 and "
                + "Temurin 25 when present).",
            "--quick runs the headline cases once (one fork, short warm-up and measurement, about 2 minutes) and writes "
                + "decompose_quick.csv / kernels_quick.csv instead, so it never overwrites a full run.",
            "Exit 2 when the jmh module or its jar is absent."},
        footerHeading = "%nExamples:%n",
        footer = {"  swis bench --quick", "  swis bench --output-dir results", "  swis bench --large-decompose"})
public final class BenchCommand implements Callable<Integer> {
    /** The benchmarks jar, relative to the repository root. */
    public static final String JAR = "jmh/target/benchmarks.jar";
    /** Builds the jar, run in the repository root. */
    public static final List<String> BUILD = List.of("./mvnw", "-B", "-q", "-DskipTests", "package", "-pl", "jmh", "-am");
    /** Converts JMH JSON to one CSV: {@code <main> <out.csv> <json>...}. */
    public static final String RUNNER = "org.swis.jmh.ResultsToCsv";
    /** The full plan, run from the repository root (JDK 17 = `java` on PATH, plus Temurin 25 when installed). */
    public static final String FULL_SCRIPT = "jmh/run-benchmarks.sh";
    /** JMH options of the quick mode: one fork, one 1 s warm-up and two 1 s measurement iterations. */
    public static final List<String> QUICK = List.of("-f", "1", "-wi", "1", "-w", "1s", "-i", "2", "-r", "1s");
    /** Quick decomposition runs: the vector table search and the reference it is compared with (B = 8, N = 4, M = 4, MSE++). */
    public static final List<List<String>> QUICK_DECOMPOSE = List.of(
            List.of("DecomposeBenchmark", "-p", "kernel=table-vector", "-p", "scheme=swis", "-p", "n=4", "-p", "m=4",
                    "-p", "threads=1", "-p", "shape=256x4096"),
            List.of("DecomposeBenchmark", "-p", "kernel=reference", "-p", "scheme=swis", "-p", "n=4", "-p", "m=4",
                    "-p", "threads=1", "-p", "shape=16x4096"));
    /** Quick kernel runs: SWIS GEMV at N = 2, 3, 4 and the int8 yardstick on 4096 x 4096, batch 1. */
    public static final List<List<String>> QUICK_KERNELS = List.of(
            List.of("KernelBenchmark", "-p", "kernel=swis-vector", "-p", "shape=llm-4096x4096", "-p", "n=2,3,4", "-p", "batch=1"),
            List.of("KernelBenchmark", "-p", "kernel=int8-vector", "-p", "shape=llm-4096x4096", "-p", "n=4", "-p", "batch=1"));
    /** The CSVs the runner writes. */
    public static final List<String> OUTPUTS = List.of("decompose", "kernels");

    @ParentCommand
    SwisCommand root;

    @Option(names = "--quick", description = "Short run; writes <name>_quick.csv.")
    boolean quick;

    @Option(names = "--large-decompose",
            description = "Only the bounded-memory measurement of 'swis decompose': a 2.25 GiB sparse .safetensors model "
                    + "decomposed at -Xmx512m by the fastest and the scalar decomposer (about 2 minutes); writes "
                    + "decompose_large.csv.")
    boolean largeDecompose;

    @Option(names = "--output-dir", paramLabel = "<dir>", defaultValue = "results",
            description = "Directory of the CSVs (default: ${DEFAULT-VALUE} under the repository root).")
    Path outputDir;

    @Option(names = "--jmh-args", paramLabel = "<args>", split = " ",
            description = "Extra JMH arguments (e.g. a benchmark regex), space-separated.")
    List<String> extra = new ArrayList<>();

    /** The repository root: system property swis.root (set by ./swis), else the first parent with mvnw and pom.xml. */
    static Path repositoryRoot() {
        String p = System.getProperty("swis.root");
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("mvnw")) && Files.isRegularFile(d.resolve("pom.xml"))) {
                return d;
            }
        }
        return Path.of("").toAbsolutePath();
    }

    @Override
    public Integer call() throws InputException, IOException, InterruptedException {
        Path dir = outputDir.isAbsolute() ? outputDir : repositoryRoot().resolve(outputDir);
        AtomicFiles.checkFolder(dir, "--output-dir");
        if (largeDecompose) {
            List<String> kernels = new ArrayList<>(List.of(org.swis.kernels.KernelRegistry.fastestDecomposer().name()));
            if (!kernels.contains("table-scalar")) {
                kernels.add("table-scalar");
            }
            Path csv = dir.resolve("decompose_large.csv");
            LargeDecomposeBench.run(repositoryRoot(), csv, LargeDecomposeBench.Model.DEFAULT, kernels, Progress.of(root));
            root.note("swis bench", "wrote " + csv);
            return SwisCommand.OK;
        }
        run(repositoryRoot(), dir, quick, extra,
                Progress.of(root), root.quiet());
        return SwisCommand.OK;
    }

    /** Builds if needed, runs the suite and writes the CSVs; returns the files written. */
    static List<Path> run(Path repo, Path outDir, boolean quick, List<String> extra, Progress progress, boolean quiet)
            throws InputException, IOException, InterruptedException {
        Path jar = repo.resolve(JAR);
        Path sources = repo.resolve("jmh/src/main/java");
        if (!Files.isDirectory(sources) && !Files.isRegularFile(jar)) {
            throw new InputException(jar.toString(), "file", "the JMH benchmarks jar (module jmh with its benchmark "
                    + "sources under jmh/src/main/java)", "module jmh has no sources and no jar");
        }
        if (Files.isDirectory(sources) && stale(jar, repo)) {
            Progress.Task build = progress.start("bench: building " + JAR, 1);
            int rc = exec(repo, BUILD, quiet);
            build.finish();
            if (rc != 0) {
                throw new IllegalStateException("building " + JAR + " failed (exit " + rc + "): " + String.join(" ", BUILD));
            }
        }
        if (!Files.isRegularFile(jar)) {
            throw new InputException(jar.toString(), "file", "the JMH benchmarks jar after the build", "absent");
        }
        if (!quick) {
            return runFull(repo, outDir, progress, quiet);
        }
        Path tmp = Files.createTempDirectory("swis-bench");
        try {
            List<Path> written = new ArrayList<>();
            for (String output : OUTPUTS) {
                List<List<String>> plan = output.equals("decompose") ? QUICK_DECOMPOSE : QUICK_KERNELS;
                List<String> jsons = new ArrayList<>();
                for (int i = 0; i < plan.size(); i++) {
                    Path json = tmp.resolve(output + "-" + i + ".json");
                    List<String> cmd = new ArrayList<>(List.of(javaBinary(), "--add-modules", "jdk.incubator.vector", "-jar",
                            jar.toString()));
                    cmd.addAll(plan.get(i));
                    cmd.addAll(QUICK);
                    cmd.addAll(extra);
                    cmd.addAll(List.of("-rf", "json", "-rff", json.toString()));
                    Progress.Task run = progress.start("bench: JMH quick " + output + " " + (i + 1) + "/" + plan.size(), 1);
                    int rc = exec(repo, cmd, quiet);
                    run.finish();
                    if (rc != 0) {
                        throw new IllegalStateException("JMH run failed (exit " + rc + "): " + String.join(" ", cmd));
                    }
                    jsons.add(json.toString());
                }
                Path csv = tmp.resolve(output + ".csv");
                List<String> convert = new ArrayList<>(List.of(javaBinary(), "--add-modules", "jdk.incubator.vector", "-cp",
                        jar.toString(), RUNNER, csv.toString()));
                convert.addAll(jsons);
                int rc = exec(repo, convert, quiet);
                if (rc != 0 || !Files.isRegularFile(csv)) {
                    throw new IllegalStateException(RUNNER + " failed (exit " + rc + ") for " + output);
                }
                byte[] bytes = Files.readAllBytes(csv);
                Path target = outDir.resolve(output + "_quick.csv");
                AtomicFiles.write(target, out -> out.write(bytes));
                written.add(target);
            }
            return written;
        } finally {
            try (Stream<Path> s = Files.walk(tmp)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The full measurement plan is {@value #FULL_SCRIPT} (about 25 minutes on 2 cores): JDK 17 and, when
     * present, Temurin 25; raw JSON in results/raw/, CSVs written by the runner (temp file, then rename).
     */
    private static List<Path> runFull(Path repo, Path outDir, Progress progress, boolean quiet)
            throws IOException, InterruptedException {
        Progress.Task run = progress.start("bench: full JMH plan (" + FULL_SCRIPT + ")", 1);
        int rc = exec(repo, List.of("bash", FULL_SCRIPT), quiet);
        run.finish();
        if (rc != 0) {
            throw new IllegalStateException(FULL_SCRIPT + " failed (exit " + rc + ")");
        }
        List<Path> written = new ArrayList<>();
        for (String output : OUTPUTS) {
            Path produced = repo.resolve("results").resolve(output + ".csv");
            Path target = outDir.resolve(output + ".csv");
            if (!produced.equals(target)) {
                byte[] bytes = Files.readAllBytes(produced);
                AtomicFiles.write(target, out -> out.write(bytes));
            }
            written.add(target);
        }
        return written;
    }

    private static boolean stale(Path jar, Path repo) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return true;
        }
        long built = Files.getLastModifiedTime(jar).toMillis();
        for (String m : List.of("jmh", "kernels", "reference")) {
            Path src = repo.resolve(m);
            if (!Files.isDirectory(src)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(src)) {
                if (s.filter(p -> !p.toString().contains(File.separator + "target" + File.separator))
                        .filter(Files::isRegularFile)
                        .anyMatch(p -> p.toFile().lastModified() > built)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The java binary of this JVM. */
    static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Runs a child process; its output (stdout and stderr) is copied to our standard error unless quiet. */
    private static int exec(Path dir, List<String> cmd, boolean quiet) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        try (java.io.InputStream in = p.getInputStream()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (!quiet) {
                    System.err.write(buf, 0, n);
                    System.err.flush();
                }
            }
        }
        return p.waitFor();
    }
}
