package org.swis.io;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.swis.reference.tensor.Layout;

/**
 * A weights {@code manifest.csv} (see shared/weights/README.md): one row per tensor with columns
 * {@code name, shape, dtype, kind, count, index, layout} (required) and {@code source_dtype, min,
 * max, mean, std, zeros} (optional). Every row is validated: shape dims joined by "x", count equal
 * to the product of the dims, index equal to the row position, a known dtype, kind and layout whose
 * rank matches the shape.
 */
public final class Manifest {
    private static final List<String> REQUIRED = List.of("name", "shape", "dtype", "kind", "count", "index", "layout");

    private final String file;
    private final List<ManifestEntry> entries;
    private final Map<String, ManifestEntry> byName;

    private Manifest(String file, List<ManifestEntry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
        Map<String, ManifestEntry> m = new LinkedHashMap<>();
        for (ManifestEntry e : entries) {
            m.put(e.name(), e);
        }
        this.byName = m;
    }

    public String file() {
        return file;
    }

    /** Rows in file order. */
    public List<ManifestEntry> entries() {
        return entries;
    }

    /** The row for a tensor name, or null. */
    public ManifestEntry get(String name) {
        return byName.get(name);
    }

    /** Reads and validates a manifest. */
    public static Manifest read(Path path) throws ImportException {
        String file = path.toString();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).build();
        List<ManifestEntry> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(r, format)) {
            Set<String> header = new HashSet<>(p.getHeaderNames());
            for (String col : REQUIRED) {
                if (!header.contains(col)) {
                    throw new ImportException(file, "header", "columns " + String.join(", ", REQUIRED),
                            "no column '" + col + "' in " + p.getHeaderNames());
                }
            }
            Set<String> names = new HashSet<>();
            for (CSVRecord rec : p) {
                ManifestEntry e = row(file, rec, out.size(), header);
                if (!names.add(e.name())) {
                    throw new ImportException(file, "line " + (rec.getRecordNumber() + 1) + " name", "unique names",
                            "duplicate '" + e.name() + "'");
                }
                out.add(e);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new ImportException(file, "file", "a readable CSV file with a header line", e.getMessage(), e);
        }
        return new Manifest(file, out);
    }

    private static ManifestEntry row(String file, CSVRecord rec, int position, Set<String> header)
            throws ImportException {
        long line = rec.getRecordNumber() + 1;
        if (!rec.isConsistent()) {
            throw new ImportException(file, "line " + line, header.size() + " columns", rec.size() + " columns");
        }
        String name = rec.get("name");
        if (name.isEmpty()) {
            throw new ImportException(file, "line " + line + " name", "a tensor name", "empty");
        }
        int[] shape = shape(file, line, rec.get("shape"));
        DType dtype = DType.fromManifest(rec.get("dtype"));
        if (dtype == null) {
            throw new ImportException(file, "line " + line + " dtype", "float32, float16, bfloat16, int8, uint8 or int32",
                    "'" + rec.get("dtype") + "'");
        }
        WeightKind kind = WeightKind.parse(rec.get("kind"));
        if (kind == null) {
            throw new ImportException(file, "line " + line + " kind", "conv, depthwise or linear", "'" + rec.get("kind") + "'");
        }
        long count = parseLong(file, line, "count", rec.get("count"));
        if (count != Shapes.count(shape)) {
            throw new ImportException(file, "line " + line + " count", Shapes.count(shape) + " (product of shape "
                    + Shapes.format(shape) + ")", Long.toString(count));
        }
        long index = parseLong(file, line, "index", rec.get("index"));
        if (index != position) {
            throw new ImportException(file, "line " + line + " index", Integer.toString(position) + " (row position)",
                    Long.toString(index));
        }
        Layout layout = LayoutNames.parse(rec.get("layout"));
        if (layout == null) {
            throw new ImportException(file, "line " + line + " layout",
                    "one of " + LayoutNames.choices() + " with its axis list, e.g. \"OIHW (out, in, kh, kw)\"",
                    "'" + rec.get("layout") + "'");
        }
        if (layout.rank() != shape.length) {
            throw new ImportException(file, "line " + line + " layout", "a rank-" + shape.length + " layout for shape "
                    + Shapes.format(shape), layout + " (rank " + layout.rank() + ")");
        }
        return new ManifestEntry(name, shape, dtype, kind, count, (int) index, layout,
                optionalDouble(file, line, "min", rec, header), optionalDouble(file, line, "max", rec, header),
                optionalDouble(file, line, "mean", rec, header), optionalDouble(file, line, "std", rec, header),
                optionalLong(file, line, "zeros", rec, header));
    }

    private static int[] shape(String file, long line, String s) throws ImportException {
        String[] parts = s.split("x", -1);
        long[] dims = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            dims[i] = parseLong(file, line, "shape", parts[i]);
        }
        if (s.isEmpty() || dims.length > Shapes.MAX_RANK || Shapes.count(dims) < 0) {
            throw new ImportException(file, "line " + line + " shape", "dims joined by x, e.g. 16x3x3x3", "'" + s + "'");
        }
        return Shapes.toInts(dims);
    }

    private static long parseLong(String file, long line, String field, String s) throws ImportException {
        try {
            long v = Long.parseLong(s.trim());
            if (v < 0) {
                throw new NumberFormatException("negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ImportException(file, "line " + line + " " + field, "a non-negative integer", "'" + s + "'");
        }
    }

    private static OptionalDouble optionalDouble(String file, long line, String col, CSVRecord rec, Set<String> header)
            throws ImportException {
        if (!header.contains(col) || rec.get(col).isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(rec.get(col)));
        } catch (NumberFormatException e) {
            throw new ImportException(file, "line " + line + " " + col, "a number", "'" + rec.get(col) + "'");
        }
    }

    private static OptionalLong optionalLong(String file, long line, String col, CSVRecord rec, Set<String> header)
            throws ImportException {
        if (!header.contains(col) || rec.get(col).isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(parseLong(file, line, col, rec.get(col)));
    }
}
