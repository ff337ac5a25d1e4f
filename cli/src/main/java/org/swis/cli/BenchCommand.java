package org.swis.cli;

import org.swis.io.InputException;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.swis.kernels.KernelFamilies;
import org.swis.kernels.KernelRegistry;
import org.swis.reference.SwisInputException;
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
            "Without --quick it runs the full plan, jmh/run-benchmarks.sh: every row 3 forks x 5 measured iterations "
                + "(about 80 minutes on 2 cores, JDK 17 and Temurin 25 when present).",
            "--quick runs the headline cases once (one fork, short warm-up and measurement, about 3 minutes) and writes "
                + "decompose_quick.csv / kernels_quick.csv instead, so it never overwrites a full run; its rows say run=quick.",
            "Every row carries score, score_error (half JMH's 99.9 %% interval) and each ratio with its interval "
                + "(docs/KERNELS.md §6), the benchmark jar's commit and dirty flag, and the SHA-256 of --jar files.",
            "Exit 2 for bad usage: an unknown kernel name (the message lists the names of its family), --jmh-args "
                + "without --quick, an unreadable --jar, or a missing jmh module or jar. A kernel failing its setup "
                + "during the run stops the run (non-zero exit); no row is dropped."},
        footerHeading = "%nExamples:%n",
        footer = {"  swis bench --quick", "  swis bench --quick --jar my-kernels.jar --kernel my-gemv",
            "  swis bench --output-dir results", "  swis bench --large-decompose"})
public final class BenchCommand implements Callable<Integer> {
    /** The benchmarks jar, relative to the repository root. */
    public static final String JAR = "jmh/target/benchmarks.jar";
    /** Builds the jar, run in the repository root. */
    public static final List<String> BUILD = List.of("./mvnw", "-B", "-q", "-DskipTests", "package", "-pl", "jmh", "-am");
    /** Converts JMH JSON to one CSV: {@code <main> <out.csv> <json>...}. */
    public static final String RUNNER = "org.swis.jmh.ResultsToCsv";
    /** The full plan, run from the repository root (JDK 17 = `java` on PATH, plus Temurin 25 when installed). */
    public static final String FULL_SCRIPT = "jmh/run-benchmarks.sh";
    /**
     * JMH options of the quick mode: one fork, one 1 s warm-up and three 1 s measurement iterations (the
     * fewest for which JMH reports an error; rows labelled run=quick); -foe true: a kernel failing its setup
     * fails the run instead of losing its row.
     */
    public static final List<String> QUICK = List.of("-f", "1", "-wi", "1", "-w", "1s", "-i", "3", "-r", "1s", "-foe", "true");
    /** Writes the build stamp beside a JSON result: {@code <main> <json> --command <text> [name=sha256...]}. */
    public static final String STAMP = "org.swis.jmh.BuildStamp";
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
            description = "Extra JMH arguments of every quick run, space-separated (--quick only; a '-p kernel=' "
                    + "name must belong to each run's benchmark family).")
    List<String> extra = new ArrayList<>();

    @Option(names = "--jar", paramLabel = "<my-kernels.jar>",
            description = "A jar of your kernels (META-INF/services, as for 'swis conformance'), put on the class path of "
                    + "every benchmark JVM; its SHA-256 is recorded in every row (repeatable).")
    List<Path> jars = new ArrayList<>();

    @Option(names = "--kernel", paramLabel = "<name>",
            description = "With --quick: also benchmark this kernel (repeatable), a decomposer in the decomposition runs, "
                    + "a GEMV/GEMM kernel in the SWIS kernel run, an int8/f32 yardstick in the int8 run.")
    List<String> kernels = new ArrayList<>();

    /** A user's kernel jar and its SHA-256. */
    record UserJar(Path path, String sha256) {
        /** {@code name=sha256}, as BuildStamp records it. */
        String stamp() {
            return path.getFileName() + "=" + sha256;
        }
    }

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
        if (!quick && (!extra.isEmpty() || !kernels.isEmpty())) {
            throw new InputException(!extra.isEmpty() ? "--jmh-args" : "--kernel", "option",
                    "--quick with it (the full plan is fixed: " + FULL_SCRIPT + ")",
                    String.join(" ", !extra.isEmpty() ? extra : kernels));
        }
        List<UserJar> user = new ArrayList<>();
        for (Path j : jars) {
            user.add(new UserJar(j.toAbsolutePath(), ConformanceCommand.sha256(ConformanceCommand.checkedJar(j, "--jar"))));
        }
        List<List<String>> plan = quickPlan(user, kernels, extra);
        StringBuilder command = new StringBuilder("swis bench");
        if (quick) {
            command.append(" --quick");
        }
        jars.forEach(j -> command.append(" --jar ").append(j));
        kernels.forEach(k -> command.append(" --kernel ").append(k));
        if (!extra.isEmpty()) {
            command.append(" --jmh-args '").append(String.join(" ", extra)).append('\'');
        }
        run(repositoryRoot(), dir, quick, plan, extra, user, command.toString(), Progress.of(root), root.quiet());
        return SwisCommand.OK;
    }

    /**
     * The quick plan with the {@code --kernel} names added to the runs of their family, every run checked
     * (with {@code extra}) by {@link KernelFamilies#checkPlan} against the built-in kernels and those of the
     * user's jars: an unknown name, or a kernel that cannot run a combination, is an InputException (exit 2).
     */
    static List<List<String>> quickPlan(List<UserJar> user, List<String> names, List<String> extra)
            throws InputException, IOException {
        List<URL> urls = new ArrayList<>();
        for (UserJar j : user) {
            urls.add(ConformanceCommand.url(j.path()));
        }
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), BenchCommand.class.getClassLoader())) {
            t.setContextClassLoader(loader);
            List<List<String>> plan = new ArrayList<>();
            for (List<String> run : QUICK_DECOMPOSE) {
                plan.add(new ArrayList<>(run));
            }
            for (List<String> run : QUICK_KERNELS) {
                plan.add(new ArrayList<>(run));
            }
            for (String name : names) {
                List<String> benchmarks;
                try {
                    benchmarks = KernelFamilies.benchmarksOf(name);
                } catch (SwisInputException e) {
                    throw new InputException("--kernel", e.field(), e.expected(), e.value());
                }
                for (String b : benchmarks) {
                    boolean yardstick = KernelRegistry.int8().stream().anyMatch(k -> k.name().equals(name))
                            || KernelRegistry.float32().stream().anyMatch(k -> k.name().equals(name));
                    // decomposers join the first decomposition run, SWIS kernels the first kernel run, yardsticks the int8 run
                    List<String> run = plan.get(b.equals("DecomposeBenchmark") ? 0
                            : QUICK_DECOMPOSE.size() + (yardstick ? 1 : 0));
                    run.addAll(List.of("-p", "kernel=" + name));
                }
            }
            for (List<String> run : plan) {
                List<String> args = new ArrayList<>(run.subList(1, run.size()));
                args.addAll(extra);
                try {
                    KernelFamilies.checkPlan(run.get(0), args);
                } catch (SwisInputException e) {
                    throw new InputException(extra.isEmpty() ? "--kernel" : "--kernel/--jmh-args", e.field(), e.expected(),
                            e.value());
                }
            }
            return plan;
        } finally {
            t.setContextClassLoader(before);
        }
    }

    /** The quick plan as {@code swis reproduce} runs it (no user jars or kernels); returns the files written. */
    static List<Path> run(Path repo, Path outDir, boolean quick, List<String> extra, Progress progress, boolean quiet)
            throws InputException, IOException, InterruptedException {
        return run(repo, outDir, quick, quickPlan(List.of(), List.of(), extra), extra, List.of(),
                quick ? "swis reproduce (swis bench --quick)" : "swis bench", progress, quiet);
    }

    /** Builds if needed, runs the suite (the given quick plan, or the full script) and writes the CSVs. */
    static List<Path> run(Path repo, Path outDir, boolean quick, List<List<String>> quickPlan, List<String> extra,
                          List<UserJar> user, String command, Progress progress, boolean quiet)
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
        StringBuilder classPath = new StringBuilder(jar.toString());
        List<String> stampArgs = new ArrayList<>(List.of("--command", command));
        for (UserJar u : user) {
            classPath.append(File.pathSeparator).append(u.path());
            stampArgs.add(u.stamp());
        }
        if (!quick) {
            return runFull(repo, outDir, classPath.toString(), user, command, progress, quiet);
        }
        Path tmp = Files.createTempDirectory("swis-bench");
        try {
            List<Path> written = new ArrayList<>();
            for (String output : OUTPUTS) {
                List<List<String>> plan = output.equals("decompose") ? quickPlan.subList(0, QUICK_DECOMPOSE.size())
                        : quickPlan.subList(QUICK_DECOMPOSE.size(), quickPlan.size());
                List<String> jsons = new ArrayList<>();
                for (int i = 0; i < plan.size(); i++) {
                    Path json = tmp.resolve(output + "-" + i + ".json");
                    List<String> cmd = new ArrayList<>(List.of(javaBinary(), "--add-modules", "jdk.incubator.vector", "-cp",
                            classPath.toString(), "org.openjdk.jmh.Main"));
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
                    List<String> stamp = new ArrayList<>(List.of(javaBinary(), "-cp", classPath.toString(), STAMP,
                            json.toString()));
                    stamp.addAll(stampArgs);
                    if (exec(repo, stamp, quiet) != 0) {
                        throw new IllegalStateException(STAMP + " failed: " + String.join(" ", stamp));
                    }
                    jsons.add(json.toString());
                }
                Path csv = tmp.resolve(output + ".csv");
                List<String> convert = new ArrayList<>(List.of(javaBinary(), "--add-modules", "jdk.incubator.vector", "-cp",
                        classPath.toString(), RUNNER, csv.toString()));
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
     * The full measurement plan is {@value #FULL_SCRIPT} (3 forks x 5 iterations per row, about 80 minutes
     * on 2 cores): JDK 17 and, when present, Temurin 25; raw JSON in a fresh results/raw/&lt;start&gt;-full/,
     * CSVs written by the runner (temp file, then rename). User jars reach the script through
     * SWIS_BENCH_JARS / SWIS_BENCH_JAR_SHA256, the command line through SWIS_BENCH_COMMAND.
     */
    private static List<Path> runFull(Path repo, Path outDir, String classPath, List<UserJar> user, String command,
                                      Progress progress, boolean quiet) throws IOException, InterruptedException {
        Progress.Task run = progress.start("bench: full JMH plan (" + FULL_SCRIPT + ")", 1);
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("SWIS_BENCH_COMMAND", command);
        int cut = classPath.indexOf(File.pathSeparator);
        if (cut > 0) {
            env.put("SWIS_BENCH_JARS", classPath.substring(cut + 1));
        }
        env.put("SWIS_BENCH_JAR_SHA256", String.join(" ", user.stream().map(UserJar::stamp).toList()));
        int rc = exec(repo, List.of("bash", FULL_SCRIPT), env, quiet);
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
        return exec(dir, cmd, Map.of(), quiet);
    }

    private static int exec(Path dir, List<String> cmd, Map<String, String> env, boolean quiet)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
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
