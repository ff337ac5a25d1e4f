package org.swis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.swis.cli.report.FolderSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproduceCommandTest {
    @Test
    void shellWordsQuoteOnlyWhatAShellWouldSplitOrExpand() {
        assertEquals("--weights", ReproduceCommand.shellWord("--weights"));
        assertEquals("../shared/weights/cifar10_resnet20", ReproduceCommand.shellWord("../shared/weights/cifar10_resnet20"));
        assertEquals("'my dir'", ReproduceCommand.shellWord("my dir"));
        assertEquals("'it'\\''s'", ReproduceCommand.shellWord("it's"));
        assertEquals("''", ReproduceCommand.shellWord(""));
        assertEquals("'$HOME'", ReproduceCommand.shellWord("$HOME"));
    }

    @Test
    void benchProvenanceNamesModeOriginAndCommits() {
        List<Map<String, String>> rows = List.of(Map.of("git_commit", "bbb"), Map.of("git_commit", "aaa"),
                Map.of("git_commit", "bbb"));
        assertEquals("Provenance: quick run (`swis bench --quick`: one fork, short warm-up and measurement), written by "
                + "this run; commits aaa, bbb.", ReproduceCommand.benchProvenance(Path.of("out/kernels_quick.csv"), rows,
                List.of("kernels_quick.csv")));
        assertEquals("Provenance: full run (`swis bench`, jmh/run-benchmarks.sh), from an earlier run (not rewritten by "
                + "this one); commit aaa.", ReproduceCommand.benchProvenance(Path.of("decompose.csv"),
                List.of(Map.of("git_commit", "aaa")), List.of("decompose_quick.csv")));
        assertEquals("Provenance: full run (`swis bench`, jmh/run-benchmarks.sh), from an earlier run (not rewritten by "
                + "this one); commit unknown.", ReproduceCommand.benchProvenance(Path.of("kernels.csv"),
                List.of(Map.of("kernel", "x")), List.of()));
    }

    @Test
    void folderSnapshotFindsNewAndRewrittenFilesOnly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kept.csv"), "a\n");
        Files.writeString(dir.resolve("rewritten.csv"), "a\n");
        Files.setLastModifiedTime(dir.resolve("rewritten.csv"), FileTime.fromMillis(1_000_000L));
        FolderSnapshot before = FolderSnapshot.of(dir);
        Files.writeString(dir.resolve("rewritten.csv"), "a\n");
        Files.createDirectories(dir.resolve("raw"));
        Files.writeString(dir.resolve("raw/new.json"), "{}\n");
        assertEquals(List.of("raw/new.json", "rewritten.csv"), before.writtenSince(FolderSnapshot.of(dir)));
        assertEquals(List.of("kept.csv", "raw/new.json", "rewritten.csv"),
                FolderSnapshot.of(dir.resolve("absent")).writtenSince(FolderSnapshot.of(dir)));
    }
}
