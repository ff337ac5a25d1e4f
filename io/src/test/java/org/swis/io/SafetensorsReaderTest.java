package org.swis.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.swis.io.TestFiles.concat;
import static org.swis.io.TestFiles.f32;
import static org.swis.io.TestFiles.safetensors;
import static org.swis.io.TestFiles.u16;

class SafetensorsReaderTest {
    @TempDir
    Path dir;

    private Path write(byte[] b) throws Exception {
        return TestFiles.write(dir, b, ".safetensors");
    }

    static List<Tensor> readAll(Path p) throws ImportException {
        return TestFiles.readAll(SafetensorsReader.open(p));
    }

    private ImportException fails(String header, byte[] data) {
        return assertThrows(ImportException.class, () -> readAll(write(safetensors(header, data))));
    }

    @Test
    void allDtypesRoundTripInDataOffsetOrder() throws Exception {
        String h = "{\"__metadata__\":{\"format\":\"pt\"},"
                + "\"w8\":{\"dtype\":\"I8\",\"shape\":[2],\"data_offsets\":[20,22]},"
                + "\"w32\":{\"dtype\":\"F32\",\"shape\":[2,1],\"data_offsets\":[0,8]},"
                + "\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[8,12]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[12,16]},"
                + "\"i\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[16,20]},"
                + "\"e\":{\"dtype\":\"F32\",\"shape\":[0,3],\"data_offsets\":[22,22]}}";
        byte[] data = concat(f32(0.25f, -8f), u16(0x3C00, 0xC000), u16(0x3F80, 0xBF80), TestFiles.i32(-5),
                new byte[] {-128, 127});
        Path p = write(safetensors(h, data));
        try (SafetensorsReader r = SafetensorsReader.open(p)) {
            assertEquals(Map.of("format", "pt"), r.metadata());
            assertEquals(List.of("w32", "h", "b", "i", "w8", "e"), r.names());
        }
        List<Tensor> ts = readAll(p);
        assertArrayEquals(new float[] {0.25f, -8f}, ts.get(0).toFloats());
        assertArrayEquals(new int[] {2, 1}, ts.get(0).shape());
        assertArrayEquals(new float[] {1f, -2f}, ts.get(1).toFloats());
        assertArrayEquals(new float[] {1f, -1f}, ts.get(2).toFloats());
        assertArrayEquals(new int[] {-5}, ts.get(3).toInts());
        assertArrayEquals(new byte[] {-128, 127}, ts.get(4).toBytes());
        assertEquals(0, ts.get(5).count());
    }

    @Test
    void headerLengthBeyondTheFileIsRejected() throws Exception {
        byte[] b = safetensors("{}", new byte[0]);
        b[0] = 100;
        ImportException e = assertThrows(ImportException.class, () -> readAll(write(b)));
        assertEquals("header length", e.field());
        byte[] huge = safetensors("{}", new byte[0]);
        huge[7] = (byte) 0x80; // 2^63 as unsigned: negative as a Java long
        assertEquals("header length", assertThrows(ImportException.class, () -> readAll(write(huge))).field());
        assertEquals("header length", assertThrows(ImportException.class, () -> readAll(write(new byte[5]))).field());
    }

    @Test
    void overlappingRangesAreRejected() {
        ImportException e = fails("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8]);
        assertTrue(e.found().contains("overlapping"), e.getMessage());
    }

    @Test
    void gapsAndUncoveredTailsAreRejected() {
        assertTrue(fails("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", new byte[8])
                .found().contains("gap"));
        assertEquals("data section", fails("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}",
                new byte[8]).field());
    }

    @Test
    void sizeShapeAndOffsetLiesAreRejectedBeforeReadingData() {
        assertEquals("tensor 'a' data_offsets", fails("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]).field());
        assertEquals("tensor 'a' data_offsets", fails("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}}", new byte[8]).field());
        assertEquals("tensor 'a' data_offsets", fails("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[-8,0]}}", new byte[8]).field());
        assertEquals("tensor 'a' data_offsets", fails("{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", new byte[8]).field());
        assertEquals("tensor 'a' shape", fails("{\"a\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", new byte[8]).field());
        assertEquals("tensor 'a' shape", fails("{\"a\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,8]}}", new byte[8]).field());
        assertEquals("tensor 'a' shape", fails("{\"a\":{\"dtype\":\"F32\",\"shape\":[2.5],\"data_offsets\":[0,8]}}", new byte[8]).field());
        assertEquals("tensor 'a' data_offsets", fails("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,99999999999999999999999]}}", new byte[8]).field());
    }

    @Test
    void unknownDtypesKeysAndMalformedJsonAreRejected() {
        assertEquals("tensor 'a' dtype", fails("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8]).field());
        assertEquals("tensor 'a'", fails("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8],\"x\":1}}", new byte[8]).field());
        assertEquals("header", fails("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}", new byte[8]).field());
        assertEquals("header", fails("{\"a\":1,\"a\":2}", new byte[0]).field());
        assertEquals("header", fails("{} {}", new byte[0]).field());
        assertEquals("header", fails("[1,2]", new byte[0]).field());
        assertEquals("__metadata__.k", fails("{\"__metadata__\":{\"k\":1}}", new byte[0]).field());
    }

    @Test
    void paddedHeadersAsWrittenByTheReferenceImplementationAreAccepted() throws Exception {
        List<Tensor> ts = readAll(write(safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]}}    ", f32(7f))));
        assertEquals(7.0, ts.get(0).get(0));
        assertEquals(0, ts.get(0).rank());
    }
}
