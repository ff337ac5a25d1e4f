package org.swis.reference.swis;

/** The two SWIS decompositions (paper §2.2). */
public enum Scheme {
    /** Any N of the 8 bit positions: C(8, N) support vectors per group (Eq. 5-6). */
    SWIS("swis"),
    /** N consecutive bit positions: the 9 - N windows {o, ..., o + N - 1}, one offset per group. */
    SWIS_C("swis-c");

    private final String id;

    Scheme(String id) {
        this.id = id;
    }

    /** Stable lower-case name used in files and on the command line. */
    public String id() {
        return id;
    }

    public static Scheme parse(String text) {
        for (Scheme s : values()) {
            if (s.id.equalsIgnoreCase(text) || s.name().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new org.swis.reference.SwisInputException("scheme", text, "swis or swis-c");
    }
}
