package org.swis.cli.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Streams the arrays of an {@code .npz} archive (a zip of {@code <name>.npy} entries, STORED or
 * DEFLATED, zip64 extra fields allowed) in central-directory order, one tensor at a time. Each
 * entry's uncompressed size comes from the central directory and is checked against the npy
 * header before allocation; a DEFLATED entry may not claim more than deflate's maximum ratio
 * (1032:1) of its compressed size; the CRC-32 of each entry is verified.
 */
public final class NpzReader implements TensorSource {
    /** Deflate cannot expand by more than about 1032:1; a larger claim is a lie or a bomb. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private final String file;
    private final ZipFile zip;
    private final Enumeration<? extends ZipEntry> entries;
    private final Set<String> names = new HashSet<>();

    private NpzReader(String file, ZipFile zip) {
        this.file = file;
        this.zip = zip;
        this.entries = zip.entries();
    }

    /** Opens the archive and reads its central directory (no entry data yet). */
    public static NpzReader open(Path path) throws ImportException {
        String file = path.toString();
        try {
            return new NpzReader(file, new ZipFile(path.toFile()));
        } catch (IOException | RuntimeException e) {
            throw new ImportException(file, "zip central directory", "a readable zip archive (.npz)", e.toString(), e);
        }
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public Tensor next() throws ImportException {
        ZipEntry e;
        try {
            if (!entries.hasMoreElements()) {
                return null;
            }
            e = entries.nextElement();
        } catch (RuntimeException ex) {
            // java.util.zip reports malformed central-directory records (e.g. bad names) unchecked.
            throw new ImportException(file, "zip central directory", "well-formed entries", ex.toString(), ex);
        }
        String entry = e.getName();
        String field = "entry '" + entry + "'";
        if (e.isDirectory() || !entry.endsWith(".npy") || entry.length() == 4) {
            throw new ImportException(file, field, "a <name>.npy entry", "'" + entry + "'");
        }
        String name = entry.substring(0, entry.length() - 4);
        if (!names.add(name)) {
            throw new ImportException(file, field, "each array name once", "a duplicate");
        }
        long size = e.getSize();
        long csize = e.getCompressedSize();
        int method = e.getMethod();
        if (size < 0 || csize < 0) {
            throw new ImportException(file, field + " size", "sizes in the central directory", "none");
        }
        if (method == ZipEntry.STORED && size != csize) {
            throw new ImportException(file, field + " size", "STORED size equal to compressed size " + csize,
                    Long.toString(size));
        }
        if (method == ZipEntry.DEFLATED && size > csize * MAX_DEFLATE_RATIO + 1024) {
            throw new ImportException(file, field + " size",
                    "at most " + MAX_DEFLATE_RATIO + "x the compressed size " + csize, Long.toString(size));
        }
        if (method != ZipEntry.STORED && method != ZipEntry.DEFLATED) {
            throw new ImportException(file, field + " compression method", "STORED (0) or DEFLATED (8)",
                    Integer.toString(method));
        }
        try (InputStream raw = zip.getInputStream(e);
             CheckedInputStream in = new CheckedInputStream(new BufferedInputStream(raw), new CRC32())) {
            Tensor t = NpyReader.read(in, size, file, name, field);
            if (in.read() != -1) {
                throw new ImportException(file, field + " data", size + " bytes as in the central directory",
                        "more bytes");
            }
            if (e.getCrc() != -1 && in.getChecksum().getValue() != e.getCrc()) {
                throw new ImportException(file, field + " CRC-32", String.format("%08x", e.getCrc()),
                        String.format("%08x (corrupt data)", in.getChecksum().getValue()));
            }
            return t;
        } catch (IOException | RuntimeException ex) {
            throw new ImportException(file, field, "a readable zip entry", ex.toString(), ex);
        }
    }

    @Override
    public void close() {
        try {
            zip.close();
        } catch (IOException e) {
            // Read-only archive: nothing was written, so a failing close loses nothing.
        }
    }
}
