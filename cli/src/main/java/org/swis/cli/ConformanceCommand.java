package org.swis.cli;

import org.swis.conformance.Conformance;
import org.swis.conformance.Failure;
import org.swis.conformance.KernelResult;
import org.swis.conformance.PropertyResult;
import org.swis.io.InputException;
import org.swis.kernels.DecomposeKernel;
import org.swis.kernels.GemmKernel;
import org.swis.kernels.GemvKernel;
import org.swis.kernels.Kernel;
import org.swis.kernels.KernelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipException;

/**
 * {@code swis conformance}: loads the kernels a jar registers in {@code META-INF/services} next to the
 * built-in ones, runs the conformance properties (docs/SPEC.md §3 decomposition, §10.1 and §10.3 products) on
 * them and prints a pass record, or a failure report with a replay command.
 */
@Command(name = "conformance",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {"Check kernels against the reference: every group's code for a decomposer, the prepared "
                + "weight layout round trip and the exact GEMV/GEMM product for a matrix kernel, on seeded "
                + "random and edge cases.",
            "Kernels come from --jar (its META-INF/services/org.swis.kernels.DecomposeKernel, GemvKernel, "
                + "GemmKernel files, loaded with ServiceLoader) and from the built-in registry. Without "
                + "--kernel every kernel of the jar is tested (every built-in one without --jar).",
            "A pass ends with a pass record to publish next to the kernel; a failure prints the first "
                + "difference, the smallest failing case found and the command that replays the case."},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every kernel under test passed", "  1  internal failure",
            "  2  bad usage: missing or unreadable jar, not a jar, no kernels in it,",
            "     unknown --kernel name (the names are listed), bad number",
            "  3  a kernel differs from the reference (the report says where)",
            "", "Examples:",
            "  # every kernel my-kernels.jar registers, default seed and tries:",
            "  swis conformance --jar my-kernels.jar",
            "  # one of them, another seed, more cases:",
            "  swis conformance --jar my-kernels.jar --kernel my-gemv --seed 7 --tries 2000",
            "  # replay the case a failure report names:",
            "  swis conformance --jar my-kernels.jar --kernel my-gemv --seed 2021 --case 31",
            "  # built-in kernels only:",
            "  swis conformance --kernel swis-vector --kernel table-vector"})
public final class ConformanceCommand implements Callable<Integer> {
    /** Exit code when a kernel differs from the reference. */
    public static final int FAILED = 3;

    static final List<Class<? extends Kernel>> CONTRACTS = List.of(DecomposeKernel.class, GemvKernel.class, GemmKernel.class);

    @ParentCommand
    SwisCommand root;

    @Option(names = "--jar", paramLabel = "<my-kernels.jar>",
            description = "Jar whose META-INF/services entries name the kernels to test (its dependencies, "
                    + "swis-kernels and swis-reference, are provided by swis).")
    Path jar;

    @Option(names = "--kernel", paramLabel = "<name>",
            description = "Kernel to test, by name (repeatable). Default: every kernel from the jar, or every built-in one.")
    List<String> kernels = new ArrayList<>();

    @Option(names = "--seed", paramLabel = "<S>", description = "Seed of the cases (default: ${DEFAULT-VALUE}).")
    long seed = Conformance.DEFAULT_SEED;

    @Option(names = "--tries", paramLabel = "<T>",
            description = "Cases per property (default: decompose 200, layout 150, gemv 400, gemm 250).")
    Integer tries;

    @Option(names = "--case", paramLabel = "<K>", description = "Run only case K of every property (a replay).")
    Integer caseIndex;

    /** A kernel and where it came from. */
    record Candidate(Kernel kernel, String origin) {
        String families() {
            List<String> f = new ArrayList<>();
            if (kernel instanceof DecomposeKernel) {
                f.add("decomposer");
            }
            if (kernel instanceof GemvKernel) {
                f.add("gemv");
            }
            if (kernel instanceof GemmKernel) {
                f.add("gemm");
            }
            return String.join("+", f);
        }
    }

    @Override
    public Integer call() throws InputException, IOException {
        if (tries != null && tries < 1) {
            throw new InputException("--tries", "value", "a positive number of cases per property", tries.toString());
        }
        if (caseIndex != null && caseIndex < 0) {
            throw new InputException("--case", "value", "a case index >= 0", caseIndex.toString());
        }
        // Names are unique within a contract: the reference decomposer and the reference GEMV/GEMM share "reference".
        List<Candidate> all = new ArrayList<>();
        for (Class<? extends Kernel> contract : CONTRACTS) {
            for (Kernel k : builtIns(contract)) {
                if (all.stream().noneMatch(c -> c.kernel().getClass() == k.getClass())) {
                    all.add(new Candidate(k, "built-in"));
                }
            }
        }
        String sha256 = null;
        List<Candidate> fromJar = new ArrayList<>();
        URLClassLoader loader = null;
        try {
            if (jar != null) {
                sha256 = sha256(checkedJar(jar, "--jar"));
                loader = new URLClassLoader(new URL[] {url(jar)}, ConformanceCommand.class.getClassLoader());
                for (Candidate c : jarKernels(loader)) {
                    for (Candidate old : all) {
                        if (old.kernel().name().equals(c.kernel().name()) && old.kernel().getClass() != c.kernel().getClass()
                                && CONTRACTS.stream().anyMatch(k -> k.isInstance(old.kernel()) && k.isInstance(c.kernel()))) {
                            throw new InputException(jar.toString(), "kernel name '" + c.kernel().name() + "'",
                                    "a name no other kernel of its contract uses", "also used by "
                                    + old.kernel().getClass().getName() + " (" + old.origin() + ")");
                        }
                    }
                    if (fromJar.stream().noneMatch(o -> o.kernel().getClass() == c.kernel().getClass())) {
                        fromJar.add(c);
                        all.removeIf(o -> o.kernel().getClass() == c.kernel().getClass());
                        all.add(c);
                    }
                }
                if (fromJar.isEmpty()) {
                    throw new InputException(jar.toString(), "META-INF/services/org.swis.kernels.{DecomposeKernel,GemvKernel,GemmKernel}",
                            "at least one kernel class listed", "no kernels");
                }
            }
            List<Candidate> selected = select(all, fromJar);
            if (selected == null) {
                return SwisCommand.BAD_INPUT;
            }
            return run(selected, sha256);
        } finally {
            if (loader != null) {
                loader.close();
            }
        }
    }

    private static List<? extends Kernel> builtIns(Class<? extends Kernel> contract) {
        return contract == DecomposeKernel.class ? KernelRegistry.decomposers()
                : contract == GemvKernel.class ? KernelRegistry.gemv() : KernelRegistry.gemm();
    }

    /** A user's jar (given with {@code option}), checked to exist, be readable and be a zip/jar file. */
    static Path checkedJar(Path jar, String option) throws InputException {
        if (!Files.exists(jar)) {
            throw new InputException(jar.toString(), option, "an existing jar file", "no such file");
        }
        if (!Files.isRegularFile(jar) || !Files.isReadable(jar)) {
            throw new InputException(jar.toString(), option, "a readable jar file",
                    Files.isDirectory(jar) ? "a directory" : "an unreadable file");
        }
        try (JarFile ignored = new JarFile(jar.toFile())) {
            return jar;
        } catch (ZipException e) {
            throw new InputException(jar.toString(), option, "a jar (zip) file", "not a zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new InputException(jar.toString(), option, "a readable jar file", e.toString());
        }
    }

    static URL url(Path p) throws InputException {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new InputException(p.toString(), "--jar", "a file path", e.getMessage());
        }
    }

    /**
     * The kernels the jar's own service files name, loaded with {@link ServiceLoader} through a loader
     * over the jar (providers the application class path registers are the built-ins, skipped here).
     */
    private List<Candidate> jarKernels(URLClassLoader loader) throws InputException, IOException {
        List<Candidate> out = new ArrayList<>();
        try (JarFile jf = new JarFile(jar.toFile())) {
            for (Class<? extends Kernel> contract : CONTRACTS) {
                Set<String> listed = listedProviders(jf, "META-INF/services/" + contract.getName());
                if (listed.isEmpty()) {
                    continue;
                }
                try {
                    for (ServiceLoader.Provider<? extends Kernel> p : ServiceLoader.load(contract, loader).stream().toList()) {
                        if (listed.contains(p.type().getName())) {
                            out.add(new Candidate(p.get(), jar.getFileName().toString()));
                        }
                    }
                } catch (ServiceConfigurationError | LinkageError e) {
                    throw new InputException(jar.toString(), "META-INF/services/" + contract.getName(),
                            "public classes with a public no-argument constructor implementing " + contract.getSimpleName(),
                            String.valueOf(e.getMessage()), e);
                }
            }
        }
        return out;
    }

    private static Set<String> listedProviders(JarFile jf, String entry) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        JarEntry e = jf.getJarEntry(entry);
        if (e == null) {
            return names;
        }
        try (InputStream in = jf.getInputStream(e)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int hash = line.indexOf('#');
                String name = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /**
     * The kernels named by --kernel (a name may denote one kernel per contract), else the jar's, else
     * every built-in; null after printing an unknown name.
     */
    private List<Candidate> select(List<Candidate> all, List<Candidate> fromJar) {
        if (kernels.isEmpty()) {
            return jar != null ? fromJar : all;
        }
        List<Candidate> out = new ArrayList<>();
        for (String name : kernels) {
            List<Candidate> named = all.stream().filter(c -> c.kernel().name().equals(name)).toList();
            if (named.isEmpty()) {
                PrintWriter err = root.err();
                err.println("swis conformance: --kernel: no kernel named '" + name + "'; available kernels by family:");
                for (Class<? extends Kernel> contract : CONTRACTS) {
                    List<String> names = new ArrayList<>();
                    for (Candidate a : all) {
                        if (contract.isInstance(a.kernel())) {
                            names.add(a.kernel().name() + (a.origin().equals("built-in") ? "" : " (" + a.origin() + ")"));
                        }
                    }
                    err.println("  " + contract.getSimpleName() + ": " + String.join(", ", names));
                }
                err.flush();
                return null;
            }
            for (Candidate c : named) {
                if (!out.contains(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private int run(List<Candidate> selected, String sha256) {
        PrintWriter out = root.out();
        out.println("kernels under test:");
        for (Candidate c : selected) {
            out.println("  " + c.kernel().name() + "  " + c.kernel().getClass().getName() + "  " + c.families() + "  from "
                    + c.origin());
        }
        out.flush();
        Conformance.Settings settings = Conformance.Settings.defaults().withSeed(seed)
                .withTries(tries == null ? 0 : tries).withCase(caseIndex == null ? -1 : caseIndex)
                .withReplayCommand(jar == null ? "swis conformance" : "swis conformance --jar " + jar);
        String suite = suiteVersion();
        String commit = suiteCommit();
        List<String> records = new ArrayList<>();
        int failed = 0;
        for (Candidate c : selected) {
            long t0 = System.nanoTime();
            KernelResult r = Conformance.check(c.kernel(), settings);
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.println(summary(r, seconds));
            if (r.passed()) {
                records.add(passRecord(c, r, sha256, suite, commit, seconds));
            } else {
                failed++;
                for (PropertyResult p : r.properties()) {
                    Failure f = p.failure();
                    if (f != null) {
                        out.println(f.report());
                    }
                }
            }
            out.flush();
        }
        for (String rec : records) {
            out.println();
            out.print(rec);
        }
        out.println();
        out.println(failed == 0 ? "PASS: " + selected.size() + " kernel(s) equal the reference"
                : "FAIL: " + failed + " of " + selected.size() + " kernel(s) differ from the reference");
        out.flush();
        return failed == 0 ? SwisCommand.OK : FAILED;
    }

    private static String summary(KernelResult r, double seconds) {
        StringBuilder s = new StringBuilder(r.kernel().name()).append(": ");
        for (PropertyResult p : r.properties()) {
            s.append(p.property().id()).append(' ').append(p.passed() ? "pass" : "FAIL").append(" (")
                    .append(p.casesRun()).append(" cases) ");
        }
        return s.append(String.format(Locale.ROOT, "in %.2f s", seconds)).toString();
    }

    private String passRecord(Candidate c, KernelResult r, String sha256, String suite, String commit, double seconds) {
        StringBuilder s = new StringBuilder("--- swis conformance pass record ---\n");
        s.append("kernel: ").append(c.kernel().name()).append('\n');
        s.append("class: ").append(c.kernel().getClass().getName()).append('\n');
        s.append("family: ").append(c.families()).append('\n');
        s.append("source: ").append(c.origin()).append('\n');
        s.append("jar sha256: ").append(sha256 == null || c.origin().equals("built-in") ? "none (built-in)" : sha256)
                .append('\n');
        s.append("suite: ").append(suite).append(", properties version ").append(Conformance.SUITE_VERSION).append('\n');
        s.append("suite commit: ").append(commit).append('\n');
        s.append("seed: ").append(r.seed()).append('\n');
        List<String> t = new ArrayList<>();
        for (PropertyResult p : r.properties()) {
            t.add(p.property().id() + " " + p.tries());
        }
        s.append("tries per property: ").append(String.join(", ", t))
                .append(caseIndex == null ? "" : " (case " + caseIndex + " only)").append('\n');
        s.append("cases run: ").append(r.casesRun()).append('\n');
        s.append("java: ").append(System.getProperty("java.version")).append(" (")
                .append(System.getProperty("java.vm.name")).append(")\n");
        s.append(String.format(Locale.ROOT, "wall time: %.2f s%n", seconds));
        s.append("result: PASS\n");
        return s.toString();
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md.update(buf, 0, n);
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** "swis 0.1.0-SNAPSHOT", as {@code swis --version} prints it. */
    private static String suiteVersion() {
        try {
            return new VersionProvider().getVersion()[0];
        } catch (IOException e) {
            return "swis unknown";
        }
    }

    /**
     * The suite's git commit when run through the {@code swis} launcher (which names the checkout in
     * {@code swis.root}), with a note when the working tree differs from it; "unknown" otherwise.
     */
    private static String suiteCommit() {
        String rootDir = System.getProperty("swis.root");
        if (rootDir == null || rootDir.isBlank()) {
            return "unknown (run through the swis launcher to record it)";
        }
        String commit = ReproduceCommand.gitCommit(Path.of(rootDir));
        if (commit.equals("unknown")) {
            return commit;
        }
        try {
            Process p = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no")
                    .directory(Path.of(rootDir).toFile()).redirectErrorStream(true).start();
            String changes = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 && !changes.isEmpty() ? commit + " (with uncommitted changes)" : commit;
        } catch (IOException e) {
            return commit;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return commit;
        }
    }
}
