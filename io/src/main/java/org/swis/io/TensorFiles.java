package org.swis.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Opens a weight file by its extension: {@code .npy}, {@code .npz} or {@code .safetensors}; in the
 * archives, int8 tensors are paired with their scale tensors ({@link Int8Scales}).
 */
public final class TensorFiles {
    private TensorFiles() {
    }

    /** Opens {@code path} as a stream of tensors; a missing file or unknown extension is an {@link ImportException}. */
    public static TensorSource open(Path path) throws ImportException {
        String file = path.toString();
        if (!Files.isRegularFile(path)) {
            throw new ImportException(file, "file", "an existing regular file",
                    Files.exists(path) ? "not a regular file" : "no such file");
        }
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".npz")) {
            return Int8Scales.pair(NpzReader.open(path));
        }
        if (lower.endsWith(".safetensors")) {
            return Int8Scales.pair(SafetensorsReader.open(path));
        }
        if (lower.endsWith(".npy")) {
            Tensor t = NpyReader.read(path);
            return new TensorSource() {
                private boolean done;

                @Override
                public String file() {
                    return file;
                }

                @Override
                public List<String> names() {
                    return List.of(t.name());
                }

                @Override
                public Tensor read(String name) throws ImportException {
                    if (!name.equals(t.name())) {
                        throw new ImportException(file, "array '" + name + "'", "'" + t.name() + "'", "none");
                    }
                    return t;
                }

                @Override
                public Tensor nextData() {
                    if (done) {
                        return null;
                    }
                    done = true;
                    return t;
                }

                @Override
                public void close() {
                    // the array was read eagerly; no file stays open
                }
            };
        }
        throw new ImportException(file, "file name", "extension .npy, .npz or .safetensors", "'" + path.getFileName() + "'");
    }
}
