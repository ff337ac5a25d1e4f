package org.swis.cli.report;

import java.util.Locale;

/** Number formatting shared by every table the suite writes: fixed, locale-free, deterministic. */
public final class Formats {
    private Formats() {
    }

    /** Six significant digits in scientific notation; "inf" / "-inf" / "nan" spelled out. */
    public static String sci(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%.6e", v);
    }

    /** Fixed decimals. */
    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** A target such as 2, 2.5 or 3.25 written without trailing zeros. */
    public static String target(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
