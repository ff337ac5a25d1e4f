package org.swis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code swis inspect} on a model folder (its weights.npz and manifest.csv) and {@code --layout} by rank. */
class InspectFolderTest {
    @TempDir
    Path dir;

    private static String layoutColumn(String csv, String tensor) {
        return csv.lines().filter(l -> l.startsWith(tensor + ",")).findFirst().orElseThrow().split(",")[3];
    }

    @Test
    void aFolderIsReadWithItsManifest() throws Exception {
        Path m = CommandsTest.model(dir, "m");
        SwisCommandTest.Run r = SwisCommandTest.run("inspect", "--csv", m.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "layouts come from the manifest: no warning");
        assertEquals("OIHW", layoutColumn(r.out(), "c"));
        assertEquals("OI", layoutColumn(r.out(), "l"));
        // the folder's manifest is checked like decompose checks it
        Files.writeString(m.resolve("manifest.csv"), "name,shape,dtype,kind,count,index,layout\n"
                + "c,8x6x3x3,float32,conv,432,0,\"OIHW (out, in, kh, kw)\"\n");
        SwisCommandTest.Run bad = SwisCommandTest.run("inspect", m.toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("name: expected a row for tensor 'l'"), bad.err());
    }

    @Test
    void layoutAppliesOnlyToTensorsOfItsRank() throws Exception {
        Path m = CommandsTest.model(dir, "m");
        Path lone = dir.resolve("lone.npz");
        Files.copy(m.resolve("weights.npz"), lone);
        SwisCommandTest.Run four = SwisCommandTest.run("inspect", "--csv", lone.toString(), "--layout", "HWIO");
        assertEquals(0, four.code(), four.err());
        assertEquals("HWIO", layoutColumn(four.out(), "c"));
        assertEquals("OI", layoutColumn(four.out(), "l"), "a 4-D layout is not forced on a 2-D tensor");
        SwisCommandTest.Run two = SwisCommandTest.run("inspect", "--csv", lone.toString(), "--layout", "IO");
        assertEquals(0, two.code(), two.err());
        assertEquals("UNKNOWN", layoutColumn(two.out(), "c"), "a 2-D layout is not forced on a 4-D tensor");
        assertEquals("IO", layoutColumn(two.out(), "l"));
        assertTrue(two.err().contains("layout of 1 4-D tensor(s) unknown"), two.err());
        // with the folder's manifest, --layout overrides the rows of its rank only
        SwisCommandTest.Run over = SwisCommandTest.run("inspect", "--csv", m.toString(), "--layout", "IO");
        assertEquals(0, over.code(), over.err());
        assertEquals("OIHW", layoutColumn(over.out(), "c"));
        assertEquals("IO", layoutColumn(over.out(), "l"));
        assertFalse(over.err().contains("unknown"), over.err());
    }
}
