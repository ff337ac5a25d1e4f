package org.swis.reference.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.swis.reference.SwisInputException;

/**
 * The suite's one JSON reader and writer (JDK only): objects (insertion-ordered, duplicate keys
 * rejected), arrays, strings, numbers, booleans and null, nested at most {@link #MAX_DEPTH} deep.
 * {@link #parse} is the golden manifests' strict form: integers only ({@code long}), fractional
 * values are written there as strings. {@link #parseNumbers} also reads fractions and exponents, as
 * {@code Double} (integers stay {@code Long}), for documents written by other tools (graph.json, the
 * safetensors header, JMH output). The writer is deterministic (2-space indent; arrays of scalars on
 * one line). Every malformed document is a {@link SwisInputException} naming the file and offset.
 */
public final class Json {
    private Json() {
    }

    /** Serializes maps, lists, strings, Long/Integer, Boolean and null. */
    public static String write(Object v) {
        StringBuilder sb = new StringBuilder();
        write(sb, v, 0);
        return sb.append('\n').toString();
    }

    private static void write(StringBuilder sb, Object v, int indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            sb.append('"');
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            sb.append('"');
        } else if (v instanceof Long || v instanceof Integer || v instanceof Boolean) {
            sb.append(v);
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            int k = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append("  ".repeat(indent + 1));
                write(sb, String.valueOf(e.getKey()), indent + 1);
                sb.append(": ");
                write(sb, e.getValue(), indent + 1);
                sb.append(++k < m.size() ? ",\n" : "\n");
            }
            sb.append("  ".repeat(indent)).append('}');
        } else if (v instanceof List<?> l) {
            boolean scalars = l.stream().noneMatch(x -> x instanceof Map || x instanceof List);
            if (scalars) {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    write(sb, l.get(i), indent);
                    if (i + 1 < l.size()) {
                        sb.append(", ");
                    }
                }
                sb.append(']');
                return;
            }
            sb.append("[\n");
            for (int i = 0; i < l.size(); i++) {
                sb.append("  ".repeat(indent + 1));
                write(sb, l.get(i), indent + 1);
                sb.append(i + 1 < l.size() ? ",\n" : "\n");
            }
            sb.append("  ".repeat(indent)).append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + v.getClass());
        }
    }

    /** Deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 256;

    /** Parses a document; {@code file} names it in errors. Numbers must be integers. */
    public static Object parse(String file, String text) {
        return parse(file, text, false);
    }

    /**
     * Parses a document whose numbers may have fractions or exponents ({@code Double}); integers
     * stay {@code Long} (those beyond int64 become {@code Double}).
     */
    public static Object parseNumbers(String file, String text) {
        return parse(file, text, true);
    }

    private static Object parse(String file, String text, boolean fractions) {
        Parser p = new Parser(file, text, fractions);
        Object v = p.value();
        p.skip();
        if (p.pos != text.length()) {
            throw p.error("end of document");
        }
        return v;
    }

    private static final class Parser {
        private final String file;
        private final String s;
        private final boolean fractions;
        private int pos;
        private int depth;

        Parser(String file, String s, boolean fractions) {
            this.file = file;
            this.s = s;
            this.fractions = fractions;
        }

        SwisInputException error(String expected) {
            String near = s.substring(pos, Math.min(s.length(), pos + 20));
            return new SwisInputException(file + " at offset " + pos, near, expected);
        }

        void skip() {
            while (pos < s.length() && " \t\r\n".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
        }

        Object value() {
            skip();
            if (pos >= s.length()) {
                throw error("a JSON value");
            }
            char c = s.charAt(pos);
            if ((c == '{' || c == '[') && ++depth > MAX_DEPTH) {
                throw error("at most " + MAX_DEPTH + " nested arrays and objects");
            }
            if (c == '{') {
                pos++;
                Map<String, Object> m = new LinkedHashMap<>();
                skip();
                if (peek('}')) {
                    depth--;
                    return m;
                }
                do {
                    skip();
                    if (pos >= s.length() || s.charAt(pos) != '"') {
                        throw error("a string key");
                    }
                    String k = string();
                    skip();
                    expect(':');
                    if (m.put(k, value()) != null) {
                        throw error("no duplicate key \"" + k + "\"");
                    }
                    skip();
                } while (peek(','));
                expect('}');
                depth--;
                return m;
            }
            if (c == '[') {
                pos++;
                List<Object> l = new ArrayList<>();
                skip();
                if (peek(']')) {
                    depth--;
                    return l;
                }
                do {
                    l.add(value());
                    skip();
                } while (peek(','));
                expect(']');
                depth--;
                return l;
            }
            if (c == '"') {
                return string();
            }
            if (s.startsWith("true", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", pos)) {
                pos += 4;
                return null;
            }
            int start = pos;
            if (c == '-') {
                pos++;
            }
            while (pos < s.length() && digit(s.charAt(pos))) {
                pos++;
            }
            if (pos == start || pos == start + 1 && c == '-') {
                throw error("a JSON value (numbers must be integers)");
            }
            if (pos < s.length() && ".eE".indexOf(s.charAt(pos)) >= 0) {
                if (!fractions) {
                    throw error("an integer (fractions are written as strings)");
                }
                return fraction(start);
            }
            try {
                return Long.parseLong(s.substring(start, pos));
            } catch (NumberFormatException e) {
                if (fractions) {
                    // Beyond int64: a number like any other JSON number, so a reader expecting an
                    // integer reports its own field rather than a syntax error.
                    double big = Double.parseDouble(s.substring(start, pos));
                    if (!Double.isFinite(big)) {
                        throw error("a finite number");
                    }
                    return big;
                }
                throw error("an integer in the range of int64");
            }
        }

        /** The rest of a number with a fraction and/or exponent (JSON grammar), as a finite double. */
        Object fraction(int start) {
            if (peek('.')) {
                int digits = pos;
                while (pos < s.length() && digit(s.charAt(pos))) {
                    pos++;
                }
                if (pos == digits) {
                    throw error("digits after the decimal point");
                }
            }
            if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                pos++;
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    pos++;
                }
                int digits = pos;
                while (pos < s.length() && digit(s.charAt(pos))) {
                    pos++;
                }
                if (pos == digits) {
                    throw error("exponent digits");
                }
            }
            double v = Double.parseDouble(s.substring(start, pos));
            if (!Double.isFinite(v)) {
                throw error("a finite number");
            }
            return v;
        }

        /**
         * JSON's digits are ASCII '0'-'9' only: {@link Character#isDigit} also accepts other scripts'
         * digits, which {@link Double#parseDouble} then rejects with an unchecked exception.
         */
        static boolean digit(char c) {
            return c >= '0' && c <= '9';
        }

        /** The value of an ASCII hex digit of a backslash-u escape, or -1. */
        static int hexDigit(char c) {
            if (digit(c)) {
                return c - '0';
            }
            if (c >= 'a' && c <= 'f') {
                return c - 'a' + 10;
            }
            if (c >= 'A' && c <= 'F') {
                return c - 'A' + 10;
            }
            return -1;
        }

        boolean peek(char c) {
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            skip();
            if (!peek(c)) {
                throw error("'" + c + "'");
            }
        }

        String string() {
            pos++;
            StringBuilder sb = new StringBuilder();
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    if (pos >= s.length()) {
                        break;
                    }
                    char e = s.charAt(pos++);
                    switch (e) {
                        case '"', '\\', '/' -> sb.append(e);
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            if (pos + 4 > s.length()) {
                                throw error("4 hex digits");
                            }
                            int u = 0;
                            for (int k = 0; k < 4; k++) {
                                int d = hexDigit(s.charAt(pos + k));
                                if (d < 0) {
                                    throw error("4 hex digits");
                                }
                                u = u * 16 + d;
                            }
                            sb.append((char) u);
                            pos += 4;
                        }
                        default -> throw error("a valid escape");
                    }
                } else {
                    sb.append(c);
                }
            }
            throw error("a closing quote");
        }
    }
}
