package org.swis.reference.mac;

import org.swis.reference.SwisInputException;

/**
 * The bit-parallel activation operand of the SWIS PE (paper §2.1: weights serial, activations 8-bit
 * parallel). UINT8 is the paper's post-ReLU case; INT8 is two's complement, and its sign combines with
 * the weight sign by ordinary multiplication: the term is {@code (sign_w ? -a : a)} with a in -128..127.
 */
public enum ActivationType {
    UINT8("uint8", 0, 255),
    INT8("int8", -128, 127);

    private final String id;
    private final int min;
    private final int max;

    ActivationType(String id, int min, int max) {
        this.id = id;
        this.min = min;
        this.max = max;
    }

    /** Stable lower-case name used in files. */
    public String id() {
        return id;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** Throws a {@link SwisInputException} naming {@code field} unless v is in range. */
    public int require(String field, int v) {
        if (v < min || v > max) {
            throw new SwisInputException(field, v, id + " (" + min + ".." + max + ")");
        }
        return v;
    }

    public static ActivationType parse(String text) {
        for (ActivationType t : values()) {
            if (t.id.equalsIgnoreCase(text == null ? "" : text.trim())) {
                return t;
            }
        }
        throw new SwisInputException("activation_type", text, "uint8 or int8");
    }
}
