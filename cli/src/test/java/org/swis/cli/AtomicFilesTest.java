package org.swis.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws Exception {
        Path target = dir.resolve("out.csv");
        AtomicFiles.writeString(target, "old\n");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("partial".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("old\n", Files.readString(target));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void aSuccessfulWriteReplacesTheFile() throws Exception {
        Path target = dir.resolve("out.csv");
        AtomicFiles.writeString(target, "old\n");
        AtomicFiles.writeString(target, "new\n");
        assertEquals("new\n", Files.readString(target));
    }

    /**
     * What the shutdown hook does to a file being written (it deletes it while the writing thread runs
     * on): the writer's next open fails instead of re-creating the file, so nothing is left behind. The
     * decompose writer opens its container the same way ({@link AtomicFiles#openTemporary}).
     */
    @Test
    void aTemporaryFileDeletedUnderTheWriterIsNotRecreated() throws Exception {
        Path target = dir.resolve("m.swis");
        assertThrows(java.nio.file.NoSuchFileException.class, () -> AtomicFiles.writeFile(target, tmp -> {
            Files.delete(tmp);
            AtomicFiles.openTemporary(tmp).close();
        }));
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }
}
