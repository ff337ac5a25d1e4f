package org.swis.network.accuracy;

import java.util.Locale;

/**
 * One way of running a network (SPEC §14): the float network, or a weight / activation quantizer
 * with its shift or bit count, optional filter schedule, and whether activations are quantized too.
 *
 * @param family       fp32, int8, swis, swis-c, weight truncation, activation truncation or RTN
 * @param n            shifts per group (SWIS, SWIS-C; an average target when scheduled), window bits
 *                     (weight truncation), activation bits (activation truncation), bits k (RTN);
 *                     8 for int8, 32 for fp32
 * @param schedule     the filter schedule (SWIS, SWIS-C), else {@link Schedule#NONE}
 * @param arrayColumns the array columns the schedule shares a shift count across, 0 when unscheduled
 * @param weightsOnly  activations stay float (the weight error alone)
 */
public record Method(Family family, double n, Schedule schedule, int arrayColumns, boolean weightsOnly) {
    /** The method families. */
    public enum Family {
        FP32("fp32"), INT8("int8"), SWIS("swis"), SWIS_C("swis-c"), WEIGHT_TRUNC("wgt-trunc"),
        ACT_TRUNC("act-trunc"), RTN("rtn");

        private final String id;

        Family(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public boolean shifts() {
            return this == SWIS || this == SWIS_C;
        }

        static Family parse(String s) {
            for (Family f : values()) {
                if (f.id.equals(s)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** Filter schedule (paper §4.3, SPEC §6): none, single-shift PE or double-shift PE. */
    public enum Schedule {
        NONE("none"), SS("ss"), DS("ds");

        private final String id;

        Schedule(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public Method {
        if (family == null || schedule == null) {
            throw new IllegalArgumentException("family and schedule");
        }
        if (schedule != Schedule.NONE && !family.shifts()) {
            throw new IllegalArgumentException(family.id() + " has no filter schedule");
        }
        if ((schedule == Schedule.NONE) != (arrayColumns == 0)) {
            throw new IllegalArgumentException("array columns go with a schedule");
        }
        if (family == Family.FP32 && weightsOnly) {
            throw new IllegalArgumentException("fp32 has no weights-only mode");
        }
    }

    public static Method fp32() {
        return new Method(Family.FP32, 32, Schedule.NONE, 0, false);
    }

    public static Method int8(boolean weightsOnly) {
        return new Method(Family.INT8, 8, Schedule.NONE, 0, weightsOnly);
    }

    /** A method without a schedule. */
    public static Method of(Family family, double n, boolean weightsOnly) {
        return new Method(family, n, Schedule.NONE, 0, weightsOnly);
    }

    /** A scheduled SWIS / SWIS-C method. */
    public static Method scheduled(Family family, double target, Schedule schedule, int arrayColumns, boolean weightsOnly) {
        return new Method(family, target, schedule, arrayColumns, weightsOnly);
    }

    public Method withWeightsOnly(boolean w) {
        return family == Family.FP32 ? this : new Method(family, n, schedule, arrayColumns, w);
    }

    /** The mode column: {@code integer} (weights and activations quantized), {@code weights-only} or {@code float}. */
    public String mode() {
        return family == Family.FP32 ? "float" : weightsOnly ? "weights-only" : "integer";
    }

    /**
     * The method's text form, parsed back by {@link #parse}: {@code family[:n[:schedule:columns]]}, e.g.
     * {@code fp32}, {@code int8}, {@code swis:3}, {@code swis-c:3.5:ss:8}, {@code wgt-trunc:4},
     * {@code act-trunc:5}, {@code rtn:4}; {@code +w} at the end for weights-only.
     */
    public String id() {
        StringBuilder b = new StringBuilder(family.id());
        if (family != Family.FP32 && family != Family.INT8) {
            b.append(':').append(number(n));
        }
        if (schedule != Schedule.NONE) {
            b.append(':').append(schedule.id()).append(':').append(arrayColumns);
        }
        if (weightsOnly) {
            b.append("+w");
        }
        return b.toString();
    }

    /** Shortest decimal form: 3 or 3.5. */
    public static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    /**
     * Parses {@link #id()}'s form.
     *
     * @throws IllegalArgumentException naming what was expected
     */
    public static Method parse(String text) {
        String s = text.trim();
        boolean w = s.endsWith("+w");
        if (w) {
            s = s.substring(0, s.length() - 2);
        }
        String[] p = s.split(":", -1);
        Family f = Family.parse(p[0]);
        if (f == null) {
            throw new IllegalArgumentException("a method family (fp32, int8, swis, swis-c, wgt-trunc, act-trunc, rtn), found '" + p[0] + "'");
        }
        if (f == Family.FP32 || f == Family.INT8) {
            if (p.length != 1) {
                throw new IllegalArgumentException(f.id() + " without parameters, found '" + text + "'");
            }
            if (f == Family.FP32 && w) {
                throw new IllegalArgumentException("fp32 without +w, found '" + text + "'");
            }
            return f == Family.FP32 ? fp32() : int8(w);
        }
        if (p.length != 2 && !(f.shifts() && p.length == 4)) {
            throw new IllegalArgumentException(f.id() + ":N" + (f.shifts() ? "[:ss|ds:columns]" : "") + ", found '" + text + "'");
        }
        double n;
        try {
            n = Double.parseDouble(p[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a number after '" + f.id() + ":', found '" + p[1] + "'");
        }
        if (p.length == 2) {
            boolean integral = n == Math.rint(n);
            int lo = f == Family.RTN ? 2 : 1;
            int hi = f == Family.ACT_TRUNC || f == Family.WEIGHT_TRUNC ? 7 : 8;
            if (!integral || n < lo || n > hi) {
                throw new IllegalArgumentException("an integer " + lo + ".." + hi + " for " + f.id() + ", found '" + p[1] + "'");
            }
            return of(f, n, w);
        }
        Schedule sch = switch (p[2]) {
            case "ss" -> Schedule.SS;
            case "ds" -> Schedule.DS;
            default -> throw new IllegalArgumentException("ss or ds, found '" + p[2] + "'");
        };
        int cols;
        try {
            cols = Integer.parseInt(p[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("array columns (an integer), found '" + p[3] + "'");
        }
        if (cols < 1 || !(n >= 1 && n <= 8)) {
            throw new IllegalArgumentException("a target in [1, 8] and columns >= 1, found '" + text + "'");
        }
        return scheduled(f, n, sch, cols, w);
    }
}
