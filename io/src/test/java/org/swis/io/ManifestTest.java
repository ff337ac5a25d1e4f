package org.swis.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import org.swis.reference.tensor.Layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestTest {
    private static final String HEADER = "name,shape,dtype,kind,count,index,layout,source_dtype,min,max,mean,std,zeros\n";

    @TempDir
    Path dir;

    private Manifest read(String text) throws Exception {
        Path p = dir.resolve("manifest.csv");
        Files.writeString(p, text);
        return Manifest.read(p);
    }

    private ImportException fails(String text) {
        return assertThrows(ImportException.class, () -> read(text));
    }

    @Test
    void rowsParseWithLayoutsAndStatistics() throws Exception {
        Manifest m = read(HEADER
                + "c,16x3x3x3,float32,conv,432,0,\"OIHW (out, in, kh, kw)\",float32,-1.5,2,0.1,0.4,3\n"
                + "d,3x3x8x1,float32,depthwise,72,1,\"HWCM (kh, kw, in_channels, multiplier)\",float32,,,,,\n"
                + "l,256x2,float32,linear,512,2,\"IO (in, out)\",float32,-1,1,0,0.5,0\n");
        assertEquals(3, m.entries().size());
        ManifestEntry c = m.get("c");
        assertArrayEquals(new int[] {16, 3, 3, 3}, c.shape());
        assertEquals(Layout.OIHW, c.layout());
        assertEquals(WeightKind.CONV, c.kind());
        assertEquals(-1.5, c.min().getAsDouble());
        assertEquals(3, c.zeros().getAsLong());
        assertTrue(m.get("d").min().isEmpty());
        assertEquals(Layout.HWCM, m.get("d").layout());
        assertEquals(Layout.IO, m.get("l").layout());
    }

    @Test
    void eachInconsistencyNamesLineAndColumn() {
        assertEquals("line 2 count", fails(HEADER + "c,16x3,float32,conv,47,0,\"OI (out, in)\",float32,0,0,0,0,0\n").field());
        assertEquals("line 2 index", fails(HEADER + "c,16x3,float32,conv,48,5,\"OI (out, in)\",float32,0,0,0,0,0\n").field());
        assertEquals("line 2 layout", fails(HEADER + "c,16x3,float32,conv,48,0,\"OIHW (out, in, kh, kw)\",float32,0,0,0,0,0\n").field());
        assertEquals("line 2 layout", fails(HEADER + "c,16x3,float32,conv,48,0,\"OI (in, out)\",float32,0,0,0,0,0\n").field());
        assertEquals("line 2 kind", fails(HEADER + "c,16x3,float32,pool,48,0,OI,float32,0,0,0,0,0\n").field());
        assertEquals("line 2 dtype", fails(HEADER + "c,16x3,float64,conv,48,0,OI,float32,0,0,0,0,0\n").field());
        assertEquals("line 2 shape", fails(HEADER + "c,16xx3,float32,conv,48,0,OI,float32,0,0,0,0,0\n").field());
        assertEquals("line 2 min", fails(HEADER + "c,16x3,float32,conv,48,0,OI,float32,abc,0,0,0,0\n").field());
        assertEquals("line 2", fails(HEADER + "c,16x3,float32\n").field());
        assertEquals("header", fails("name,shape\nc,1\n").field());
        assertEquals("line 3 name", fails(HEADER + "c,1x1,float32,conv,1,0,\"IO (in, out)\",float32,0,0,0,0,0\n"
                + "c,1x1,float32,conv,1,1,\"IO (in, out)\",float32,0,0,0,0,0\n").field());
    }

    @Test
    void layoutNamesParseCodesWithOrWithoutAxisLists() {
        assertEquals(Layout.HWIO, LayoutNames.parse("hwio"));
        assertEquals(Layout.OI, LayoutNames.parse("OI (out, in)"));
        assertEquals(null, LayoutNames.parse("OI (out, in"));
        assertEquals(null, LayoutNames.parse("NCHW"));
        assertEquals(null, LayoutNames.inferFromRank(4), "a 4-D layout is never guessed");
        assertEquals(Layout.OI, LayoutNames.inferFromRank(2));
        assertEquals(null, LayoutNames.inferFromRank(1));
    }

    @Test
    void tfliteLayoutsParse() throws Exception {
        Manifest m = read(HEADER
                + "c,32x3x3x3,float32,conv,864,0,\"OHWI (out, kh, kw, in)\",int8,,,,,\n"
                + "d,1x3x3x32,float32,depthwise,288,1,\"1HWC (1, kh, kw, channels*multiplier)\",int8,,,,,\n");
        assertEquals(Layout.OHWI, m.get("c").layout());
        assertEquals(Layout.ONE_HWC, m.get("d").layout());
        assertEquals("1HWC", m.get("d").layout().toString());
        assertEquals(Layout.ONE_HWC, LayoutNames.parse("1hwc"));
        assertEquals(null, LayoutNames.parse("1HWC (kh, kw, channels)"));
        assertEquals("line 2 layout", fails(HEADER
                + "d,1x3x3x32,float32,depthwise,288,0,\"1HWC (1, kh, kw)\",int8,,,,,\n").field());
    }
}
