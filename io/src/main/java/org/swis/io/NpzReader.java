package org.swis.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Streams the arrays of an {@code .npz} archive (a zip of {@code <name>.npy} entries, STORED or
 * DEFLATED, zip64 extra fields allowed) in central-directory order, one tensor at a time. Entry
 * names are validated when the archive is opened, before any entry data is read. Each
 * entry's uncompressed size comes from the central directory and is checked against the npy
 * header before allocation; a DEFLATED entry may not claim more than deflate's maximum ratio
 * (1032:1) of its compressed size; the CRC-32 of each entry is verified.
 */
public final class NpzReader implements TensorSource {
    /** Deflate cannot expand by more than about 1032:1; a larger claim is a lie or a bomb. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private final String file;
    private final ZipFile zip;
    private final List<String> names;
    private final Map<String, ZipEntry> byName;
    private int nextIndex;

    private NpzReader(String file, ZipFile zip, List<String> names, Map<String, ZipEntry> byName) {
        this.file = file;
        this.zip = zip;
        this.names = names;
        this.byName = byName;
    }

    /** Opens the archive and validates its central directory: every entry a uniquely named {@code <name>.npy}. */
    public static NpzReader open(Path path) throws ImportException {
        String file = path.toString();
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (IOException | RuntimeException e) {
            throw new ImportException(file, "zip central directory", "a readable zip archive (.npz)", e.toString(), e);
        }
        try {
            List<String> names = new ArrayList<>();
            Map<String, ZipEntry> byName = new HashMap<>();
            for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                String entry = e.getName();
                String field = "entry '" + entry + "'";
                if (e.isDirectory() || !entry.endsWith(".npy") || entry.length() == 4) {
                    throw new ImportException(file, field, "a <name>.npy entry", "'" + entry + "'");
                }
                String name = entry.substring(0, entry.length() - 4);
                if (byName.putIfAbsent(name, e) != null) {
                    throw new ImportException(file, field, "each array name once", "a duplicate");
                }
                names.add(name);
            }
            return new NpzReader(file, zip, List.copyOf(names), byName);
        } catch (ImportException | RuntimeException e) {
            closeQuietly(zip);
            if (e instanceof ImportException) {
                throw (ImportException) e;
            }
            // java.util.zip reports malformed central-directory records (e.g. bad names) unchecked.
            throw new ImportException(file, "zip central directory", "well-formed entries", e.toString(), e);
        }
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public List<String> names() {
        return names;
    }

    @Override
    public Tensor nextData() throws ImportException {
        if (nextIndex >= names.size()) {
            return null;
        }
        return read(names.get(nextIndex++));
    }

    @Override
    public Tensor read(String name) throws ImportException {
        ZipEntry e = byName.get(name);
        if (e == null) {
            throw new ImportException(file, "array '" + name + "'", "an entry " + name + ".npy", "none");
        }
        String field = "entry '" + e.getName() + "'";
        long size = e.getSize();
        long csize = e.getCompressedSize();
        int method = e.getMethod();
        if (size < 0 || csize < 0) {
            throw new ImportException(file, field + " size", "sizes in the central directory", "none");
        }
        if (method != ZipEntry.STORED && method != ZipEntry.DEFLATED) {
            throw new ImportException(file, field + " compression method", "STORED (0) or DEFLATED (8)",
                    Integer.toString(method));
        }
        if (method == ZipEntry.STORED && size != csize) {
            throw new ImportException(file, field + " size", "STORED size equal to compressed size " + csize,
                    Long.toString(size));
        }
        if (method == ZipEntry.DEFLATED && size > csize * MAX_DEFLATE_RATIO + 1024) {
            throw new ImportException(file, field + " size",
                    "at most " + MAX_DEFLATE_RATIO + "x the compressed size " + csize, Long.toString(size));
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

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // Read-only archive: nothing was written, so a failing close loses nothing.
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }
}
