package org.swis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swis.io.TestFiles;
import org.swis.io.container.EncodedLayer;
import org.swis.io.container.SwisContainer;

/**
 * Nothing that changes results is guessed (cli/README.md, "Subcommands"): a 4-D tensor without a layout
 * source and an int8 tensor without a scale source stop the command with exit 2 and a line saying what to
 * pass; {@code --layout} and {@code --assume-unit-scale} state them. 2-D tensors are still read as OI, with
 * a warning.
 */
class UnstatedInputTest {
    /** An OHWI int8 tensor as a TFLite export holds it: 4 filters, 3x3 taps, 2 input channels; no scale. */
    static final int[] OHWI = {4, 3, 3, 2};

    @TempDir
    Path dir;

    static byte[] int8Values() {
        byte[] q = new byte[4 * 3 * 3 * 2];
        for (int i = 0; i < q.length; i++) {
            q[i] = (byte) ((i * 29) % 255 - 127);
        }
        return q;
    }

    private Path int8Archive(Path folder) throws Exception {
        Files.createDirectories(folder);
        Path f = folder.resolve("weights_int.npz");
        Files.write(f, TestFiles.npz(TestFiles.entries("w.npy", TestFiles.npy(1, "|i1", false, OHWI, int8Values())), false));
        return f;
    }

    private static void assertRefused(SwisCommandTest.Run r, String... parts) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), "'" + p + "' in: " + r.err());
        }
    }

    @Test
    void aFourDimensionalTensorWithoutALayoutSourceIsRefused() throws Exception {
        Path f = int8Archive(dir);
        assertRefused(SwisCommandTest.run("decompose", f.toString()), f + ": tensor 'w' layout: expected a stated layout "
                + "for a 4-D tensor of shape 4x3x3x2 (pass --layout OIHW, OHWI, HWIO, HWCM or 1HWC, or --manifest "
                + "manifest.csv), found none");
        assertRefused(SwisCommandTest.run("quality", f.toString(), "--assume-unit-scale"), "tensor 'w' layout");
        assertRefused(SwisCommandTest.run("hw", f.toString(), "--input", "8x8", "--assume-unit-scale"), "tensor 'w' layout");
        // a 2-D layout is not applied to a 4-D tensor
        assertRefused(SwisCommandTest.run("decompose", f.toString(), "--layout", "OI", "--assume-unit-scale"),
                "tensor 'w' layout: expected a stated layout");
    }

    @Test
    void anInt8TensorWithoutAScaleSourceIsRefused() throws Exception {
        Path f = int8Archive(dir);
        assertRefused(SwisCommandTest.run("decompose", f.toString(), "--layout", "OHWI"),
                f + ": tensor 'w' scale: expected a scale source for int8 weights (", "--assume-unit-scale", "found none");
        assertRefused(SwisCommandTest.run("quality", f.toString(), "--layout", "OHWI"), "tensor 'w' scale", "--assume-unit-scale");
        // beside a quant_params.npz the message names the folder to pass instead
        Files.write(dir.resolve("quant_params.npz"), new byte[] {0});
        assertRefused(SwisCommandTest.run("decompose", f.toString(), "--layout", "OHWI"),
                "pass the folder " + dir + " to use its quant_params.npz");
    }

    @Test
    void assumeUnitScaleTakesEveryInt8ValueAsItsRealValue() throws Exception {
        Path f = int8Archive(dir);
        Path out = dir.resolve("w.swis");
        SwisCommandTest.Run r = SwisCommandTest.run("decompose", f.toString(), "--layout", "OHWI", "--assume-unit-scale",
                "-N", "8", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("note: --assume-unit-scale: 1 int8 tensor(s) without scales taken with scale 1: w"), r.err());
        EncodedLayer l = SwisContainer.read(out).get(0);
        assertEquals("OHWI", l.layout());
        // OHWI is already (filter, kh, kw, channel), the canonical order; N = 8 keeps every magnitude
        double[] back = SwisContainer.reconstruct(l, out.toString());
        byte[] q = int8Values();
        for (int i = 0; i < q.length; i++) {
            assertEquals(q[i], back[i], "weight " + i);
        }
        for (double s : l.scales()) {
            assertEquals(1.0, s);
        }
    }

    @Test
    void twoDimensionalTensorsAreStillReadAsOiWithAWarning() throws Exception {
        Path f = dir.resolve("lin.npy");
        Files.write(f, TestFiles.npy(1, "<f4", false, new int[] {10, 12}, TestFiles.f32(CommandsTest.LINEAR_W)));
        SwisCommandTest.Run r = SwisCommandTest.run("decompose", f.toString(), "--layout", "OIHW");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning: layout of 1 2-D tensor(s) inferred from rank (OI)"), r.err());
        Path out = dir.resolve("lin.swis");
        assertEquals(0, SwisCommandTest.run("decompose", "-q", f.toString(), "-o", out.toString()).code());
        assertEquals(List.of("OI"), SwisContainer.read(out).stream().map(EncodedLayer::layout).toList());
    }
}
