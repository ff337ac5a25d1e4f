package org.swis.hwmodel;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads conv weight shapes from a {@code manifest.csv} of the shared real-weights folder (columns {@code name, shape,
 * kind, layout}; shape dims joined by {@code x}; layouts OIHW, HWIO, HWCM). Linear layers are skipped (the model
 * covers conv layers only). Strides are not stored in the manifest and must be given by name (default 1).
 */
public final class WeightManifest {
    private WeightManifest() {
    }

    public static List<WeightShape> read(Reader in, String source, Map<String, Integer> strides) throws IOException {
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        List<WeightShape> out = new ArrayList<>();
        for (CSVRecord r : fmt.parse(in)) {
            String where = source + " line " + r.getRecordNumber();
            for (String col : new String[] {"name", "shape", "kind", "layout"}) {
                if (!r.isMapped(col) || !r.isSet(col)) {
                    throw new IllegalArgumentException(where + ": missing column '" + col + "'");
                }
            }
            String kind = r.get("kind");
            if (kind.equals("linear")) {
                continue;
            }
            String name = r.get("name");
            String[] parts = r.get("shape").split("x");
            int[] dims = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    dims[i] = Integer.parseInt(parts[i]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + ", column 'shape': expected dims joined by 'x', got '"
                            + r.get("shape") + "'", e);
                }
            }
            int stride = strides.getOrDefault(name, 1);
            String layout = r.get("layout");
            if (layout.startsWith("OIHW")) {
                out.add(WeightShape.oihw(name, dims, stride, 1));
            } else if (layout.startsWith("HWIO")) {
                out.add(WeightShape.hwio(name, dims, stride));
            } else if (layout.startsWith("HWCM")) {
                out.add(WeightShape.depthwiseHwcm(name, dims, stride));
            } else {
                throw new IllegalArgumentException(where + ", column 'layout': expected OIHW, HWIO or HWCM for kind '"
                        + kind + "', got '" + layout + "'");
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(source + ": no conv weight rows");
        }
        return out;
    }
}
