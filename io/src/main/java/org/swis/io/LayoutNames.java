package org.swis.io;

import java.util.Locale;
import org.swis.reference.tensor.Layout;

/**
 * The parser of layout strings (manifest column, {@code --layout} option) into the reference's
 * {@link Layout} (SPEC §1.4), and the rank rule used when nothing states a layout.
 */
public final class LayoutNames {
    private LayoutNames() {
    }

    /**
     * Parses a manifest layout cell such as {@code "OIHW (out, in, kh, kw)"} or an option value such
     * as {@code "hwio"}: the first word is the layout's token; the parenthesised axis list, when
     * present, must be that layout's ({@link Layout#axes()}).
     *
     * @return the layout, or null when the text names none
     */
    public static Layout parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        int paren = t.indexOf('(');
        String code = (paren >= 0 ? t.substring(0, paren) : t).trim().toUpperCase(Locale.ROOT);
        Layout layout = Layout.ofToken(code);
        if (layout == null) {
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
     * The layout assumed for a tensor no manifest or option describes: rank 2 is read as PyTorch OI
     * (out, in); callers warn when they use it. Every other rank gives null: a 4-D tensor's layout is
     * never guessed (OIHW, OHWI, HWIO and HWCM hold the same element count in different orders, so a
     * wrong guess silently changes every result); callers ask for {@code --layout} or a manifest.
     */
    public static Layout inferFromRank(int rank) {
        return rank == 2 ? Layout.OI : null;
    }

    /** The accepted spellings, for help texts and error messages. */
    public static String choices() {
        return Layout.CHOICES;
    }
}
