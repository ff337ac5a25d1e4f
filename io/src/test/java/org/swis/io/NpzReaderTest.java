package org.swis.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.swis.io.TestFiles.entries;
import static org.swis.io.TestFiles.f32;
import static org.swis.io.TestFiles.npy;

class NpzReaderTest {
    @TempDir
    Path dir;

    private Path write(byte[] b) throws Exception {
        return TestFiles.write(dir, b, ".npz");
    }

    static List<Tensor> readAll(Path p) throws ImportException {
        return TestFiles.readAll(NpzReader.open(p));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void storedAndDeflatedArchivesRoundTripInArchiveOrder(boolean deflate) throws Exception {
        byte[] z = TestFiles.npz(entries(
                "zeta.npy", npy(1, "<f4", false, new int[] {2}, f32(1f, 2f)),
                "alpha.npy", npy(1, "|i1", false, new int[] {3}, new byte[] {-1, 0, 1}),
                "dir/nested.npy", npy(2, "<f2", false, new int[] {1}, TestFiles.u16(0x3C00))), deflate);
        List<Tensor> ts = readAll(write(z));
        assertEquals(List.of("zeta", "alpha", "dir/nested"), ts.stream().map(Tensor::name).toList());
        assertArrayEquals(new float[] {1f, 2f}, ts.get(0).toFloats());
        assertArrayEquals(new byte[] {-1, 0, 1}, ts.get(1).toBytes());
        assertArrayEquals(new float[] {1f}, ts.get(2).toFloats());
    }

    @Test
    void nonNpyEntriesAreRejectedWhenOpening() throws Exception {
        byte[] a = npy(1, "<f4", false, new int[] {1}, f32(1f));
        Path p = write(TestFiles.npz(entries("ok.npy", a, "readme.txt", a), false));
        ImportException e = assertThrows(ImportException.class, () -> NpzReader.open(p));
        assertTrue(e.field().startsWith("entry 'readme.txt'"), e.getMessage());
    }

    @Test
    void duplicateEntryNamesAreRejectedWhenOpening() throws Exception {
        // java.util.zip refuses to write duplicates; this seed was written by Python's zipfile.
        Path p = Path.of(getClass().getResource("NpzFuzzTestInputs/npz/duplicate_names").toURI());
        ImportException e = assertThrows(ImportException.class, () -> NpzReader.open(p));
        assertEquals("entry 'a.npy'", e.field());
        assertEquals("a duplicate", e.found());
    }

    @Test
    void namesAreListedBeforeReadingAndReadableInAnyOrder() throws Exception {
        byte[] z = TestFiles.npz(entries(
                "x.npy", npy(1, "<f4", false, new int[] {1}, f32(1f)),
                "y.npy", npy(1, "<f4", false, new int[] {1}, f32(2f))), true);
        try (NpzReader r = NpzReader.open(write(z))) {
            assertEquals(List.of("x", "y"), r.names());
            assertArrayEquals(new float[] {2f}, r.read("y").toFloats());
            assertEquals("x", r.next().name());
            assertEquals("array 'z'", assertThrows(ImportException.class, () -> r.read("z")).field());
        }
    }

    @Test
    void corruptEntryDataFailsTheCrcCheck() throws Exception {
        byte[] a = npy(1, "<f4", false, new int[] {1}, f32(1f));
        byte[] z = TestFiles.npz(entries("a.npy", a), false);
        // Flip the last data byte of the stored entry (the float's high byte): header stays valid.
        int at = indexOf(z, f32(1f)) + 3;
        z[at] ^= 0x01;
        ImportException e = assertThrows(ImportException.class, () -> readAll(write(z)));
        assertTrue(e.field().endsWith("CRC-32"), e.getMessage());
    }

    @Test
    void notAZipIsRejectedNamingTheCentralDirectory() throws Exception {
        ImportException e = assertThrows(ImportException.class, () -> readAll(write(new byte[] {1, 2, 3, 4})));
        assertEquals("zip central directory", e.field());
    }

    @Test
    void aBadNpyInsideNamesTheEntry() throws Exception {
        byte[] bad = npy(1, "<f4", false, new int[] {5}, f32(1f));
        ImportException e = assertThrows(ImportException.class,
                () -> readAll(write(TestFiles.npz(entries("w.npy", bad), true))));
        assertEquals("entry 'w.npy' data size", e.field());
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
