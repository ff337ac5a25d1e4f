package org.swis.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryReportTest {
    @Test
    void rendersSectionsInOrderThenFilesAndEnvironment(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("z_left_over.csv"), "x\n");
        Files.writeString(dir.resolve("SUMMARY.md"), "old\n");
        Files.writeString(dir.resolve(".hidden"), "x\n");
        Files.writeString(dir.resolve("c.csv"), "x\n");
        Files.createDirectories(dir.resolve("raw"));
        Files.writeString(dir.resolve("raw/r.json"), "{}\n");
        SummaryReport r = new SummaryReport("Intro.")
                .add(new SummaryReport.Section("First", "one\n"))
                .add(new SummaryReport.Section("Second", "two\n\n"))
                .wrote("b.csv", "a.png");
        SummaryReport.Environment env = new SummaryReport.Environment("CPU X", 2, "JDK Y", "abc", "./swis reproduce -q",
                Instant.parse("2026-01-02T03:04:05Z"), 1.24);
        String expected = "# SWIS results\n\nIntro.\n"
                + "\n## First\n\none\n"
                + "\n## Second\n\ntwo\n\n"
                + "\n## Files\n\n- [a.png](a.png)\n- [b.csv](b.csv)\n- [c.csv](c.csv)\n- [raw](raw)\n"
                + "- [z_left_over.csv](z_left_over.csv) (earlier run)\n"
                + "\n## Environment\n\n(The only section that changes between runs.)\n\n"
                + "- CPU: CPU X, 2 cores available to the JVM\n- JDK: JDK Y\n- git commit: abc\n- command line: `./swis reproduce -q`\n"
                + "- date (UTC): 2026-01-02T03:04:05Z\n- wall time of the run: 1.2 s\n";
        assertEquals(expected, r.render(dir, env, List.of("c.csv", "raw/r.json")));
    }

    @Test
    void aSectionBodyMustEndWithALineBreak() {
        assertThrows(IllegalArgumentException.class, () -> new SummaryReport.Section("H", "no break"));
        assertEquals("", new SummaryReport.Section("Files", "").body());
    }
}
