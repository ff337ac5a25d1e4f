package org.swis.hwmodel;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * A network as an ordered list of conv layers (docs/HWMODEL.md §2). Only conv layers are modelled, as in the paper's
 * evaluation (paper §5; docs/HWMODEL.md §2).
 */
public record Topology(String name, List<Layer> layers) {

    /** SCALE-Sim's topology columns followed by our two extra columns. */
    public static final String[] CSV_HEADER = {"Layer name", "IFMAP Height", "IFMAP Width", "Filter Height",
        "Filter Width", "Channels", "Num Filter", "Strides", "Padding", "Groups"};

    public Topology {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("topology " + name + " has no layers");
        }
        layers = List.copyOf(layers);
    }

    public long macs() {
        long s = 0;
        for (Layer l : layers) {
            s += l.macs();
        }
        return s;
    }

    public long weightCount() {
        long s = 0;
        for (Layer l : layers) {
            s += l.weightCount();
        }
        return s;
    }

    /**
     * Parses a topology CSV with the header {@link #CSV_HEADER}. {@code source} names the file in error messages.
     * A plain SCALE-Sim conv topology (no Padding/Groups columns, optional trailing comma) is accepted with padding 0
     * (SCALE-Sim folds padding into the IFMAP size) and groups 1.
     */
    public static Topology fromCsv(String name, Reader in, String source) throws IOException {
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get();
        List<Layer> layers = new ArrayList<>();
        for (CSVRecord r : fmt.parse(in)) {
            for (String h : CSV_HEADER) {
                boolean optional = h.equals("Padding") || h.equals("Groups");
                if (optional && !r.isMapped(h)) {
                    continue;
                }
                if (!r.isMapped(h) || !r.isSet(h)) {
                    throw new IllegalArgumentException(source + " line " + r.getRecordNumber()
                            + ": missing column '" + h + "' (expected header " + String.join(",", CSV_HEADER) + ")");
                }
            }
            int[] v = new int[CSV_HEADER.length - 1];
            v[8] = 1; // Groups default
            for (int i = 1; i < CSV_HEADER.length; i++) {
                if (!r.isMapped(CSV_HEADER[i])) {
                    continue;
                }
                String raw = r.get(CSV_HEADER[i]);
                try {
                    v[i - 1] = Integer.parseInt(raw);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(source + " line " + r.getRecordNumber() + ", column '"
                            + CSV_HEADER[i] + "': expected an integer, got '" + raw + "'", e);
                }
            }
            try {
                layers.add(new Layer(r.get(CSV_HEADER[0]), v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + r.getRecordNumber() + ": " + e.getMessage(), e);
            }
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException(source + ": no layer rows");
        }
        return new Topology(name, layers);
    }

    /**
     * Builds a topology from a real model's conv weight shapes plus an input size (docs/HWMODEL.md §2).
     *
     * <p>Shapes are given in forward order. The input spatial size of each layer is, unless the shape states it
     * ({@link WeightShape#inputHeight()} &gt; 0), the output size of the most recent earlier layer whose filter
     * count equals this layer's input channels (which resolves residual downsample branches in ResNets), or the
     * network input size if there is none. Pooling between layers must be stated through an explicit input size.
     */
    public static Topology fromWeightShapes(String name, List<WeightShape> shapes, int inputHeight, int inputWidth) {
        if (shapes == null || shapes.isEmpty()) {
            throw new IllegalArgumentException("topology " + name + ": no weight shapes");
        }
        List<Layer> layers = new ArrayList<>();
        Map<Integer, int[]> lastOutByChannels = new HashMap<>();
        for (WeightShape s : shapes) {
            int cin = s.inChannelsPerGroup() * s.groups();
            int h;
            int w;
            if (s.inputHeight() > 0) {
                h = s.inputHeight();
                w = s.inputWidth();
            } else if (lastOutByChannels.containsKey(cin)) {
                int[] hw = lastOutByChannels.get(cin);
                h = hw[0];
                w = hw[1];
            } else {
                h = inputHeight;
                w = inputWidth;
            }
            Layer l = new Layer(s.name(), h, w, s.kernelHeight(), s.kernelWidth(), cin, s.outChannels(), s.stride(),
                    s.padding(), s.groups());
            layers.add(l);
            lastOutByChannels.put(l.numFilters(), new int[] {l.outHeight(), l.outWidth()});
        }
        return new Topology(name, layers);
    }
}
