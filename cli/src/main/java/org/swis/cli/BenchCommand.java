package org.swis.cli;

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
        sortOptions = false,
        description = {"Run the JMH benchmarks (module jmh, built with './mvnw -B -q -DskipTests package -pl jmh -am' "
                + "when its jar is missing or stale) and write decompose.csv and kernels.csv into --output-dir.",
            "--quick runs one fork with short warm-up and measurement (a few minutes) and writes "
                + "decompose_quick.csv / kernels_quick.csv instead, so it never overwrites a full run.",
            "Exit 2 when the jmh module or its jar is absent."},
        footerHeading = "%nExamples:%n",
        footer = {"  swis bench --quick", "  swis bench --output-dir results"})
public final class BenchCommand implements Callable<Integer> {
    /** The benchmarks jar, relative to the repository root. */
    public static final String JAR = "jmh/target/benchmarks.jar";
    /** Builds the jar, run in the repository root. */
    public static final List<String> BUILD = List.of("./mvnw", "-B", "-q", "-DskipTests", "package", "-pl", "jmh", "-am");
    /** Converts JMH JSON to CSVs: {@code <main> <json> <outDir>} writes decompose.csv and kernels.csv into outDir. */
    public static final String RUNNER = "org.swis.jmh.ResultsToCsv";
    /** JMH options of the quick mode: one fork, one 1 s warm-up and two 1 s measurement iterations. */
    public static final List<String> QUICK = List.of("-f", "1", "-wi", "1", "-w", "1s", "-i", "2", "-r", "1s");
    /** The CSVs the runner writes. */
    public static final List<String> OUTPUTS = List.of("decompose", "kernels");

    @ParentCommand
    SwisCommand root;

    @Option(names = "--quick", description = "Short run; writes <name>_quick.csv.")
    boolean quick;

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
        run(repositoryRoot(), outputDir.isAbsolute() ? outputDir : repositoryRoot().resolve(outputDir), quick, extra,
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
        Path tmp = Files.createTempDirectory("swis-bench");
        try {
            Path json = tmp.resolve("jmh.json");
            List<String> cmd = new ArrayList<>(List.of(javaBinary(), "--add-modules", "jdk.incubator.vector", "-jar",
                    jar.toString()));
            if (quick) {
                cmd.addAll(QUICK);
            }
            cmd.addAll(extra);
            cmd.addAll(List.of("-rf", "json", "-rff", json.toString()));
            Progress.Task run = progress.start("bench: JMH " + (quick ? "quick" : "full") + " run", 1);
            int rc = exec(repo, cmd, quiet);
            run.finish();
            if (rc != 0) {
                throw new IllegalStateException("JMH run failed (exit " + rc + "): " + String.join(" ", cmd));
            }
            Path csvDir = tmp.resolve("csv");
            Files.createDirectories(csvDir);
            rc = exec(repo, List.of(javaBinary(), "-cp", jar.toString(), RUNNER, json.toString(), csvDir.toString()), quiet);
            if (rc != 0) {
                throw new IllegalStateException(RUNNER + " failed (exit " + rc + ")");
            }
            List<Path> written = new ArrayList<>();
            for (String name : OUTPUTS) {
                Path produced = csvDir.resolve(name + ".csv");
                if (!Files.isRegularFile(produced)) {
                    throw new IllegalStateException(RUNNER + " did not write " + name + ".csv");
                }
                byte[] bytes = Files.readAllBytes(produced);
                Path target = outDir.resolve(name + (quick ? "_quick" : "") + ".csv");
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
