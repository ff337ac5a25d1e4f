package org.swis.io;

import java.util.Locale;

/**
 * The one place that maps layout spellings (manifest column, {@code --layout} option, tensor rank)
 * to {@link WeightLayout}. Kept small so it can be switched to the reference module's layout type.
 */
public final class LayoutNames {
    private LayoutNames() {
    }

    /**
     * Parses a manifest layout cell such as {@code "OIHW (out, in, kh, kw)"} or an option value such
     * as {@code "hwio"}: the first word decides; the parenthesised axis list, when present, must agree.
     *
     * @return the layout, or null when the text names none
     */
    public static WeightLayout parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        int paren = t.indexOf('(');
        String code = (paren >= 0 ? t.substring(0, paren) : t).trim().toUpperCase(Locale.ROOT);
        WeightLayout layout;
        try {
            layout = WeightLayout.valueOf(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (paren >= 0) {
            int close = t.lastIndexOf(')');
            if (close < paren) {
                return null;
            }
            String axes = t.substring(paren + 1, close).replaceAll("\\s+", " ").trim();
            if (!axes.equalsIgnoreCase(layout.axes())) {
                return null;
            }
        }
        return layout;
    }

    /**
     * The layout assumed when nothing says otherwise: rank 4 is read as PyTorch OIHW and rank 2 as
     * PyTorch OI (out, in); any other rank has no weight layout. Callers warn when they use this.
     */
    public static WeightLayout inferFromRank(int rank) {
        switch (rank) {
            case 4: return WeightLayout.OIHW;
            case 2: return WeightLayout.OI;
            default: return WeightLayout.UNKNOWN;
        }
    }

    /** The accepted spellings, for help texts and error messages. */
    public static String choices() {
        return "OIHW, HWIO, HWCM, OI, IO";
    }
}
