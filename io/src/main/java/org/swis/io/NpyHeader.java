package org.swis.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The header of a {@code .npy} file (numpy format versions 1.0, 2.0, 3.0): magic {@code \x93NUMPY},
 * version, little-endian header length (2 bytes in 1.0, 4 bytes otherwise), then a Python dict
 * literal with exactly the keys {@code descr}, {@code fortran_order} and {@code shape}. Parsed
 * strictly; dims are validated (non-negative, product at most {@link Shapes#MAX_ELEMENTS}).
 *
 * @param dtype        element type from {@code descr}
 * @param fortranOrder true when the data is column-major
 * @param shape        the dims
 * @param headerBytes  total bytes before the data (magic, version, length field, dict)
 */
public record NpyHeader(DType dtype, boolean fortranOrder, int[] shape, int headerBytes) {
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy refuses headers above 10000 bytes by default ({@code max_header_size}); so do we. */
    static final int MAX_DICT_BYTES = 10_000;

    public NpyHeader {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Bytes of element data that must follow the header. */
    public long dataBytes() {
        return Shapes.count(shape) * dtype.itemSize();
    }

    /** Reads and validates the header; {@code in} is left at the first data byte. */
    static NpyHeader read(InputStream in, String file, String entry) throws IOException, ImportException {
        byte[] pre = in.readNBytes(8);
        String where = entry == null ? "" : entry + " ";
        if (pre.length < 8) {
            throw new ImportException(file, where + "magic", "\\x93NUMPY and 2 version bytes",
                    pre.length + " bytes (file truncated)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (pre[i] != MAGIC[i]) {
                throw new ImportException(file, where + "magic", "\\x93NUMPY (a .npy file)", hex(pre, 6));
            }
        }
        int major = pre[6] & 0xff;
        int minor = pre[7] & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw new ImportException(file, where + "version", "1.0, 2.0 or 3.0", major + "." + minor);
        }
        int lenBytes = major == 1 ? 2 : 4;
        byte[] lenField = in.readNBytes(lenBytes);
        if (lenField.length < lenBytes) {
            throw new ImportException(file, where + "header length", lenBytes + " bytes",
                    lenField.length + " bytes (file truncated)");
        }
        long dictLen = 0;
        for (int i = lenBytes - 1; i >= 0; i--) {
            dictLen = (dictLen << 8) | (lenField[i] & 0xff);
        }
        if (dictLen > MAX_DICT_BYTES) {
            throw new ImportException(file, where + "header length", "at most " + MAX_DICT_BYTES + " bytes",
                    Long.toString(dictLen));
        }
        byte[] dictBytes = in.readNBytes((int) dictLen);
        if (dictBytes.length < dictLen) {
            throw new ImportException(file, where + "header", dictLen + " bytes",
                    dictBytes.length + " bytes (file truncated)");
        }
        String dict = new String(dictBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return new DictParser(dict, file, where).parse(8 + lenBytes + (int) dictLen);
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
        private final String file;
        private final String where;
        private int pos;

        DictParser(String s, String file, String where) {
            this.s = s;
            this.file = file;
            this.where = where;
        }

        NpyHeader parse(int headerBytes) throws ImportException {
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
            DType dtype = DType.fromNpyDescr(descr);
            if (dtype == null || dtype == DType.BF16) {
                throw error("descr", "one of <f4, <f2, |i1, |u1, <i4", "'" + descr + "'");
            }
            if (Shapes.count(shape) < 0) {
                throw error("shape", "non-negative dims with at most " + Shapes.MAX_ELEMENTS + " elements",
                        "(" + Shapes.format(shape).replace('x', ',') + ")");
            }
            return new NpyHeader(dtype, fortran, Shapes.toInts(shape), headerBytes);
        }

        private ImportException error(String field, String expected, String found) {
            return new ImportException(file, where + field, expected, found);
        }

        private String describe() {
            return pos >= s.length() ? "end of header" : "'" + s.charAt(pos) + "' at offset " + pos;
        }

        private char peek() throws ImportException {
            if (pos >= s.length()) {
                throw error("header", "a complete Python dict literal", "end of header at offset " + pos);
            }
            return s.charAt(pos);
        }

        private void expect(char c) throws ImportException {
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

        private String string(String what) throws ImportException {
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

        private boolean bool() throws ImportException {
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

        private long[] tuple() throws ImportException {
            expect('(');
            skipSpace();
            List<Long> dims = new ArrayList<>();
            boolean trailingComma = false;
            while (peek() != ')') {
                if (dims.size() >= Shapes.MAX_RANK) {
                    throw error("shape", "at most " + Shapes.MAX_RANK + " dims", "more");
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

        private long dim() throws ImportException {
            int start = pos;
            if (peek() == '-') {
                throw error("shape", "non-negative dims", "a negative dim at offset " + pos);
            }
            long v = 0;
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                v = v * 10 + (s.charAt(pos) - '0');
                if (v > Shapes.MAX_ELEMENTS) {
                    throw error("shape", "dims of at most " + Shapes.MAX_ELEMENTS, "a larger dim at offset " + start);
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
