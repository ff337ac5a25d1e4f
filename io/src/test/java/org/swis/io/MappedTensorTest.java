package org.swis.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A tensor split over several mapped windows reads as the array it was written from, element-wise and in bulk. */
class MappedTensorTest {
    private static MappedTensor split(float[] v, int perWindow) {
        int windows = (v.length + perWindow - 1) / perWindow;
        ByteBuffer[] w = new ByteBuffer[windows];
        for (int i = 0; i < windows; i++) {
            int n = Math.min(perWindow, v.length - i * perWindow);
            ByteBuffer b = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
            for (int j = 0; j < n; j++) {
                b.putFloat(v[i * perWindow + j]);
            }
            w[i] = b.flip();
        }
        return new MappedTensor("f", "t", new int[] {v.length}, DType.F32, w, perWindow, null);
    }

    @Test
    void bulkAndElementReadsAcrossWindowBoundariesEqualTheSourceArray() throws ImportException {
        float[] v = new float[23];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 1.5f - 7;
        }
        for (int perWindow : new int[] {1, 4, 5, 23, 64}) {
            MappedTensor t = split(v, perWindow);
            for (int i = 0; i < v.length; i++) {
                assertEquals(v[i], t.get(i), 0);
            }
            for (int from = 0; from < v.length; from++) {
                for (int len = 0; from + len <= v.length; len++) {
                    float[] dst = new float[len + 2];
                    t.read(from, dst, 1, len);
                    assertArrayEquals(Arrays.copyOfRange(v, from, from + len), Arrays.copyOfRange(dst, 1, 1 + len),
                            "window " + perWindow + " from " + from + " len " + len);
                    assertEquals(0f, dst[0]);
                    assertEquals(0f, dst[len + 1]);
                }
            }
            assertArrayEquals(v, t.load().toFloats());
            assertThrows(IndexOutOfBoundsException.class, () -> t.read(20, new float[5], 0, 5));
            assertThrows(IndexOutOfBoundsException.class, () -> t.get(23));
        }
    }
}
