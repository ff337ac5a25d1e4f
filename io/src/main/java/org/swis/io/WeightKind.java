package org.swis.io;

import java.util.Locale;

/** The operator a weight tensor belongs to, as in the manifest's {@code kind} column. */
public enum WeightKind {
    CONV, DEPTHWISE, LINEAR;

    /** Parses conv, depthwise or linear (case-insensitive); null for anything else. */
    public static WeightKind parse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "conv": return CONV;
            case "depthwise": return DEPTHWISE;
            case "linear": return LINEAR;
            default: return null;
        }
    }

    /** The manifest spelling. */
    public String manifestName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
