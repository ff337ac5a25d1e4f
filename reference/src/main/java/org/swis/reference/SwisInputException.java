package org.swis.reference;

/**
 * Bad input to the reference: names the field, the offending value and what was expected.
 * Thrown before any result is built, so nothing half-done is ever returned.
 */
public final class SwisInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String value;
    private final String expected;

    public SwisInputException(String field, Object value, String expected) {
        super(field + " = " + value + ": expected " + expected);
        this.field = field;
        this.value = String.valueOf(value);
        this.expected = expected;
    }

    /** The name of the offending field, e.g. {@code "N"} or {@code "weights[17]"}. */
    public String field() {
        return field;
    }

    /** The offending value as text. */
    public String value() {
        return value;
    }

    /** What a valid input has in the field. */
    public String expected() {
        return expected;
    }

    /** Throws unless {@code lo <= v <= hi}. */
    public static int requireRange(String field, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new SwisInputException(field, v, "an integer in " + lo + ".." + hi);
        }
        return v;
    }
}
