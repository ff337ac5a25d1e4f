package org.swis.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file so that readers see either the old file or the complete new one, never a
 * half-written one: the content goes to a temporary file in the target's directory, which is then
 * renamed over the target ({@code ATOMIC_MOVE}, falling back to a plain replacing move only on file
 * systems that cannot rename atomically). On failure the temporary file is deleted.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Produces the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Produces a file given its path (for writers that need a channel, e.g. to patch what they wrote). */
    @FunctionalInterface
    public interface FileContent<E extends Exception> {
        void writeTo(Path file) throws IOException, E;
    }

    /** Writes {@code content} to {@code target} atomically, creating missing parent directories. */
    public static void write(Path target, Content content) throws IOException {
        AtomicFiles.<IOException>writeFile(target, tmp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                content.writeTo(out);
            }
        });
    }

    /**
     * Has {@code content} write a temporary file in the target's directory, then renames it over
     * {@code target}; on any failure the temporary file is deleted and the target left as it was.
     */
    public static <E extends Exception> void writeFile(Path target, FileContent<E> content) throws IOException, E {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            content.writeTo(tmp);
            try {
                // createTempFile makes the file owner-only; give it the usual rw-r--r-- where POSIX applies.
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default permissions
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** Writes a UTF-8 string atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
