package org.swis.hwmodel;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Deterministic file output: fixed formatting (Locale.ROOT), LF line ends, temp file then atomic rename. */
public final class CsvFiles {
    private CsvFiles() {
    }

    /** Fixed-point decimal with {@code decimals} places; NaN as an empty cell. */
    public static String num(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Writes header + rows as CSV to {@code file} atomically. */
    public static void writeCsv(Path file, String[] header, List<List<String>> rows) throws IOException {
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader(header).setRecordSeparator("\n").get();
        writeAtomically(file, w -> {
            try (CSVPrinter p = new CSVPrinter(w, fmt)) {
                for (List<String> r : rows) {
                    if (r.size() != header.length) {
                        throw new IllegalStateException(file + ": row has " + r.size() + " cells, header "
                                + header.length);
                    }
                    p.printRecord(r);
                }
            }
        });
    }

    /** Writes text to {@code file} atomically. */
    public static void writeText(Path file, String text) throws IOException {
        writeAtomically(file, w -> w.write(text));
    }

    interface Body {
        void write(Writer w) throws IOException;
    }

    static void writeAtomically(Path file, Body body) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            try {
                // createTempFile makes the file owner-only; results are meant to be shared
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep the default permissions
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
