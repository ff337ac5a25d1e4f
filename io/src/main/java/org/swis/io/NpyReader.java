package org.swis.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one {@code .npy} array (format 1.0/2.0/3.0; dtypes {@code <f4 <f2 |i1 |u1 <i4}; C or
 * Fortran order, Fortran converted to C order). The declared shape times the item size must equal
 * the bytes present after the header; this is checked before any data array is allocated.
 */
public final class NpyReader {
    private NpyReader() {
    }

    /** Reads a standalone {@code .npy} file; the tensor is named after the file without extension. */
    public static Tensor read(Path path) throws ImportException {
        String file = path.toString();
        String fileName = path.getFileName() == null ? file : path.getFileName().toString();
        String name = fileName.endsWith(".npy") ? fileName.substring(0, fileName.length() - 4) : fileName;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            return read(in, Files.size(path), file, name, null);
        } catch (IOException e) {
            throw new ImportException(file, "file", "a readable .npy file", e.toString(), e);
        }
    }

    /**
     * Reads one array of exactly {@code totalBytes} bytes from {@code in}.
     *
     * @param file  file name for messages
     * @param name  tensor name
     * @param entry archive entry for messages (null for a standalone file)
     */
    static Tensor read(InputStream in, long totalBytes, String file, String name, String entry)
            throws IOException, ImportException {
        NpyHeader h = NpyHeader.read(in, file, entry);
        String where = entry == null ? "" : entry + " ";
        long available = totalBytes - h.headerBytes();
        if (available != h.dataBytes()) {
            throw new ImportException(file, where + "data size",
                    h.dataBytes() + " bytes for shape " + Shapes.format(h.shape()) + " " + h.dtype().npyDescr(),
                    Math.max(0, available) + " bytes after the " + h.headerBytes() + "-byte header");
        }
        int[] shape = h.shape();
        ElementDecoder d = new ElementDecoder(file, name, shape, h.dtype());
        d.readFrom(in);
        Tensor t = d.tensor();
        return h.fortranOrder() && shape.length > 1 ? fortranToC(t) : t;
    }

    /** Reorders a tensor whose data was read in Fortran (column-major) order into C order. */
    static Tensor fortranToC(Tensor f) {
        int[] shape = f.shape();
        switch (f.dtype()) {
            case F32: case F16: case BF16: {
                float[] src = f.toFloats();
                float[] dst = new float[src.length];
                Shapes.forEachFortranToC(shape, (c, fi) -> dst[c] = src[fi]);
                return Tensor.ofFloats(f.name(), shape, f.dtype(), dst);
            }
            case I32: {
                int[] src = f.toInts();
                int[] dst = new int[src.length];
                Shapes.forEachFortranToC(shape, (c, fi) -> dst[c] = src[fi]);
                return Tensor.ofInts(f.name(), shape, dst);
            }
            default: {
                byte[] src = f.toBytes();
                byte[] dst = new byte[src.length];
                Shapes.forEachFortranToC(shape, (c, fi) -> dst[c] = src[fi]);
                return Tensor.ofBytes(f.name(), shape, f.dtype(), dst);
            }
        }
    }
}
