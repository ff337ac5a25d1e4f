package org.swis.io;

import org.swis.io.InputException;

/** A weight file (npy, npz, safetensors, manifest) that cannot be imported; names file, field, expected, found. */
public final class ImportException extends InputException {
    private static final long serialVersionUID = 1L;

    public ImportException(String file, String field, String expected, String found) {
        super(file, field, expected, found);
    }

    public ImportException(String file, String field, String expected, String found, Throwable cause) {
        super(file, field, expected, found, cause);
    }
}
