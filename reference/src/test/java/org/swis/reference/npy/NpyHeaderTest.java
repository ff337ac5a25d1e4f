package org.swis.reference.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.swis.reference.SwisInputException;

class NpyHeaderTest {
    /** Hand-built file: magic, version major.0, little-endian length (2 bytes in 1.0, else 4), dict, data. */
    private static byte[] file(int major, String dict, int dataBytes) {
        byte[] d = dict.getBytes(StandardCharsets.ISO_8859_1);
        int len = major == 1 ? 2 : 4;
        byte[] b = new byte[8 + len + d.length + dataBytes];
        byte[] pre = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0};
        System.arraycopy(pre, 0, b, 0, 8);
        for (int i = 0; i < len; i++) {
            b[8 + i] = (byte) (d.length >> (8 * i));
        }
        System.arraycopy(d, 0, b, 8 + len, d.length);
        return b;
    }

    private static NpyHeader read(byte[] b) throws IOException {
        return NpyHeader.read(new ByteArrayInputStream(b), "f.npy: ", d -> d.equals("<f4") || d.equals("|u1"), "<f4 or |u1");
    }

    @Test
    void keysInAnyOrderDoubleQuotesAndEveryVersionParse() throws IOException {
        for (int major = 1; major <= 3; major++) {
            String dict = "{\"shape\": (2, 3), \"fortran_order\": True, \"descr\": \"<f4\"}\n";
            NpyHeader h = read(file(major, dict, 24));
            assertEquals("<f4", h.descr());
            assertTrue(h.fortranOrder());
            assertArrayEquals(new int[] {2, 3}, h.shape());
            assertEquals(4, h.itemSize());
            assertEquals(24, h.dataBytes());
            assertEquals(8 + (major == 1 ? 2 : 4) + dict.length(), h.headerBytes());
            h.requireDataBytes(24, "f.npy: ");
        }
        NpyHeader scalar = read(file(1, "{'descr': '|u1', 'fortran_order': False, 'shape': (), }", 1));
        assertEquals(0, scalar.shape().length);
        assertFalse(scalar.fortranOrder());
        assertEquals(1, scalar.dataBytes());
    }

    @Test
    void errorsNameThePrefixedFieldWithExpectedAndFound() {
        byte[] bad = file(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", 8);
        bad[2] = 'X';
        SwisInputException magic = assertThrows(SwisInputException.class, () -> read(bad));
        assertEquals("f.npy: magic", magic.field());
        assertEquals("\\x93NUMPY (a .npy file)", magic.expected());
        assertEquals("bytes 934e584d5059", magic.value()); // 0x93 N X M P Y
        SwisInputException descr = assertThrows(SwisInputException.class,
                () -> read(file(1, "{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }", 16)));
        assertEquals("f.npy: descr", descr.field());
        assertEquals("<f4 or |u1", descr.expected());
        SwisInputException size = assertThrows(SwisInputException.class,
                () -> read(file(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", 8)).requireDataBytes(7, "f.npy: "));
        assertEquals("f.npy: data size", size.field());
        assertEquals("8 bytes for shape 2 <f4", size.expected());
        assertEquals("f.npy: shape", assertThrows(SwisInputException.class,
                () -> read(file(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (65536, 65536), }", 0))).field());
    }

    @Test
    void elementCountsAreExactOrRejected() {
        assertEquals(0, NpyHeader.count(new long[] {0, NpyHeader.MAX_ELEMENTS}));
        assertEquals(-1, NpyHeader.count(new long[] {0, NpyHeader.MAX_ELEMENTS + 1}));
        assertEquals(-1, NpyHeader.count(new long[] {65536, 65536}));
        assertEquals(-1, NpyHeader.count(new long[] {-1}));
        assertEquals(1, NpyHeader.count(new long[0]));
        assertEquals("scalar", NpyHeader.format(new long[0]));
        assertEquals("16x3x3x3", NpyHeader.format(new long[] {16, 3, 3, 3}));
    }
}
