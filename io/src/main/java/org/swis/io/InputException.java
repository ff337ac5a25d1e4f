package org.swis.io;

/**
 * Bad input supplied by the user: a file, a field in it, what was expected and what was found.
 * The command line maps it to exit code 2 and prints {@link #getMessage()} as a single line.
 */
public class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String field;
    private final String expected;
    private final String found;

    /**
     * @param file     the offending file (or option) as the user named it
     * @param field    the field, entry or byte range inside it
     * @param expected what a valid input has there
     * @param found    what the input has there instead
     */
    public InputException(String file, String field, String expected, String found) {
        this(file, field, expected, found, null);
    }

    public InputException(String file, String field, String expected, String found, Throwable cause) {
        super(format(file, field, expected, found), cause);
        this.file = file;
        this.field = field;
        this.expected = expected;
        this.found = found;
    }

    private static String format(String file, String field, String expected, String found) {
        return oneLine(file) + ": " + oneLine(field) + ": expected " + oneLine(expected)
                + ", found " + oneLine(found);
    }

    /** Longest part of a message kept (a list of every kernel family's names fits). */
    private static final int PART = 320;

    /** Keeps messages on one line and short, whatever bytes the input contained. */
    public static String oneLine(String s) {
        if (s == null) {
            return "(none)";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), PART));
        for (int i = 0; i < s.length() && b.length() < PART; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (b.length() < s.length()) {
            b.append("...");
        }
        return b.toString();
    }

    public String file() {
        return file;
    }

    public String field() {
        return field;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }
}
