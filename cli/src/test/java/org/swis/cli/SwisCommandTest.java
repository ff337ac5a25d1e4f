package org.swis.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SwisCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SwisCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** A safetensors file with one 2x2 F32 tensor "w" = [1, 2, 3, 4] and one 3-vector "b" = [0, 0, 6]. */
    private Path weights() throws Exception {
        byte[] h = ("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[16,28]}}").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocate(8 + h.length + 28).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(h.length).put(h);
        for (float f : new float[] {1, 2, 3, 4, 0, 0, 6}) {
            buf.putFloat(f);
        }
        Path p = dir.resolve("m.safetensors");
        Files.write(p, buf.array());
        return p;
    }

    @Test
    void inspectListsNameShapeLayoutCountAndStatistics() throws Exception {
        Run r = run("inspect", "--csv", weights().toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("name,shape,dtype,layout,count,min,max,mean,std\n"
                + "w,2x2,float32,OI,4,1.00000000,4.00000000,2.50000000,1.11803399\n"
                + "b,3,float32,UNKNOWN,3,0.00000000,6.00000000,2.00000000,2.82842712\n", r.out());
        assertTrue(r.err().contains("inferred from rank"), r.err());
    }

    @Test
    void quietSuppressesTheLayoutWarningAndTableIsAligned() throws Exception {
        Run r = run("inspect", "-q", weights().toString());
        assertEquals(0, r.code());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("name  shape  dtype    layout   count  "), r.out());
    }

    @Test
    void outputFileIsWrittenAtomicallyWithNoTempLeftOver() throws Exception {
        Path out = Files.createDirectories(dir.resolve("sub")).resolve("list.csv");
        Run r = run("inspect", "--csv", "-q", "-o", out.toString(), weights().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out).startsWith("name,shape"));
        try (var s = Files.list(out.getParent())) {
            assertEquals(1, s.count(), "only the target remains");
        }
    }

    @Test
    void badInputExitsWith2AndOneLineNamingFileAndField() throws Exception {
        Path bad = dir.resolve("bad.npy");
        Files.write(bad, new byte[] {1, 2, 3});
        Run r = run("inspect", bad.toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(bad + ": magic: expected"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose");
    }

    @Test
    void verbosePrintsTheStackTrace() throws Exception {
        Path bad = dir.resolve("bad.npy");
        Files.write(bad, new byte[] {1, 2, 3});
        Run r = run("inspect", "--verbose", bad.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("\tat org.swis.cli"), r.err());
    }

    @Test
    void usageErrorsExitWith2() {
        assertEquals(2, run("inspect").code());
        assertEquals(2, run("no-such-command").code());
        assertEquals(2, run().code());
        Run r = run("inspect", "--layout", "NCHW", "x.npz");
        assertEquals(2, r.code());
    }

    @Test
    void manifestMismatchIsBadInput() throws Exception {
        Path m = dir.resolve("manifest.csv");
        Files.writeString(m, "name,shape,dtype,kind,count,index,layout\n"
                + "w,2x3,float32,linear,6,0,\"OI (out, in)\"\n");
        Run r = run("inspect", "--manifest", m.toString(), weights().toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("tensor 'w' shape: expected 2x3"), r.err());
    }

    @Test
    void versionAndHelpExitWith0() {
        Run v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("swis "), v.out());
        Run h = run("inspect", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("Examples:"), h.out());
    }
}
