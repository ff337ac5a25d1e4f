package org.swis.hwmodel;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The costing data (docs/HWMODEL.md §4): per-action energies with their sources ({@code cost_table.csv}, Horowitz 45 nm
 * figures scaled to 28 nm by {@code (28/45) * (Vdd_28/Vdd_45)^2}, docs/HWMODEL.md §4) and the SWIS Fig. 3 relative PE costs
 * ({@code pe_cost_fig3.csv}, paper Fig. 3). Counting never reads this class; {@link CostModel} multiplies counts by it.
 */
public final class CostTable {

    /** One row of cost_table.csv. */
    public record Entry(String key, double value, String unit, boolean scaled, String source) {
    }

    /** One row of pe_cost_fig3.csv. */
    public record Fig3Point(int groupSize, String pe, int shifts, double areaRel, double energyPerMacRel,
                            String source) {
    }

    private final Map<String, Entry> entries;
    private final List<Fig3Point> fig3;

    public CostTable(Map<String, Entry> entries, List<Fig3Point> fig3) {
        this.entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        this.fig3 = List.copyOf(fig3);
    }

    /** The bundled tables. */
    public static CostTable bundled() {
        try (InputStream a = resource("cost_table.csv"); InputStream b = resource("pe_cost_fig3.csv")) {
            return parse(new InputStreamReader(a, StandardCharsets.UTF_8), "cost_table.csv",
                    new InputStreamReader(b, StandardCharsets.UTF_8), "pe_cost_fig3.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = CostTable.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource org/swis/hwmodel/" + name);
        }
        return in;
    }

    public static CostTable parse(Reader costs, String costSource, Reader fig3Csv, String fig3Source)
            throws IOException {
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        Map<String, Entry> e = new LinkedHashMap<>();
        for (CSVRecord r : fmt.parse(costs)) {
            String scaled = field(r, "scale_to_28nm", costSource);
            if (!scaled.equals("yes") && !scaled.equals("no")) {
                throw new IllegalArgumentException(costSource + " line " + r.getRecordNumber()
                        + ", column 'scale_to_28nm': expected yes|no, got '" + scaled + "'");
            }
            String key = field(r, "key", costSource);
            e.put(key, new Entry(key, number(r, "value", costSource), field(r, "unit", costSource),
                    scaled.equals("yes"), field(r, "source", costSource)));
        }
        List<Fig3Point> pts = new ArrayList<>();
        for (CSVRecord r : fmt.parse(fig3Csv)) {
            pts.add(new Fig3Point((int) number(r, "group_size", fig3Source), field(r, "pe", fig3Source),
                    (int) number(r, "shifts", fig3Source), number(r, "area_rel", fig3Source),
                    number(r, "energy_per_mac_rel", fig3Source), field(r, "source", fig3Source)));
        }
        return new CostTable(e, pts);
    }

    private static String field(CSVRecord r, String col, String src) {
        if (!r.isMapped(col) || !r.isSet(col)) {
            throw new IllegalArgumentException(src + " line " + r.getRecordNumber() + ": missing column '" + col + "'");
        }
        return r.get(col);
    }

    private static double number(CSVRecord r, String col, String src) {
        String s = field(r, col, src);
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(src + " line " + r.getRecordNumber() + ", column '" + col
                    + "': expected a number, got '" + s + "'", ex);
        }
    }

    public Entry entry(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            throw new IllegalArgumentException("cost table has no key '" + key + "'");
        }
        return e;
    }

    /** Raw value as written in the table. */
    public double raw(String key) {
        return entry(key).value();
    }

    /** Technology scaling 45 nm -> 28 nm: (to/from) * (Vto/Vfrom)^2 (a rule of thumb, docs/HWMODEL.md §4). */
    public double techScale() {
        double v = raw("vdd_to") / raw("vdd_from");
        return raw("node_to_nm") / raw("node_from_nm") * v * v;
    }

    /** Value at 28 nm: scaled when the row says so. */
    public double at28(String key) {
        Entry e = entry(key);
        return e.scaled() ? e.value() * techScale() : e.value();
    }

    /** Energy of one 8b x 8b MAC (multiply + add) at 28 nm, pJ. */
    public double fxpMacPj() {
        return at28("int8_mult") + at28("int8_add");
    }

    /**
     * SRAM energy per bit (pJ, 28 nm) for a buffer of {@code bytes}: log-linear interpolation in size between the
     * Horowitz 8 KB, 32 KB and 1 MB 64-bit-access anchors (extrapolated outside), divided by 64.
     */
    public double sramPjPerBit(long bytes) {
        double[] kb = {8, 32, 1024};
        double[] pj = {at28("sram_8kb_read_64b"), at28("sram_32kb_read_64b"), at28("sram_1mb_read_64b")};
        double x = Math.log(bytes / 1024.0);
        int seg = bytes / 1024.0 <= kb[1] ? 0 : 1;
        double x0 = Math.log(kb[seg]);
        double x1 = Math.log(kb[seg + 1]);
        double y0 = Math.log(pj[seg]);
        double y1 = Math.log(pj[seg + 1]);
        return Math.exp(y0 + (y1 - y0) * (x - x0) / (x1 - x0)) / 64.0;
    }

    public double dramPjPerBit() {
        return at28("dram_access_32b") / 32.0;
    }

    /**
     * Energy of one serial step of an M-wide SS or DS PE relative to one FXP8 MAC, per lane: the slope through the
     * origin of Fig. 3's energy/MAC against shifts (least squares over the 2/4/6-shift points) times the shifts per
     * cycle (1 SS, 2 DS).
     */
    public double serialStepRel(String pe, int groupSize) {
        double sxy = 0;
        double sxx = 0;
        for (Fig3Point p : points(pe, groupSize)) {
            sxy += p.shifts() * p.energyPerMacRel();
            sxx += (double) p.shifts() * p.shifts();
        }
        return sxy / sxx * (pe.equals("DS") ? 2 : 1);
    }

    /** Fig. 3 area of an SS/DS PE relative to an FXP PE of the same group size. */
    public double areaRel(String pe, int groupSize) {
        return points(pe, groupSize).get(0).areaRel();
    }

    private List<Fig3Point> points(String pe, int groupSize) {
        List<Fig3Point> r = new ArrayList<>();
        for (Fig3Point p : fig3) {
            if (p.pe().equals(pe) && p.groupSize() == groupSize) {
                r.add(p);
            }
        }
        if (r.isEmpty()) {
            throw new IllegalArgumentException("pe_cost_fig3.csv has no " + pe + " points for group size "
                    + groupSize + " (Fig. 3 covers M = 2, 4, 8, 16)");
        }
        return r;
    }

    /** Lines stating every cost assumption and its source, printed with results. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "tech scaling 45->28 nm factor %.4f = (%s/%s nm) * (%s/%s V)^2",
                techScale(), fmt(raw("node_to_nm")), fmt(raw("node_from_nm")), fmt(raw("vdd_to")),
                fmt(raw("vdd_from"))));
        for (Entry e : entries.values()) {
            out.add(String.format(Locale.ROOT, "%s = %s %s%s [%s]", e.key(), fmt(e.value()), e.unit(),
                    e.scaled() ? String.format(Locale.ROOT, " (x%.4f at 28 nm)", techScale()) : "", e.source()));
        }
        return out;
    }

    static String fmt(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
