package org.swis.io;

import java.io.Closeable;

/**
 * Tensors of one weight file, handed out one at a time in file order so that only the current
 * tensor is held in memory (a caller that drops each tensor before asking for the next one needs
 * heap for the largest tensor only, whatever the file size).
 */
public interface TensorSource extends Closeable {
    /** The file, as named in messages. */
    String file();

    /** Names of all tensors in file order (known before any tensor data is read). */
    java.util.List<String> names();

    /**
     * The next tensor in file order without necessarily decoding it (a memory-mapped view where the
     * format allows, else the decoded tensor), or null when there are no more.
     */
    TensorData nextData() throws ImportException;

    /** The next tensor in file order, decoded, or null when there are no more (same position as {@link #nextData()}). */
    default Tensor next() throws ImportException {
        TensorData d = nextData();
        return d == null ? null : d.load();
    }

    /** The tensor with this name, read now (independently of the {@link #next()} position). */
    Tensor read(String name) throws ImportException;

    /** Releases the file; never fails. */
    @Override
    void close();
}
