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
    /**
     * Temporary files being written; a shutdown hook (SIGINT, SIGTERM) deletes those left. The writing
     * thread keeps running while the hook runs, so two races are closed: a file is created and
     * registered under {@link #LOCK}, and none is created once the hook has run ({@link #closing}); and
     * writers open the temporary file without {@code CREATE}, so one the hook deleted is not re-created.
     */
    private static final java.util.Set<Path> PENDING = new java.util.HashSet<>();
    private static final Object LOCK = new Object();
    private static boolean closing;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (LOCK) {
                closing = true;
                for (Path p : PENDING) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        // nothing more can be done while the JVM exits
                    }
                }
            }
        }, "swis-temp-cleanup"));
    }

    private AtomicFiles() {
    }

    /**
     * Checks an output path before any work (null: nothing to check): its parent folder must exist
     * and be writable, and the path must not be a folder.
     *
     * @param option the option that named it, for the message
     */
    public static void checkTarget(Path target, String option) throws org.swis.io.InputException {
        if (target == null) {
            return;
        }
        Path abs = target.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new org.swis.io.InputException(target.toString(), option, "a file path", "a folder");
        }
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new org.swis.io.InputException(target.toString(), option, "an existing parent folder",
                    "no folder " + dir);
        }
        if (!Files.isWritable(dir)) {
            throw new org.swis.io.InputException(target.toString(), option, "a writable parent folder",
                    "read-only " + dir);
        }
        if (Files.exists(abs) && !Files.isWritable(abs)) {
            throw new org.swis.io.InputException(target.toString(), option, "a writable file", "read-only");
        }
    }

    /**
     * Checks an output folder before any work (null: nothing to check). An existing path must be a
     * writable folder; a missing folder is accepted when its parent is an existing writable folder (it
     * is created when the first file is written, one level only); a missing parent is an error.
     *
     * @param option the option that named it, for the message
     */
    public static void checkFolder(Path folder, String option) throws org.swis.io.InputException {
        if (folder == null) {
            return;
        }
        Path abs = folder.toAbsolutePath();
        if (Files.exists(abs)) {
            if (!Files.isDirectory(abs)) {
                throw new org.swis.io.InputException(folder.toString(), option, "a folder", "a file");
            }
            if (!Files.isWritable(abs)) {
                throw new org.swis.io.InputException(folder.toString(), option, "a writable folder", "read-only");
            }
            return;
        }
        Path parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new org.swis.io.InputException(folder.toString(), option,
                    "an existing folder or a new one in an existing folder", "no folder " + parent);
        }
        if (!Files.isWritable(parent)) {
            throw new org.swis.io.InputException(folder.toString(), option, "a folder that can be created",
                    "read-only " + parent);
        }
    }

    /** Produces the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Produces a file given its path (for writers that need a channel, e.g. to patch what they wrote).
     * The file exists; open it with {@link #openTemporary} (never {@code CREATE}) so that a file the
     * shutdown hook deleted fails to open instead of being left behind.
     */
    @FunctionalInterface
    public interface FileContent<E extends Exception> {
        void writeTo(Path file) throws IOException, E;
    }

    /** How the temporary file is opened: write, truncate, never create. */
    private static final java.nio.file.OpenOption[] OPEN_EXISTING = {java.nio.file.StandardOpenOption.WRITE,
        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING};

    /**
     * Opens the temporary file a {@link FileContent} was given, for writing from its start, without
     * {@code CREATE}: a file the shutdown hook deleted fails to open instead of being left behind.
     */
    public static java.nio.channels.FileChannel openTemporary(Path tmp) throws IOException {
        return java.nio.channels.FileChannel.open(tmp, OPEN_EXISTING);
    }

    /** Writes {@code content} to {@code target} atomically, creating missing parent directories. */
    public static void write(Path target, Content content) throws IOException {
        AtomicFiles.<IOException>writeFile(target, tmp -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, OPEN_EXISTING))) {
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
        Path tmp;
        synchronized (LOCK) {
            if (closing) {
                throw new IOException("not writing " + abs + ": the JVM is shutting down");
            }
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
            PENDING.add(tmp);
        }
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
            synchronized (LOCK) {
                PENDING.remove(tmp);
            }
        }
    }

    /** Writes a UTF-8 string atomically. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
