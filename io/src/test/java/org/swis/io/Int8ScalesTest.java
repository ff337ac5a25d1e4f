package org.swis.io;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.swis.io.TestFiles.concat;
import static org.swis.io.TestFiles.f32;
import static org.swis.io.TestFiles.safetensors;

class Int8ScalesTest {
    private static List<Tensor> readAll(String header, byte[] data) throws ImportException {
        return TestFiles.readAll(Int8Scales.pair(SafetensorsReader.of("s.safetensors", safetensors(header, data))));
    }

    @Test
    void perChannelScalesAttachToTheirInt8TensorWhicheverComesFirst() throws Exception {
        String h = "{\"w.scale\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"w\":{\"dtype\":\"I8\",\"shape\":[2,3],\"data_offsets\":[8,14]}}";
        List<Tensor> ts = readAll(h, concat(f32(0.5f, 0.25f), new byte[] {1, 2, 3, -1, -2, -3}));
        assertEquals(1, ts.size(), "the scale tensor is consumed");
        assertEquals("w", ts.get(0).name());
        assertArrayEquals(new float[] {0.5f, 0.25f}, ts.get(0).scales());
    }

    @Test
    void aScaleNextToAFloatTensorIsYieldedRightAfterIt() throws Exception {
        String h = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]},"
                + "\"w_scale\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}";
        List<Tensor> ts = readAll(h, f32(1f, 2f, 3f));
        assertEquals(List.of("w", "w_scale", "x"), ts.stream().map(Tensor::name).toList());
        assertNull(ts.get(0).scales());
    }

    @Test
    void scalesOfTheWrongCountOrSignAreRejected() {
        String wrongCount = "{\"w\":{\"dtype\":\"I8\",\"shape\":[2,3],\"data_offsets\":[0,6]},"
                + "\"w.scales\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[6,22]}}";
        assertEquals("tensor 'w.scales' shape", assertThrows(ImportException.class,
                () -> readAll(wrongCount, concat(new byte[6], f32(1, 1, 1, 1)))).field());
        String negative = "{\"w\":{\"dtype\":\"I8\",\"shape\":[2],\"data_offsets\":[0,2]},"
                + "\"w.scale\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[2,6]}}";
        assertEquals("tensor 'w.scale' values", assertThrows(ImportException.class,
                () -> readAll(negative, concat(new byte[2], f32(-1f)))).field());
    }
}
