package org.swis.reference.golden;

import org.swis.reference.json.Json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.swis.reference.SwisInputException;

class NpyJsonTest {
    @Test
    void npyHeaderIsNumpyV1AlignedTo64() {
        byte[] b = Npy.write("x", "<i2", new int[] {2, 3}, new long[] {1, -2, 3, -4, 5, -32768});
        assertEquals((byte) 0x93, b[0]);
        assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, b[6]);
        assertEquals(0, b[7]);
        int hl = (b[8] & 0xFF) | (b[9] & 0xFF) << 8;
        assertEquals(0, (10 + hl) % 64);
        String header = new String(b, 10, hl, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<i2', 'fortran_order': False, 'shape': (2, 3), }"), header);
        assertTrue(header.endsWith("\n"));
        // little-endian: -2 = 0xFFFE -> FE FF
        assertEquals((byte) 0xFE, b[10 + hl + 2]);
        assertEquals((byte) 0xFF, b[10 + hl + 3]);
        Npy.Array a = Npy.read("x", b);
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new long[] {1, -2, 3, -4, 5, -32768}, a.data());
    }

    @Test
    void npyOneDimensionalShapeHasTheTrailingComma() {
        byte[] b = Npy.write("x", "|u1", new int[] {3}, new long[] {0, 128, 255});
        assertTrue(new String(b, StandardCharsets.US_ASCII).contains("'shape': (3,), }"));
        assertArrayEquals(new long[] {0, 128, 255}, Npy.read("x", b).data());
        assertArrayEquals(new long[] {-1, 127}, Npy.read("y", Npy.write("y", "|i1", new int[] {2}, new long[] {-1, 127})).data());
    }

    @Test
    void npyRejectsOutOfRangeFortranOrderAndTruncatedData() {
        assertEquals("x[1]", assertThrows(SwisInputException.class,
                () -> Npy.write("x", "|u1", new int[] {2}, new long[] {0, 256})).field());
        byte[] ok = Npy.write("x", "<i4", new int[] {2}, new long[] {1, 2});
        byte[] fortran = new String(ok, StandardCharsets.ISO_8859_1).replace("False", "True ").getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(SwisInputException.class, () -> Npy.read("f.npy", fortran));
        SwisInputException e = assertThrows(SwisInputException.class, () -> Npy.read("t.npy", Arrays.copyOf(ok, ok.length - 1)));
        assertEquals("t.npy: data size", e.field());
    }

    @Test
    void jsonRoundTripsAndRejectsFractionsAndDuplicates() {
        Map<?, ?> m = (Map<?, ?>) Json.parse("m", "{\"a\": [1, -2, \"x\\\"y\"], \"b\": null, \"c\": true}");
        assertEquals(List.of(1L, -2L, "x\"y"), m.get("a"));
        assertEquals(m, Json.parse("m2", Json.write(m)));
        assertThrows(SwisInputException.class, () -> Json.parse("f.json", "{\"a\": 2.5}"));
        SwisInputException e = assertThrows(SwisInputException.class, () -> Json.parse("d.json", "{\"a\": 1, \"a\": 2}"));
        assertTrue(e.field().startsWith("d.json at offset"), e.field());
        assertThrows(SwisInputException.class, () -> Json.parse("t.json", "{} x"));
    }

    @Test
    void jsonDigitsAreAsciiOnly() {
        // U+0663 ARABIC-INDIC DIGIT THREE and U+FF21 FULLWIDTH A: digits and letters to
        // Character.isDigit/digit, not to JSON; once they escaped as NumberFormatException.
        for (String doc : new String[] {"[\u0663]", "[1.\u0663]", "[1e\u0663]", "[99999999999999999999\u0663]",
                "[\"\\u00\u0663\u0663\"]", "[\"\\u00\uff21\uff21\"]"}) {
            SwisInputException e = assertThrows(SwisInputException.class, () -> Json.parseNumbers("u.json", doc), doc);
            assertTrue(e.field().startsWith("u.json at offset"), e.field());
        }
        assertEquals(List.of(1.5e3, "\u00ff"), Json.parseNumbers("a.json", "[1.5E3, \"\\u00fF\"]"));
    }
}
