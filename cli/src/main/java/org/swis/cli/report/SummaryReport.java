package org.swis.cli.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * results/SUMMARY.md as an ordered list of {@link Section}s that the parts of {@code swis reproduce}
 * contribute, followed by two sections the report writes itself: Files (every file this run wrote plus
 * whatever else is in the folder) and {@link Environment} (the only part that changes between runs).
 *
 * <p>Layout: {@code "# SWIS results\n\n" + intro + "\n"}, then for each section
 * {@code "\n## " + heading + "\n\n" + body}. A body is Markdown ending in a line break (or empty).
 */
public final class SummaryReport {
    /** One {@code ## heading} section. */
    public record Section(String heading, String body) {
        /** Checks that a non-empty body ends in a line break (the next section starts with a blank line). */
        public Section {
            Objects.requireNonNull(heading, "heading");
            Objects.requireNonNull(body, "body");
            if (!body.isEmpty() && !body.endsWith("\n")) {
                throw new IllegalArgumentException("section '" + heading + "': body must end with a line break");
            }
        }
    }

    /** Machine, JDK, commit, command line as typed, date and wall time of one run. */
    public record Environment(String cpu, int cores, String jdk, String commit, String commandLine, Instant date,
                              double seconds) {
        /** This JVM's environment now. */
        public static Environment current(String cpu, String commit, String commandLine, double seconds) {
            return new Environment(cpu, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name") + ' ' + System.getProperty("java.runtime.version"), commit,
                    commandLine, Instant.now().truncatedTo(ChronoUnit.SECONDS), seconds);
        }

        Section section() {
            return new Section("Environment", "(The only section that changes between runs.)\n\n"
                    + "- CPU: " + cpu + ", " + cores + " cores available to the JVM\n"
                    + "- JDK: " + jdk + '\n'
                    + "- git commit: " + commit + '\n'
                    + "- command line: `" + commandLine + "`\n"
                    + "- date (UTC): " + date + '\n'
                    + String.format(Locale.ROOT, "- wall time of the run: %.1f s%n", seconds));
        }
    }

    private final String intro;
    private final List<Section> sections = new ArrayList<>();
    private final List<String> written = new ArrayList<>();

    /** A report whose title is followed by {@code intro} (one paragraph, no trailing line break). */
    public SummaryReport(String intro) {
        this.intro = Objects.requireNonNull(intro, "intro");
    }

    /** Appends a section (sections appear in the order they are added). */
    public SummaryReport add(Section section) {
        sections.add(Objects.requireNonNull(section, "section"));
        return this;
    }

    /** Appends sections in order. */
    public SummaryReport addAll(Collection<Section> more) {
        more.forEach(this::add);
        return this;
    }

    /** Records files (names relative to the output folder) this run wrote, for the Files section. */
    public SummaryReport wrote(String... names) {
        written.addAll(List.of(names));
        return this;
    }

    /** The files recorded with {@link #wrote}, in recording order. */
    public List<String> written() {
        return List.copyOf(written);
    }

    /** The contributed sections, in order. */
    public List<Section> sections() {
        return List.copyOf(sections);
    }

    /**
     * The whole Markdown text: the contributed sections, then Files (the recorded files and every other
     * visible entry of {@code outDir} except SUMMARY.md, sorted; an entry neither recorded nor in
     * {@code writtenByRun}, nor a folder holding a file of it, is marked "(earlier run)") and Environment.
     *
     * @param writtenByRun files the run wrote, relative to {@code outDir} with '/' separators (for example
     *                     from {@link FolderSnapshot#writtenSince})
     */
    public String render(Path outDir, Environment env, Collection<String> writtenByRun) throws IOException {
        StringBuilder b = new StringBuilder("# SWIS results\n\n").append(intro).append('\n');
        List<Section> all = new ArrayList<>(sections);
        all.add(files(outDir, writtenByRun));
        all.add(env.section());
        for (Section s : all) {
            b.append("\n## ").append(s.heading()).append("\n\n").append(s.body());
        }
        return b.toString();
    }

    private Section files(Path outDir, Collection<String> writtenByRun) throws IOException {
        List<String> all = new ArrayList<>(written);
        try (var s = Files.list(outDir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".") && !n.equals("SUMMARY.md"))
                    .filter(n -> !all.contains(n)).forEach(all::add);
        }
        StringBuilder b = new StringBuilder();
        all.stream().sorted().forEach(f -> {
            b.append("- [").append(f).append("](").append(f).append(')');
            boolean byRun = written.contains(f) || writtenByRun.contains(f)
                    || writtenByRun.stream().anyMatch(w -> w.startsWith(f + "/"));
            b.append(byRun ? "\n" : " (earlier run)\n");
        });
        return new Section("Files", b.toString());
    }
}
