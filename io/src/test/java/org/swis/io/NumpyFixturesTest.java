package org.swis.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Files written by numpy itself (see resources/org/swis/io/numpy/make_fixtures.py): np.savez
 * (STORED entries with zip64 local extra fields), np.savez_compressed (DEFLATED), Fortran order,
 * format 2.0, uint8 and int32. Expected values are the generator's formulas, computed here.
 */
class NumpyFixturesTest {
    static Path fixture(String name) throws URISyntaxException {
        return Path.of(NumpyFixturesTest.class.getResource("numpy/" + name).toURI());
    }

    /** a = arange(24).reshape(2,3,4) * 0.5 - 3, C order. */
    static float[] expectedA() {
        float[] a = new float[24];
        for (int i = 0; i < 24; i++) {
            a[i] = i * 0.5f - 3f;
        }
        return a;
    }

    @ParameterizedTest
    @ValueSource(strings = {"stored.npz", "deflated.npz"})
    void numpyArchivesLoadWithTheirShapesAndValues(String file) throws Exception {
        List<Tensor> ts = NpzReaderTest.readAll(fixture(file));
        assertEquals(List.of("a", "b", "h"), ts.stream().map(Tensor::name).toList());
        assertArrayEquals(new int[] {2, 3, 4}, ts.get(0).shape());
        assertArrayEquals(expectedA(), ts.get(0).toFloats());
        assertEquals(DType.I8, ts.get(1).dtype());
        assertArrayEquals(new int[] {3, 4}, ts.get(1).shape());
        byte[] b = ts.get(1).toBytes();
        for (int i = 0; i < 12; i++) {
            assertEquals(i - 6, b[i]);
        }
        assertEquals(DType.F16, ts.get(2).dtype());
        assertArrayEquals(new float[] {1f, -2f, 0.5f, 65504f, 0x1p-24f}, ts.get(2).toFloats());
    }

    @Test
    void fortranOrderAndVersion2FilesEqualTheCOrderArray() throws Exception {
        assertArrayEquals(expectedA(), NpyReader.read(fixture("fortran.npy")).toFloats());
        assertArrayEquals(new int[] {2, 3, 4}, NpyReader.read(fixture("fortran.npy")).shape());
        assertArrayEquals(expectedA(), NpyReader.read(fixture("v2.npy")).toFloats());
    }

    @Test
    void uint8AndInt32KeepTheirIntegerValues() throws Exception {
        Tensor u8 = NpyReader.read(fixture("u8.npy"));
        assertEquals(250.0, u8.get(0));
        assertEquals(255.0, u8.get(5));
        assertArrayEquals(new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE}, NpyReader.read(fixture("i4.npy")).toInts());
    }
}
