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
    void benchProvenanceNamesOriginRunKindsJarCommitsAndCommands() {
        Map<String, String> quick = Map.of("run", "quick", "git_commit", "bbb", "git_dirty", "false", "command", "swis bench --quick");
        Map<String, String> full = Map.of("run", "full", "git_commit", "aaa", "git_dirty", "true", "command", "swis bench");
        assertEquals("Provenance: written by this run; 1 row full (3 forks x 5 iterations or more), benchmark jar commit aaa "
                + "with uncommitted changes, command `swis bench`; 2 rows quick (fewer than 3 forks x 5 iterations), "
                + "benchmark jar commit bbb (clean), command `swis bench --quick`.",
                ReproduceCommand.benchProvenance(Path.of("out/kernels_quick.csv"), List.of(quick, full, quick),
                        List.of("kernels_quick.csv")));
        assertEquals("Provenance: from an earlier run (not rewritten by this one); 1 row run kind not recorded, benchmark "
                + "jar commit unknown.", ReproduceCommand.benchProvenance(Path.of("kernels.csv"),
                List.of(Map.of("kernel", "x")), List.of("decompose.csv")));
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
