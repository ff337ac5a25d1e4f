package org.swis.cli.accuracy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.swis.network.accuracy.AccuracyRun;
import org.swis.network.accuracy.Method;
import org.swis.network.accuracy.Method.Family;
import org.swis.network.accuracy.Method.Schedule;

/**
 * A run's integer-mode rows laid out like the paper's Table 3: one row per N, columns SWIS SS / DS,
 * SWIS-C SS / DS (scheduled, 8 array columns), weight truncation, activation truncation; each cell
 * "this suite (paper)" when a paper network is given.
 */
public final class AccuracyTable {
    public static final List<String> COLUMNS = List.of("N", "SWIS SS", "SWIS DS", "SWIS-C SS", "SWIS-C DS", "Wgt trunc", "Act trunc");

    private AccuracyTable() {
    }

    /** Top-1 of the integer-mode row of this cell, or NaN. */
    static double cell(List<AccuracyRun.Row> rows, double n, int column) {
        for (AccuracyRun.Row r : rows) {
            Method m = r.method();
            if (r.wholeSet() || m.weightsOnly() || m.n() != n) {
                continue;
            }
            boolean hit = switch (column) {
                case 0 -> m.family() == Family.SWIS && m.schedule() == Schedule.SS && m.arrayColumns() == 8;
                case 1 -> m.family() == Family.SWIS && m.schedule() == Schedule.DS && m.arrayColumns() == 8;
                case 2 -> m.family() == Family.SWIS_C && m.schedule() == Schedule.SS && m.arrayColumns() == 8;
                case 3 -> m.family() == Family.SWIS_C && m.schedule() == Schedule.DS && m.arrayColumns() == 8;
                case 4 -> m.family() == Family.WEIGHT_TRUNC;
                case 5 -> m.family() == Family.ACT_TRUNC;
                default -> false;
            };
            if (hit) {
                return r.top1Percent();
            }
        }
        return Double.NaN;
    }

    /**
     * The table's rows (N values with at least one measured or published cell).
     *
     * @param paper the paper network's name in {@link PaperTable3#TABLE}, or null
     */
    public static List<List<String>> rows(List<AccuracyRun.Row> rows, String paper) {
        double[][] p = paper == null ? null : PaperTable3.TABLE.get(paper);
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < PaperTable3.N.length; i++) {
            double n = PaperTable3.N[i];
            List<String> line = new ArrayList<>();
            line.add(Method.number(n));
            boolean any = false;
            for (int c = 0; c < 6; c++) {
                double ours = cell(rows, n, c);
                double theirs = p == null ? Double.NaN : p[i][c];
                any |= !Double.isNaN(ours);
                String a = Double.isNaN(ours) ? "–" : String.format(Locale.ROOT, "%.1f", ours);
                line.add(p == null ? a : a + " (" + (Double.isNaN(theirs) ? "–" : String.format(Locale.ROOT, "%.1f", theirs)) + ")");
            }
            if (any) {
                out.add(line);
            }
        }
        return out;
    }
}
