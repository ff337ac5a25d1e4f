package org.swis.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.swis.io.TestFiles.f32;
import static org.swis.io.TestFiles.npy;
import static org.swis.io.TestFiles.npyWithDict;

class NpyReaderTest {
    @TempDir
    Path dir;

    static Tensor read(byte[] bytes) throws IOException, ImportException {
        return NpyReader.read(new ByteArrayInputStream(bytes), bytes.length, "t.npy", "t", null);
    }

    static ImportException fails(byte[] bytes) {
        return assertThrows(ImportException.class, () -> read(bytes));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void float32RoundTripsInEveryFormatVersion(int major) throws Exception {
        float[] v = {1.5f, -2f, 0f, Float.MIN_VALUE, 3.25f, -0f};
        Tensor t = read(npy(major, "<f4", false, new int[] {2, 3}, f32(v)));
        assertArrayEquals(new int[] {2, 3}, t.shape());
        assertEquals(DType.F32, t.dtype());
        assertArrayEquals(v, t.toFloats());
    }

    @Test
    void float16Int8Uint8Int32DecodeToTheirValues() throws Exception {
        assertArrayEquals(new float[] {1f, -2f, 0x1p-24f},
                read(npy(1, "<f2", false, new int[] {3}, TestFiles.u16(0x3C00, 0xC000, 0x0001))).toFloats());
        Tensor i8 = read(npy(1, "|i1", false, new int[] {3}, new byte[] {-128, 0, 127}));
        assertArrayEquals(new byte[] {-128, 0, 127}, i8.toBytes());
        assertEquals(-128.0, i8.get(0));
        Tensor u8 = read(npy(1, "|u1", false, new int[] {2}, new byte[] {(byte) 255, 1}));
        assertEquals(255.0, u8.get(0));
        assertArrayEquals(new int[] {Integer.MIN_VALUE, 7},
                read(npy(1, "<i4", false, new int[] {2}, TestFiles.i32(Integer.MIN_VALUE, 7))).toInts());
    }

    @Test
    void scalarAndEmptyShapes() throws Exception {
        Tensor scalar = read(npy(1, "<f4", false, new int[] {}, f32(4f)));
        assertEquals(0, scalar.rank());
        assertEquals(1, scalar.count());
        Tensor empty = read(npy(1, "<f4", false, new int[] {0, 5}, new byte[0]));
        assertEquals(0, empty.count());
    }

    @Test
    void fortranOrderEqualsTheCOrderTranspose() throws Exception {
        // C-order 2x3x4 values 0..23; Fortran bytes list them with the first axis fastest.
        int[] shape = {2, 3, 4};
        float[] c = new float[24];
        float[] fortranBytes = new float[24];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    float v = 100 * i + 10 * j + k;
                    c[(i * 3 + j) * 4 + k] = v;
                    fortranBytes[i + 2 * (j + 3 * k)] = v;
                }
            }
        }
        Tensor f = read(npy(1, "<f4", true, shape, f32(fortranBytes)));
        assertArrayEquals(shape, f.shape());
        assertArrayEquals(c, f.toFloats());
        Tensor i8 = read(npy(1, "|i1", true, new int[] {2, 2}, new byte[] {1, 3, 2, 4}));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, i8.toBytes());
    }

    @Test
    void readsAStandaloneFileNamedAfterIt() throws Exception {
        Path p = dir.resolve("conv.weight.npy");
        Files.write(p, npy(1, "<f4", false, new int[] {1}, f32(2f)));
        Tensor t = NpyReader.read(p);
        assertEquals("conv.weight", t.name());
    }

    @Test
    void wrongMagicIsRejectedNamingTheMagic() {
        byte[] b = npy(1, "<f4", false, new int[] {1}, f32(1f));
        b[1] = 'X';
        assertEquals("magic", fails(b).field());
    }

    @Test
    void truncatedFilesAreRejectedAtEveryLength() {
        byte[] b = npy(1, "<f4", false, new int[] {2, 2}, f32(1, 2, 3, 4));
        for (int len = 0; len < b.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(b, len);
            ImportException e = fails(cut);
            assertTrue(e.getMessage().startsWith("t.npy: "), e.getMessage());
        }
    }

    @Test
    void declaredShapeLargerThanTheDataIsRejectedBeforeAllocating() {
        // 2^29 x 2 floats would be 4 GiB: must fail on the size check, not with OutOfMemoryError.
        ImportException e = fails(npy(1, "<f4", false, new int[] {1 << 29, 2}, f32(1f)));
        assertEquals("data size", e.field());
    }

    @Test
    void absurdShapesAreRejected() {
        assertEquals("shape", fails(npyWithDict(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }", new byte[0])).field());
        assertEquals("shape", fails(npyWithDict(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }", new byte[0])).field());
        assertEquals("shape", fails(npyWithDict(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (65536, 65536), }", new byte[0])).field());
        assertEquals("shape", fails(npyWithDict(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (3), }", new byte[12])).field());
    }

    @Test
    void headerDictIsParsedStrictly() {
        assertEquals("descr", fails(npy(1, ">f4", false, new int[] {1}, f32(1f))).field());
        assertEquals("descr", fails(npy(1, "<f8", false, new int[] {1}, new byte[8])).field());
        assertEquals("header key", fails(npyWithDict(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'x': 1}", f32(1f))).field());
        assertEquals("header keys", fails(npyWithDict(1, "{'descr': '<f4', 'shape': (1,)}", f32(1f))).field());
        assertEquals("header key 'descr'", fails(npyWithDict(1, "{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, 'shape': (1,)}", f32(1f))).field());
        assertEquals("fortran_order", fails(npyWithDict(1, "{'descr': '<f4', 'fortran_order': 0, 'shape': (1,)}", f32(1f))).field());
        assertEquals("header", fails(npyWithDict(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (1,)} junk", f32(1f))).field());
        assertEquals("version", fails(npyWithDict(4, "{}", new byte[0])).field());
    }

    @Test
    void trailingBytesAfterTheDataAreRejected() {
        byte[] b = TestFiles.concat(npy(1, "<f4", false, new int[] {1}, f32(1f)), new byte[] {0});
        assertEquals("data size", fails(b).field());
    }

    @Test
    void doubleQuotesAndPython2LongSuffixAreAccepted() throws Exception {
        Tensor t = read(npyWithDict(1, "{\"descr\": \"<f4\", \"fortran_order\": False, \"shape\": (2L,)}", f32(1f, 2f)));
        assertArrayEquals(new float[] {1f, 2f}, t.toFloats());
    }
}
