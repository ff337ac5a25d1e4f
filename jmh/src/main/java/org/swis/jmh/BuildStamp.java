package org.swis.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What a benchmark run measured: the git commit and dirty flag of the checkout the benchmark jar was built
 * from (written into the jar as {@value #RESOURCE} by jmh/pom.xml at build time; "unknown" when the build
 * had no git or no {@code .git}), and the SHA-256 of every user kernel jar on the run's class path
 * (docs/KERNELS.md §6), and the command that ran the plan. {@link #main} writes it beside a JMH JSON result, run from the same jar right
 * after the measurement; {@link ResultsToCsv} puts it in every row of that JSON. The working directory's
 * commit is never consulted.
 */
public record BuildStamp(String commit, String dirty, String userJars, String command) {
    /** The class-path resource the build writes. */
    public static final String RESOURCE = "org/swis/jmh/build.properties";
    /** Nothing known: no resource in the jar, or no stamp beside a JSON file. */
    public static final BuildStamp UNKNOWN = new BuildStamp("unknown", "unknown", "", "");
    private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");

    /** The stamp of the jar this class was loaded from ({@link #UNKNOWN} when the resource is absent). */
    public static BuildStamp ofThisJar() {
        try (InputStream in = BuildStamp.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return of(p);
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /**
     * A stamp from properties {@code commit}, {@code dirty}, {@code user_jars}, {@code command}: a commit that is not 40
     * hex digits, or a dirty flag other than true/false, reads as "unknown".
     */
    static BuildStamp of(Properties p) {
        String commit = p.getProperty("commit", "").trim();
        String dirty = p.getProperty("dirty", "").trim();
        boolean known = SHA1.matcher(commit).matches();
        return new BuildStamp(known ? commit : "unknown",
                known && (dirty.equals("true") || dirty.equals("false")) ? dirty : "unknown",
                p.getProperty("user_jars", "").trim(), p.getProperty("command", "").trim());
    }

    /** {@code results/raw/x.json} -> {@code results/raw/x.build.properties}. */
    static Path besideJson(Path json) {
        String name = json.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return json.resolveSibling(base + ".build.properties");
    }

    /** The stamp beside a JSON result, {@link #UNKNOWN} when there is none. */
    static BuildStamp forJson(Path json) throws IOException {
        Path f = besideJson(json);
        if (!Files.isRegularFile(f)) {
            return UNKNOWN;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return of(p);
    }

    /** Writes the stamp (temporary sibling, then rename). */
    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("commit", commit);
        p.setProperty("dirty", dirty);
        p.setProperty("user_jars", userJars);
        p.setProperty("command", command);
        ResultsToCsv.writeAtomically(file, w -> p.store(w, "benchmark jar build (org.swis.jmh.BuildStamp)"));
    }

    /**
     * {@code BuildStamp <result.json> [--command <text>] [<jar-name>=<sha256> ...]}: writes this jar's
     * stamp, with the command that ran the plan and the given user jars, beside the JSON result as
     * {@code <result>.build.properties}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: BuildStamp <result.json> [--command <text>] [<jar-name>=<sha256> ...]");
            System.exit(2);
        }
        List<String> jars = new ArrayList<>();
        String command = "";
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--command") && i + 1 < args.length) {
                command = args[++i];
            } else if (args[i].matches("[^=;]+=[0-9a-f]{64}")) {
                jars.add(args[i]);
            } else {
                System.err.println("BuildStamp: " + args[i] + ": expected --command <text> or <jar-name>=<64 hex digits of SHA-256>");
                System.exit(2);
            }
        }
        BuildStamp jar = ofThisJar();
        new BuildStamp(jar.commit(), jar.dirty(), String.join(";", jars), command).write(besideJson(Path.of(args[0])));
    }
}
