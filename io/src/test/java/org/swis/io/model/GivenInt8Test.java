package org.swis.io.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swis.io.ImportException;
import org.swis.io.TestFiles;
import org.swis.reference.tensor.Layout;

/**
 * A folder with given int8 weights (SPEC §12.3): the integers of weights_int.npz are taken as they
 * are with the per-channel scales of quant_params.npz; non-zero zero points, scales of the wrong
 * count, an axis outside the tensor, and a weights.npz that is not q·scale are refused by name.
 */
class GivenInt8Test {
    private static final byte[] Q = {1, -2, 3, 127, -127, 0};
    private static final float[] SCALE = {0.5f, 0.1f};

    /** w: OI (2, 3), int8 rows (1, −2, 3) and (127, −127, 0), scales 0.5 and 0.1 along axis 0. */
    private static Path folder(Path dir, float[] scale, int axis, int[] zero, float[] dequantized) throws IOException {
        Files.write(dir.resolve("weights.npz"), TestFiles.npz(TestFiles.entries("w.npy",
                TestFiles.npy(1, "<f4", false, new int[] {2, 3}, TestFiles.f32(dequantized))), false));
        Files.write(dir.resolve("weights_int.npz"), TestFiles.npz(TestFiles.entries("w.npy",
                TestFiles.npy(1, "|i1", false, new int[] {2, 3}, Q)), false));
        Files.write(dir.resolve("quant_params.npz"), TestFiles.npz(TestFiles.entries(
                "w/scale.npy", TestFiles.npy(1, "<f4", false, new int[] {scale.length}, TestFiles.f32(scale)),
                "w/zero_point.npy", TestFiles.npy(1, "<i4", false, new int[] {zero.length}, TestFiles.i32(zero)),
                "w/axis.npy", TestFiles.npy(1, "<i4", false, new int[] {1}, TestFiles.i32(axis))), false));
        Files.writeString(dir.resolve("manifest.csv"), "name,shape,dtype,kind,count,index,layout\n"
                + "w,2x3,float32,linear,6,0,\"OI (out, in)\"\n");
        return dir;
    }

    /** q · scale[row] rounded once to float, written out by hand. */
    private static float[] dequantized() {
        return new float[] {0.5f, -1.0f, 1.5f, (float) (127 * (double) 0.1f), (float) (-127 * (double) 0.1f), 0f};
    }

    @Test
    void theGivenIntegersAndScalesAreTakenAsTheyAre(@TempDir Path dir) throws Exception {
        List<String> notes = new ArrayList<>();
        Model m = ModelLoader.load(folder(dir, SCALE, 0, new int[] {0, 0}, dequantized()), null, null, notes::add);
        ModelLayer l = m.layers().get(0);
        assertEquals(Layout.OI, l.layout());
        for (int i = 0; i < 6; i++) {
            assertEquals(Q[i], l.int8().value(i));
            assertEquals(dequantized()[i], l.weights().get(i));
        }
        assertEquals(0.5, l.int8().scale(0));
        assertEquals((double) 0.1f, l.int8().scale(1));
        assertEquals(List.of(), notes);
    }

    private static ImportException fails(Path dir, float[] scale, int axis, int[] zero, float[] deq) {
        return assertThrows(ImportException.class,
                () -> ModelLoader.load(folder(dir, scale, axis, zero, deq), null, null, s -> { }));
    }

    @Test
    void aNonZeroZeroPointIsRefused(@TempDir Path dir) {
        ImportException e = fails(dir, SCALE, 0, new int[] {0, 3}, dequantized());
        assertEquals("array 'w/zero_point'[1]", e.field());
        assertEquals("3.0", e.found());
    }

    @Test
    void weightsThatAreNotQTimesScaleAreRefused(@TempDir Path dir) {
        float[] d = dequantized();
        d[4] = -12.6f;
        ImportException e = fails(dir, SCALE, 0, new int[] {0, 0}, d);
        assertEquals("array 'w'[4]", e.field());
        assertEquals(dir.resolve("weights.npz").toString(), e.file());
    }

    @Test
    void scalesMustBeOnePerOutputChannel(@TempDir Path dir) {
        assertEquals("array 'w/scale'", fails(dir, new float[] {0.5f, 0.1f, 1f}, 0, new int[] {0, 0}, dequantized()).field());
    }

    @Test
    void theAxisMustBeOneOfTheTensors(@TempDir Path dir) {
        assertEquals("array 'w/axis'", fails(dir, SCALE, 2, new int[] {0, 0}, dequantized()).field());
    }

    @Test
    void aNonPositiveScaleIsRefused(@TempDir Path dir) {
        assertEquals("array 'w/scale'[1]", fails(dir, new float[] {0.5f, 0f}, 0, new int[] {0, 0}, dequantized()).field());
    }
}
