package org.swis.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code swis reproduce --check}: the deterministic files of a fresh run compared with those in
 * {@code results/}, line by line.
 *
 * <p>Deterministic: every file the run writes except figures (PNG / SVG bytes depend on the fonts
 * and the JDK's rasterizer), {@code SUMMARY.md} (its Environment section holds the time, machine and
 * commit, and its tables list whatever else is in the folder), measurements ({@code hw_timing.csv},
 * {@code accuracy_timing_*.csv}, {@code quality_timing*.csv}) and benchmark CSVs
 * ({@code kernels*.csv}, {@code decompose*.csv}). Each of those files is a pure function of the code,
 * the embedded data and the options (SPEC: every rule is integer-exact or a fixed-order double sum),
 * so any difference means {@code results/} is out of date or the code changed a result.
 */
final class ReproduceCheck {
    private ReproduceCheck() {
    }

    /** One file that differs: its first differing line (1-based) with both texts, or a missing file (line 0). */
    record Difference(String file, int line, String expected, String found) {
        String describe() {
            if (line == 0) {
                return file + ": " + expected;
            }
            return file + " line " + line + ":\n  results/: " + expected + "\n  fresh:    " + found;
        }
    }

    /** Whether a file of that name is compared (see the class comment). */
    static boolean deterministic(String name) {
        return !(name.endsWith(".png") || name.endsWith(".svg") || name.equals("SUMMARY.md") || name.equals("hw_timing.csv")
                || name.startsWith("accuracy_timing_") || name.startsWith("quality_timing")
                || name.startsWith("kernels") || name.startsWith("decompose"));
    }

    /** The deterministic files of {@code fresh}, sorted by name. */
    static List<String> compared(Path fresh) throws IOException {
        try (Stream<Path> s = Files.list(fresh)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(ReproduceCheck::deterministic)
                    .sorted().toList();
        }
    }

    /** Every deterministic file of {@code fresh} against the file of the same name in {@code results}. */
    static List<Difference> compare(Path fresh, Path results) throws IOException {
        List<Difference> out = new ArrayList<>();
        for (String name : compared(fresh)) {
            Path committed = results.resolve(name);
            if (!Files.isRegularFile(committed)) {
                out.add(new Difference(name, 0, "missing in " + results + " (the fresh run writes it)", ""));
                continue;
            }
            if (Files.mismatch(committed, fresh.resolve(name)) < 0) {
                continue;
            }
            Difference d = firstDifference(name, Files.readAllLines(committed, StandardCharsets.UTF_8),
                    Files.readAllLines(fresh.resolve(name), StandardCharsets.UTF_8));
            out.add(d != null ? d : new Difference(name, 0, "same lines, different line endings", ""));
        }
        return out;
    }

    /** The first line where {@code expected} (results/) and {@code found} (fresh run) differ, or null. */
    static Difference firstDifference(String name, List<String> expected, List<String> found) {
        int n = Math.min(expected.size(), found.size());
        for (int i = 0; i < n; i++) {
            if (!expected.get(i).equals(found.get(i))) {
                return new Difference(name, i + 1, expected.get(i), found.get(i));
            }
        }
        if (expected.size() == found.size()) {
            return null;
        }
        return new Difference(name, n + 1, n < expected.size() ? expected.get(n) : "<end of file>",
                n < found.size() ? found.get(n) : "<end of file>");
    }
}
