package org.swis.reference.golden;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.swis.reference.SwisInputException;

/**
 * A small strict reader and writer of NumPy {@code .npy} files (format version 1.0), integer dtypes
 * only: {@code |u1 |i1 <i2 <i4 <i8} (little-endian), C order. The writer pads the header with spaces
 * and a final newline so that the data starts at a multiple of 64 bytes, as NumPy does.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern HEADER = Pattern.compile(
            "\\{'descr': '([<|][iu][1248])', 'fortran_order': (True|False), 'shape': \\(([0-9, ]*)\\), \\}\\s*");

    /** An integer array with its NumPy dtype and shape; values widened to long. */
    public record Array(String descr, int[] shape, long[] data) {
        public Array {
            shape = shape.clone();
            data = data.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        @Override
        public long[] data() {
            return data.clone();
        }

        /** Element count implied by the shape. */
        public long count() {
            long n = 1;
            for (int s : shape) {
                n *= s;
            }
            return n;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Array a && a.descr.equals(descr) && Arrays.equals(a.shape, shape)
                    && Arrays.equals(a.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
        }
    }

    private Npy() {
    }

    private static int itemSize(String descr) {
        return descr.charAt(descr.length() - 1) - '0';
    }

    private static long[] range(String descr) {
        int bits = itemSize(descr) * 8;
        if (descr.charAt(1) == 'u') {
            return new long[] {0, (1L << bits) - 1};
        }
        return bits == 64 ? new long[] {Long.MIN_VALUE, Long.MAX_VALUE}
                : new long[] {-(1L << (bits - 1)), (1L << (bits - 1)) - 1};
    }

    /** Encodes an array; fails naming {@code field} if a value does not fit the dtype. */
    public static byte[] write(String field, String descr, int[] shape, long[] data) {
        if (!descr.matches("\\|u1|\\|i1|<i2|<i4|<i8")) {
            throw new SwisInputException(field + ".descr", descr, "|u1, |i1, <i2, <i4 or <i8");
        }
        long count = 1;
        StringBuilder sh = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            count *= shape[i];
            sh.append(shape[i]).append(i == 0 && shape.length == 1 ? "," : (i + 1 < shape.length ? ", " : ""));
        }
        if (count != data.length) {
            throw new SwisInputException(field + ".length", data.length, count + " for shape " + Arrays.toString(shape));
        }
        long[] r = range(descr);
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + sh + "), }";
        int total = MAGIC.length + 4 + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        StringBuilder header = new StringBuilder(dict);
        while (MAGIC.length + 4 + header.length() + 1 < padded) {
            header.append(' ');
        }
        header.append('\n');
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        int hl = header.length();
        out.write(hl & 0xFF);
        out.write(hl >> 8 & 0xFF);
        out.writeBytes(header.toString().getBytes(StandardCharsets.US_ASCII));
        int size = itemSize(descr);
        for (int i = 0; i < data.length; i++) {
            long v = data[i];
            if (v < r[0] || v > r[1]) {
                throw new SwisInputException(field + "[" + i + "]", v, descr + " range " + r[0] + ".." + r[1]);
            }
            for (int b = 0; b < size; b++) {
                out.write((int) (v >> (8 * b)) & 0xFF);
            }
        }
        return out.toByteArray();
    }

    /** Decodes a version 1.0 or 2.0 file with an integer dtype in C order; {@code file} names it in errors. */
    public static Array read(String file, byte[] bytes) {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new SwisInputException(file + ": magic", "", "\\x93NUMPY");
        }
        int major = bytes[6];
        int headerLen;
        int start;
        if (major == 1) {
            headerLen = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
            start = 10;
        } else if (major == 2 && bytes.length >= 12) {
            headerLen = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8 | (bytes[10] & 0xFF) << 16 | (bytes[11] & 0xFF) << 24;
            start = 12;
        } else {
            throw new SwisInputException(file + ": version", major, "1 or 2");
        }
        if (start + headerLen > bytes.length) {
            throw new SwisInputException(file + ": header length", headerLen, "at most " + (bytes.length - start));
        }
        String header = new String(bytes, start, headerLen, StandardCharsets.US_ASCII);
        Matcher mt = HEADER.matcher(header);
        if (!mt.matches()) {
            throw new SwisInputException(file + ": header", header.trim(),
                    "{'descr': '<i2'|..., 'fortran_order': False, 'shape': (...), }");
        }
        String descr = mt.group(1);
        if (descr.charAt(0) == '|' != (itemSize(descr) == 1)) {
            throw new SwisInputException(file + ": descr", descr, "|u1, |i1, <i2, <i4 or <i8");
        }
        if (descr.equals("<u1") || descr.charAt(1) == 'u' && itemSize(descr) > 1) {
            throw new SwisInputException(file + ": descr", descr, "|u1, |i1, <i2, <i4 or <i8");
        }
        if (mt.group(2).equals("True")) {
            throw new SwisInputException(file + ": fortran_order", "True", "False");
        }
        String[] parts = mt.group(3).split(",");
        int[] shape = Arrays.stream(parts).map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        long count = 1;
        for (int s : shape) {
            count *= s;
        }
        int size = itemSize(descr);
        int dataStart = start + headerLen;
        if (bytes.length - dataStart != count * size) {
            throw new SwisInputException(file + ": data length", bytes.length - dataStart,
                    count * size + " bytes for shape " + Arrays.toString(shape) + " of " + descr);
        }
        boolean unsigned = descr.charAt(1) == 'u';
        long[] data = new long[(int) count];
        for (int i = 0; i < count; i++) {
            long v = 0;
            for (int b = 0; b < size; b++) {
                v |= (long) (bytes[dataStart + i * size + b] & 0xFF) << (8 * b);
            }
            if (!unsigned && size < 8) {
                int sh = 64 - 8 * size;
                v = v << sh >> sh;
            }
            data[i] = v;
        }
        return new Array(descr, shape, data);
    }
}
