package org.swis.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.swis.reference.SwisInputException;
import org.swis.reference.npy.NpyHeader;

/**
 * Reads one {@code .npy} array (format 1.0/2.0/3.0; dtypes {@code <f4 <f2 |i1 |u1 <i4}; C or
 * Fortran order, Fortran converted to C order). The header and the data size are checked by the
 * reference's {@link NpyHeader} (its errors become {@link ImportException}s naming the file), so the
 * declared shape times the item size equals the bytes after the header before any data array is
 * allocated.
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
        String where = entry == null ? "" : entry + " ";
        NpyHeader h;
        try {
            h = NpyHeader.read(in, where, NpyReader::importable, "one of <f4, <f2, |i1, |u1, <i4");
            h.requireDataBytes(totalBytes - h.headerBytes(), where);
        } catch (SwisInputException e) {
            throw new ImportException(file, e.field(), e.expected(), e.value(), e);
        }
        int[] shape = h.shape();
        ElementDecoder d = new ElementDecoder(file, name, shape, DType.fromNpyDescr(h.descr()));
        d.readFrom(in);
        Tensor t = d.tensor();
        return h.fortranOrder() && shape.length > 1 ? fortranToC(t) : t;
    }

    /** The npy dtypes this importer decodes (bf16 has no numpy descr). */
    private static boolean importable(String descr) {
        DType t = DType.fromNpyDescr(descr);
        return t != null && t != DType.BF16;
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
