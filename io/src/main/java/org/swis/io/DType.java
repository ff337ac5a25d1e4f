package org.swis.io;

import java.util.Locale;

/**
 * Element types the importers accept. Floating types are widened to {@code float} on import;
 * 8-bit integers are kept as bytes; {@code int32} is kept as ints.
 */
public enum DType {
    F32(4, "<f4", "F32"),
    F16(2, "<f2", "F16"),
    BF16(2, null, "BF16"),
    I8(1, "|i1", "I8"),
    U8(1, "|u1", "U8"),
    I32(4, "<i4", "I32");

    private final int itemSize;
    private final String npyDescr;
    private final String safetensorsName;

    DType(int itemSize, String npyDescr, String safetensorsName) {
        this.itemSize = itemSize;
        this.npyDescr = npyDescr;
        this.safetensorsName = safetensorsName;
    }

    /** Bytes per element. */
    public int itemSize() {
        return itemSize;
    }

    /** The numpy {@code descr} string, or null when numpy has no such type (bf16). */
    public String npyDescr() {
        return npyDescr;
    }

    /** The numpy descr when there is one, otherwise the safetensors name (for messages). */
    String npyDescrOrName() {
        return npyDescr != null ? npyDescr : safetensorsName;
    }

    /** The safetensors {@code dtype} string. */
    public String safetensorsName() {
        return safetensorsName;
    }

    /** True for types whose values are imported as {@code float}. */
    public boolean isFloating() {
        return this == F32 || this == F16 || this == BF16;
    }

    /** Name as in a manifest's dtype column: float32, float16, bfloat16, int8, uint8, int32. */
    public String manifestName() {
        switch (this) {
            case F32: return "float32";
            case F16: return "float16";
            case BF16: return "bfloat16";
            case I8: return "int8";
            case U8: return "uint8";
            default: return "int32";
        }
    }

    /** Parses a numpy descr; {@code '='} byte order is accepted only where it cannot matter (1-byte types). */
    static DType fromNpyDescr(String descr) {
        for (DType t : values()) {
            if (descr.equals(t.npyDescr)) {
                return t;
            }
        }
        // numpy writes single-byte types as '|i1'; '<i1' and '=i1' mean the same bytes.
        switch (descr) {
            case "<i1": case "=i1": return I8;
            case "<u1": case "=u1": return U8;
            default: return null;
        }
    }

    static DType fromSafetensors(String name) {
        for (DType t : values()) {
            if (name.equals(t.safetensorsName)) {
                return t;
            }
        }
        return null;
    }

    /** Parses a manifest dtype column value (case-insensitive). */
    public static DType fromManifest(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (DType t : values()) {
            if (n.equals(t.manifestName())) {
                return t;
            }
        }
        return null;
    }
}
