package org.swis.reference.golden;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.swis.reference.SwisInputException;
import org.swis.reference.npy.NpyHeader;

/**
 * A small strict reader and writer of NumPy {@code .npy} files (format version 1.0), integer dtypes
 * only: {@code |u1 |i1 <i2 <i4 <i8} (little-endian), C order. The writer pads the header with spaces
 * and a final newline so that the data starts at a multiple of 64 bytes, as NumPy does.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** The integer dtypes written and read. */
    private static final String DESCRS = "\\|u1|\\|i1|<i2|<i4|<i8";

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
        if (!descr.matches(DESCRS)) {
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

    /** Decodes a version 1.0, 2.0 or 3.0 file with an integer dtype in C order; {@code file} names it in errors. */
    public static Array read(String file, byte[] bytes) {
        String where = file + ": ";
        NpyHeader h;
        try {
            h = NpyHeader.read(new ByteArrayInputStream(bytes), where, d -> d.matches(DESCRS), "|u1, |i1, <i2, <i4 or <i8");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array cannot fail to read
        }
        if (h.fortranOrder()) {
            throw new SwisInputException(where + "fortran_order", "True", "False");
        }
        h.requireDataBytes(bytes.length - h.headerBytes(), where);
        String descr = h.descr();
        int[] shape = h.shape();
        long count = h.count();
        int size = h.itemSize();
        int dataStart = h.headerBytes();
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
