package org.swis.network.accuracy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.swis.network.accuracy.Method.Family;
import org.swis.network.accuracy.Method.Schedule;

/** The named method lists of {@code swis accuracy --grid} (SPEC §14.3). */
public final class MethodGrid {
    /** Unscheduled SWIS / SWIS-C shift counts of the full grid. */
    static final int[] UNSCHEDULED = {2, 3, 4, 5};
    /** Scheduled targets of the full grid (the paper's Table 2). */
    static final double[] TARGETS = {2, 2.5, 3, 3.5, 4};
    /** Scheduled targets of the Table-3 grid (the paper's Table 3 rows for MobileNet-v2). */
    static final double[] TABLE3_TARGETS = {2, 2.5, 3, 3.5, 4, 5};
    /** Array columns of the scheduled methods (the paper's SA = 8 and 16). */
    static final int[] COLUMNS = {8, 16};

    private MethodGrid() {
    }

    /** The grid names {@link #of} accepts. */
    public static final List<String> NAMES = List.of("quick", "table3", "full");

    /**
     * {@code quick}: fp32, int8, SWIS and SWIS-C at 3 and 4 (SS, 8 columns), weight and activation
     * truncation at 4 and 6, RTN 4; integer mode. {@code table3}: the paper's Table 3 columns (SWIS /
     * SWIS-C, SS / DS, 8 columns, targets 2..5; weight and activation truncation 2..7), integer mode.
     * {@code full}: every method of SPEC §14.3 (unscheduled 2..5, scheduled 2..4 in SS / DS at 8 and 16
     * columns, truncations 2..7, RTN 3..8), in integer mode and, all but activation truncation (whose
     * weights are int8's), in weights-only mode.
     *
     * @return null for an unknown name
     */
    public static List<Method> of(String name) {
        List<Method> out = new ArrayList<>();
        switch (name.toLowerCase(Locale.ROOT)) {
            case "quick" -> {
                out.add(Method.fp32());
                out.add(Method.int8(false));
                for (int n : new int[] {3, 4}) {
                    out.add(Method.scheduled(Family.SWIS, n, Schedule.SS, 8, false));
                    out.add(Method.scheduled(Family.SWIS_C, n, Schedule.SS, 8, false));
                }
                for (int n : new int[] {4, 6}) {
                    out.add(Method.of(Family.WEIGHT_TRUNC, n, false));
                    out.add(Method.of(Family.ACT_TRUNC, n, false));
                }
                out.add(Method.of(Family.RTN, 4, false));
            }
            case "table3" -> {
                out.add(Method.fp32());
                out.add(Method.int8(false));
                for (double t : TABLE3_TARGETS) {
                    for (Family f : new Family[] {Family.SWIS, Family.SWIS_C}) {
                        for (Schedule s : new Schedule[] {Schedule.SS, Schedule.DS}) {
                            out.add(Method.scheduled(f, t, s, 8, false));
                        }
                    }
                }
                for (int n = 2; n <= 7; n++) {
                    out.add(Method.of(Family.WEIGHT_TRUNC, n, false));
                    out.add(Method.of(Family.ACT_TRUNC, n, false));
                }
            }
            case "full" -> {
                List<Method> integer = new ArrayList<>();
                integer.add(Method.int8(false));
                for (Family f : new Family[] {Family.SWIS, Family.SWIS_C}) {
                    for (int n : UNSCHEDULED) {
                        integer.add(Method.of(f, n, false));
                    }
                    for (double t : TARGETS) {
                        for (Schedule s : new Schedule[] {Schedule.SS, Schedule.DS}) {
                            for (int c : COLUMNS) {
                                integer.add(Method.scheduled(f, t, s, c, false));
                            }
                        }
                    }
                }
                for (int n = 2; n <= 7; n++) {
                    integer.add(Method.of(Family.WEIGHT_TRUNC, n, false));
                    integer.add(Method.of(Family.ACT_TRUNC, n, false));
                }
                for (int k = 3; k <= 8; k++) {
                    integer.add(Method.of(Family.RTN, k, false));
                }
                out.add(Method.fp32());
                out.addAll(integer);
                for (Method m : integer) {
                    if (m.family() != Family.ACT_TRUNC) {
                        out.add(m.withWeightsOnly(true));
                    }
                }
            }
            default -> {
                return null;
            }
        }
        return out;
    }
}
