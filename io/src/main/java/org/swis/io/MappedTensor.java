package org.swis.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A tensor left in its memory-mapped file (safetensors): little-endian elements in one or more
 * windows, each a whole number of elements; {@link #get} decodes one element (f16/bf16 widened as by
 * {@link ElementDecoder}), so reading a tensor costs no heap.
 */
final class MappedTensor implements TensorData {
    private final String file;
    private final String name;
    private final int[] shape;
    private final DType dtype;
    private final int count;
    private final ByteBuffer[] windows;
    private final int perWindow;
    private final float[] scales;

    /**
     * @param windows   the data, in order; every window but the last holds exactly {@code perWindow} elements
     * @param perWindow elements per full window
     */
    MappedTensor(String file, String name, int[] shape, DType dtype, ByteBuffer[] windows, int perWindow, float[] scales) {
        this.file = file;
        this.name = name;
        this.shape = shape.clone();
        this.dtype = dtype;
        this.count = (int) Shapes.count(shape);
        this.windows = new ByteBuffer[windows.length];
        for (int i = 0; i < windows.length; i++) {
            this.windows[i] = windows[i].duplicate().order(ByteOrder.LITTLE_ENDIAN);
        }
        this.perWindow = perWindow;
        this.scales = scales == null ? null : scales.clone();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public int count() {
        return count;
    }

    @Override
    public double get(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("element " + i + " of " + count + " in " + name);
        }
        ByteBuffer b = windows[i / perWindow];
        int at = (i % perWindow) * dtype.itemSize();
        return switch (dtype) {
            case F32 -> b.getFloat(at);
            case F16 -> HalfFloats.halfToFloat(b.getShort(at));
            case BF16 -> HalfFloats.bf16ToFloat(b.getShort(at));
            case I8 -> b.get(at);
            case U8 -> b.get(at) & 0xff;
            case I32 -> b.getInt(at);
        };
    }

    @Override
    public void read(int from, float[] dst, int off, int len) {
        if (dtype != DType.F32) {
            TensorData.super.read(from, dst, off, len);
            return;
        }
        if (from < 0 || len < 0 || from > count - len) {
            throw new IndexOutOfBoundsException("elements [" + from + ", " + (from + len) + ") of " + count + " in " + name);
        }
        while (len > 0) {
            int w = from / perWindow;
            int at = from % perWindow;
            int n = Math.min(len, perWindow - at);
            windows[w].slice(at * 4, n * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(dst, off, n);
            from += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public float[] scales() {
        return scales == null ? null : scales.clone();
    }

    @Override
    public TensorData withScales(float[] newScales) {
        if (newScales != null && dtype != DType.I8 && dtype != DType.U8) {
            throw new IllegalArgumentException("scales apply to 8-bit tensors only, " + name + " is " + dtype);
        }
        return new MappedTensor(file, name, shape, dtype, windows, perWindow, newScales);
    }

    @Override
    public Tensor load() throws ImportException {
        ElementDecoder d = new ElementDecoder(file, name, shape, dtype);
        for (ByteBuffer w : windows) {
            d.put(w.duplicate());
        }
        Tensor t = d.tensor();
        return scales == null ? t : t.withScales(scales);
    }
}
