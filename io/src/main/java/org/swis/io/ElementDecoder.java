package org.swis.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns little-endian raw element bytes into a {@link Tensor}'s array, one bounded chunk at a time,
 * so a tensor never needs its raw bytes and its decoded values in memory at once. Callers validate
 * the byte count against the shape before calling; this class checks the heap before allocating.
 */
final class ElementDecoder {
    private static final int CHUNK_BYTES = 1 << 16;

    private final String file;
    private final String name;
    private final int[] shape;
    private final DType dtype;
    private final int count;
    private float[] floats;
    private byte[] bytes;
    private int[] ints;
    private int filled;

    ElementDecoder(String file, String name, int[] shape, DType dtype) throws ImportException {
        this.file = file;
        this.name = name;
        this.shape = shape;
        this.dtype = dtype;
        this.count = (int) Shapes.count(shape);
        long heapBytes = (long) count * (dtype.isFloating() || dtype == DType.I32 ? 4 : 1);
        long max = Runtime.getRuntime().maxMemory();
        if (heapBytes > max / 10 * 9) {
            throw new ImportException(file, "tensor " + name + " shape",
                    "a tensor that fits the Java heap (max " + max + " bytes; raise -Xmx)",
                    Shapes.format(shape) + " = " + heapBytes + " bytes decoded");
        }
        try {
            if (dtype.isFloating()) {
                floats = new float[count];
            } else if (dtype == DType.I32) {
                ints = new int[count];
            } else {
                bytes = new byte[count];
            }
        } catch (OutOfMemoryError e) {
            // Only this one allocation failed; nothing else was touched, so reporting it is safe.
            throw new ImportException(file, "tensor " + name + " shape",
                    "a tensor that fits the free Java heap (raise -Xmx)", heapBytes + " bytes decoded");
        }
    }

    /** Decodes every whole element in {@code src} (little-endian) and advances it. */
    void put(ByteBuffer src) {
        ByteBuffer b = src.slice().order(ByteOrder.LITTLE_ENDIAN);
        int n = Math.min(b.remaining() / dtype.itemSize(), count - filled);
        switch (dtype) {
            case F32:
                b.asFloatBuffer().get(floats, filled, n);
                break;
            case F16:
                for (int i = 0; i < n; i++) {
                    floats[filled + i] = HalfFloats.halfToFloat(b.getShort(2 * i));
                }
                break;
            case BF16:
                for (int i = 0; i < n; i++) {
                    floats[filled + i] = HalfFloats.bf16ToFloat(b.getShort(2 * i));
                }
                break;
            case I32:
                b.asIntBuffer().get(ints, filled, n);
                break;
            default:
                b.get(bytes, filled, n);
                break;
        }
        filled += n;
        src.position(src.position() + n * dtype.itemSize());
    }

    /** Reads exactly {@code count * itemSize} bytes from {@code in}; a short stream is a truncated file. */
    void readFrom(InputStream in) throws IOException, ImportException {
        int item = dtype.itemSize();
        byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, Math.max(item, (long) count * item))];
        int perChunk = chunk.length / item;
        while (filled < count) {
            int want = Math.min(perChunk, count - filled) * item;
            int got = in.readNBytes(chunk, 0, want);
            if (got < want) {
                long have = (long) filled * item + got;
                throw new ImportException(file, "tensor " + name + " data",
                        ((long) count * item) + " bytes for shape " + Shapes.format(shape) + " " + dtype.npyDescrOrName(),
                        have + " bytes (file truncated)");
            }
            put(ByteBuffer.wrap(chunk, 0, want));
        }
    }

    boolean complete() {
        return filled == count;
    }

    Tensor tensor() {
        if (!complete()) {
            throw new IllegalStateException("tensor " + name + " decoded " + filled + " of " + count);
        }
        if (floats != null) {
            return Tensor.ofFloats(name, shape, dtype, floats);
        }
        if (ints != null) {
            return Tensor.ofInts(name, shape, ints);
        }
        return Tensor.ofBytes(name, shape, dtype, bytes);
    }
}
