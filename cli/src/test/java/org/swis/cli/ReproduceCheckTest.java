package org.swis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code swis reproduce --check}: the committed results/ equal a fresh run on the embedded defaults
 * (the accuracy CSV of the quick grid on the embedded 1,000 images, quality_synthetic.csv and the
 * hardware model's files), and a modified or missing file is reported with its first differing line.
 */
class ReproduceCheckTest {
    /** The files the --no-accuracy check compares (hand list: what the quality and hardware parts write). */
    static final List<String> SUBSET = List.of("hw_assumptions.md", "hw_checks.md", "hw_layers_mobilenetv2.csv",
            "hw_layers_resnet18.csv", "hw_layers_vgg16.csv", "hw_summary.csv", "hw_table4.csv", "hw_table4.md",
            "quality_synthetic.csv");

    /** The accuracy CSV of the quick grid on the embedded model and images (SPEC §14). */
    static final String EMBEDDED_ACCURACY = "accuracy_cifar10_resnet20_cifar10_test_1000.csv";

    @TempDir
    Path dir;

    static Path committedResults() {
        return BenchCommand.repositoryRoot().resolve("results");
    }

    @Test
    void committedResultsEqualAFreshRunOfTheEmbeddedDefaults() {
        SwisCommandTest.Run r = SwisCommandTest.run("reproduce", "-q", "--check");
        assertEquals(0, r.code(), r.out() + r.err());
        List<String> all = new ArrayList<>(SUBSET);
        all.add(0, EMBEDDED_ACCURACY);
        assertTrue(r.out().contains("check passed: 0 of 10 deterministic files differ from " + committedResults()
                + " (" + String.join(", ", all) + ")"), r.out());
    }

    @Test
    void aModifiedAndAMissingFileAreReportedWithExit3() throws Exception {
        Path copy = dir.resolve("results");
        Files.createDirectories(copy);
        for (String f : SUBSET) {
            Files.copy(committedResults().resolve(f), copy.resolve(f));
        }
        List<String> t4 = new ArrayList<>(Files.readAllLines(copy.resolve("hw_table4.csv")));
        String original = t4.get(2);
        t4.set(2, original.replaceFirst(",[^,]*$", ",0"));
        Files.write(copy.resolve("hw_table4.csv"), t4);
        Files.delete(copy.resolve("hw_checks.md"));
        SwisCommandTest.Run r = SwisCommandTest.run("reproduce", "-q", "--check", "--no-accuracy", "--output-dir", copy.toString());
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("hw_table4.csv line 3:\n  results/: " + t4.get(2) + "\n  fresh:    " + original), r.out());
        assertTrue(r.out().contains("hw_checks.md: missing in " + copy), r.out());
        assertTrue(r.out().contains("CHECK FAILED: 2 of 9 deterministic files differ"), r.out());
        assertFalse(Files.exists(copy.resolve("hw_timing.csv")), "the check writes nothing into the checked folder");
    }

    @Test
    void aMissingFolderIsBadInput() {
        Path absent = dir.resolve("absent");
        SwisCommandTest.Run r = SwisCommandTest.run("reproduce", "-q", "--check", "--output-dir", absent.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(absent.toString()), r.err());
    }

    @Test
    void onlyDeterministicFilesAreCompared() {
        for (String f : List.of("quality_synthetic.csv", "hw_table4.csv", "hw_table4.md", "accuracy_cifar10_resnet20_cifar10_test_1000.csv",
                "real_hw_summary.csv", "quality_m.csv")) {
            assertTrue(ReproduceCheck.deterministic(f), f);
        }
        for (String f : List.of("SUMMARY.md", "hw_timing.csv", "accuracy_timing_cifar10_resnet20_cifar10_test_1000.csv",
                "quality_timing.csv", "kernels_quick.csv", "kernels.csv", "decompose_quick.csv", "hw_speedup_per_design.png",
                "quality_synthetic_rmse_vs_bits.svg")) {
            assertFalse(ReproduceCheck.deterministic(f), f);
        }
    }

    @Test
    void firstDifferenceIsTheFirstDifferingLine() {
        assertNull(ReproduceCheck.firstDifference("f", List.of("a", "b"), List.of("a", "b")));
        assertEquals(new ReproduceCheck.Difference("f", 2, "b", "c"),
                ReproduceCheck.firstDifference("f", List.of("a", "b", "x"), List.of("a", "c", "y")));
        assertEquals(new ReproduceCheck.Difference("f", 3, "<end of file>", "extra"),
                ReproduceCheck.firstDifference("f", List.of("a", "b"), List.of("a", "b", "extra")));
        assertEquals(new ReproduceCheck.Difference("f", 2, "b", "<end of file>"),
                ReproduceCheck.firstDifference("f", List.of("a", "b"), List.of("a")));
    }

    @Test
    void lineEndingsAndIgnoredFilesOnFolders() throws Exception {
        Path fresh = Files.createDirectories(dir.resolve("fresh"));
        Path results = Files.createDirectories(dir.resolve("res"));
        Files.writeString(fresh.resolve("a.csv"), "x\ny\n");
        Files.writeString(results.resolve("a.csv"), "x\r\ny\r\n");
        Files.writeString(fresh.resolve("b.csv"), "same\n");
        Files.writeString(results.resolve("b.csv"), "same\n");
        Files.writeString(fresh.resolve("hw_timing.csv"), "1\n");
        Files.writeString(results.resolve("hw_timing.csv"), "2\n");
        Files.writeString(fresh.resolve("p.png"), "1");
        assertEquals(List.of("a.csv", "b.csv"), ReproduceCheck.compared(fresh));
        assertEquals(List.of(new ReproduceCheck.Difference("a.csv", 0, "same lines, different line endings", "")),
                ReproduceCheck.compare(fresh, results));
    }
}
