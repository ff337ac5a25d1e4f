package org.swis.reference.npy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Predicate;
import org.swis.reference.SwisInputException;

/**
 * The header of a {@code .npy} file (numpy format versions 1.0, 2.0, 3.0): magic {@code \x93NUMPY},
 * version, little-endian header length (2 bytes in 1.0, 4 bytes otherwise), then a Python dict
 * literal with exactly the keys {@code descr}, {@code fortran_order} and {@code shape}. Parsed
 * strictly; dims are validated (non-negative, product at most {@link #MAX_ELEMENTS}). The suite's one
 * npy header parser: the golden vectors and the weight importers both read through it, each with
 * its own set of accepted {@code descr} values. Every violation is a {@link SwisInputException}
 * whose field starts with the caller's {@code where} prefix.
 *
 * @param descr        the dtype string as written, e.g. {@code "<f4"} or {@code "|i1"}
 * @param fortranOrder true when the data is column-major
 * @param shape        the dims
 * @param headerBytes  total bytes before the data (magic, version, length field, dict)
 */
public record NpyHeader(String descr, boolean fortranOrder, int[] shape, int headerBytes) {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy refuses headers above 10000 bytes by default ({@code max_header_size}); so do we. */
    static final int MAX_DICT_BYTES = 10_000;
    /** Largest element count a Java array can hold on every common JVM. */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    /** Largest rank accepted (numpy 2 allows 64 axes). */
    public static final int MAX_RANK = 64;

    public NpyHeader {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Bytes per element: the digits that end {@code descr} ({@code "<i4"} is 4). */
    public int itemSize() {
        int i = descr.length();
        while (i > 0 && Character.isDigit(descr.charAt(i - 1))) {
            i--;
        }
        return Integer.parseInt(descr.substring(i));
    }

    /** Elements implied by the shape. */
    public long count() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Bytes of element data that must follow the header. */
    public long dataBytes() {
        return count() * itemSize();
    }

    /**
     * Checks that exactly {@link #dataBytes()} bytes follow the header ({@code available} counts the
     * bytes after it); a lying shape is rejected here, before any data array is allocated.
     */
    public void requireDataBytes(long available, String where) {
        if (available != dataBytes()) {
            throw new SwisInputException(where + "data size",
                    Math.max(0, available) + " bytes after the " + headerBytes + "-byte header",
                    dataBytes() + " bytes for shape " + format(shape) + " " + descr);
        }
    }

    /**
     * Reads and validates the header; {@code in} is left at the first data byte.
     *
     * @param where         prefix of every error's field (the file or archive entry, or "")
     * @param descrOk       the {@code descr} values the caller can decode
     * @param descrExpected those values as listed in an error message
     */
    public static NpyHeader read(InputStream in, String where, Predicate<String> descrOk, String descrExpected)
            throws IOException {
        byte[] pre = in.readNBytes(8);
        if (pre.length < 8) {
            throw new SwisInputException(where + "magic", pre.length + " bytes (file truncated)",
                    "\\x93NUMPY and 2 version bytes");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (pre[i] != MAGIC[i]) {
                throw new SwisInputException(where + "magic", hex(pre, 6), "\\x93NUMPY (a .npy file)");
            }
        }
        int major = pre[6] & 0xff;
        int minor = pre[7] & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw new SwisInputException(where + "version", major + "." + minor, "1.0, 2.0 or 3.0");
        }
        int lenBytes = major == 1 ? 2 : 4;
        byte[] lenField = in.readNBytes(lenBytes);
        if (lenField.length < lenBytes) {
            throw new SwisInputException(where + "header length", lenField.length + " bytes (file truncated)",
                    lenBytes + " bytes");
        }
        long dictLen = 0;
        for (int i = lenBytes - 1; i >= 0; i--) {
            dictLen = (dictLen << 8) | (lenField[i] & 0xff);
        }
        if (dictLen > MAX_DICT_BYTES) {
            throw new SwisInputException(where + "header length", Long.toString(dictLen),
                    "at most " + MAX_DICT_BYTES + " bytes");
        }
        byte[] dictBytes = in.readNBytes((int) dictLen);
        if (dictBytes.length < dictLen) {
            throw new SwisInputException(where + "header", dictBytes.length + " bytes (file truncated)",
                    dictLen + " bytes");
        }
        String dict = new String(dictBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return new DictParser(dict, where, descrOk, descrExpected).parse(8 + lenBytes + (int) dictLen);
    }

    /** Product of the dims (1 for a scalar); -1 when a dim is negative or the product exceeds {@link #MAX_ELEMENTS}. */
    public static long count(long[] shape) {
        long n = 1;
        boolean zero = false;
        for (long d : shape) {
            if (d < 0) {
                return -1;
            }
            if (d == 0) {
                zero = true;
            }
        }
        if (zero) {
            // A zero dim makes the product 0 whatever the other dims, but they must still be array-sized.
            for (long d : shape) {
                if (d > MAX_ELEMENTS) {
                    return -1;
                }
            }
            return 0;
        }
        for (long d : shape) {
            if (d > MAX_ELEMENTS || n > MAX_ELEMENTS / d) {
                return -1;
            }
            n *= d;
        }
        return n;
    }

    /** Dims joined by "x" ("16x3x3x3"); "scalar" for rank 0. */
    public static String format(long[] shape) {
        if (shape.length == 0) {
            return "scalar";
        }
        StringJoiner j = new StringJoiner("x");
        for (long d : shape) {
            j.add(Long.toString(d));
        }
        return j.toString();
    }

    private static String format(int[] shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = shape[i];
        }
        return format(s);
    }

    private static String hex(byte[] b, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(n, b.length); i++) {
            s.append(String.format("%02x", b[i] & 0xff));
        }
        return "bytes " + s;
    }

    /** A strict parser for the subset of Python literal syntax numpy writes in the header. */
    private static final class DictParser {
        private final String s;
        private final String where;
        private final Predicate<String> descrOk;
        private final String descrExpected;
        private int pos;

        DictParser(String s, String where, Predicate<String> descrOk, String descrExpected) {
            this.s = s;
            this.where = where;
            this.descrOk = descrOk;
            this.descrExpected = descrExpected;
        }

        NpyHeader parse(int headerBytes) {
            skipSpace();
            expect('{');
            String descr = null;
            Boolean fortran = null;
            long[] shape = null;
            Set<String> seen = new HashSet<>();
            skipSpace();
            while (peek() != '}') {
                String key = string("key");
                if (!seen.add(key)) {
                    throw error("header key '" + key + "'", "each key once", "a duplicate");
                }
                skipSpace();
                expect(':');
                skipSpace();
                switch (key) {
                    case "descr":
                        descr = string("descr");
                        break;
                    case "fortran_order":
                        fortran = bool();
                        break;
                    case "shape":
                        shape = tuple();
                        break;
                    default:
                        throw error("header key", "descr, fortran_order or shape", "'" + key + "'");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                    skipSpace();
                } else if (peek() != '}') {
                    throw error("header", "',' or '}' at offset " + pos, describe());
                }
            }
            pos++;
            while (pos < s.length()) {
                char c = s.charAt(pos++);
                if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\0') {
                    throw error("header", "padding spaces and '\\n' after the dict", "'" + c + "' at offset " + (pos - 1));
                }
            }
            if (descr == null || fortran == null || shape == null) {
                throw error("header keys", "descr, fortran_order and shape",
                        "missing " + (descr == null ? "descr" : fortran == null ? "fortran_order" : "shape"));
            }
            if (!descr.matches("[<>|=][a-zA-Z][0-9]{1,2}") || !descrOk.test(descr)) {
                throw error("descr", descrExpected, "'" + descr + "'");
            }
            if (count(shape) < 0) {
                throw error("shape", "non-negative dims with at most " + MAX_ELEMENTS + " elements",
                        "(" + format(shape).replace('x', ',') + ")");
            }
            int[] dims = new int[shape.length];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = Math.toIntExact(shape[i]);
            }
            return new NpyHeader(descr, fortran, dims, headerBytes);
        }

        private SwisInputException error(String field, String expected, String found) {
            return new SwisInputException(where + field, found, expected);
        }

        private String describe() {
            return pos >= s.length() ? "end of header" : "'" + s.charAt(pos) + "' at offset " + pos;
        }

        private char peek() {
            if (pos >= s.length()) {
                throw error("header", "a complete Python dict literal", "end of header at offset " + pos);
            }
            return s.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("header", "'" + c + "' at offset " + pos, describe());
            }
            pos++;
        }

        private void skipSpace() {
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == '\n'
                    || s.charAt(pos) == '\r')) {
                pos++;
            }
        }

        private String string(String what) {
            char q = peek();
            if (q != '\'' && q != '"') {
                throw error("header " + what, "a quoted string at offset " + pos, describe());
            }
            int end = s.indexOf(q, pos + 1);
            if (end < 0) {
                throw error("header " + what, "a closing quote", "end of header");
            }
            String v = s.substring(pos + 1, end);
            if (v.indexOf('\\') >= 0 || v.indexOf('\n') >= 0) {
                throw error("header " + what, "a plain string without escapes", "'" + v + "'");
            }
            pos = end + 1;
            return v;
        }

        private boolean bool() {
            if (s.startsWith("True", pos)) {
                pos += 4;
                return true;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return false;
            }
            throw error("fortran_order", "True or False", describe());
        }

        private long[] tuple() {
            expect('(');
            skipSpace();
            List<Long> dims = new ArrayList<>();
            boolean trailingComma = false;
            while (peek() != ')') {
                if (dims.size() >= MAX_RANK) {
                    throw error("shape", "at most " + MAX_RANK + " dims", "more");
                }
                dims.add(dim());
                skipSpace();
                trailingComma = false;
                if (peek() == ',') {
                    pos++;
                    trailingComma = true;
                    skipSpace();
                } else if (peek() != ')') {
                    throw error("shape", "',' or ')' at offset " + pos, describe());
                }
            }
            pos++;
            if (dims.size() == 1 && !trailingComma) {
                throw error("shape", "a tuple such as (3,)", "a parenthesised number without comma");
            }
            long[] out = new long[dims.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = dims.get(i);
            }
            return out;
        }

        private long dim() {
            int start = pos;
            if (peek() == '-') {
                throw error("shape", "non-negative dims", "a negative dim at offset " + pos);
            }
            long v = 0;
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                v = v * 10 + (s.charAt(pos) - '0');
                if (v > MAX_ELEMENTS) {
                    throw error("shape", "dims of at most " + MAX_ELEMENTS, "a larger dim at offset " + start);
                }
                pos++;
            }
            if (pos == start) {
                throw error("shape", "an integer dim at offset " + pos, describe());
            }
            if (pos < s.length() && s.charAt(pos) == 'L') {
                pos++; // Python 2 long suffix, written by numpy under Python 2
            }
            return v;
        }
    }
}
