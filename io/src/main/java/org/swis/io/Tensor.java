package org.swis.io;

import java.util.Arrays;
import java.util.Objects;
import org.swis.reference.tensor.Layout;

/**
 * A named, shaped array of weights in C (row-major) order, independent of the file format it came
 * from. Floating types (f32, f16, bf16) are held as {@code float}, 8-bit integers as bytes (with
 * optional per-tensor or per-channel scales), int32 as ints. Immutable: accessors return copies.
 */
public final class Tensor implements TensorData {
    private final String name;
    private final int[] shape;
    private final DType dtype;
    private final float[] floats;
    private final byte[] bytes;
    private final int[] ints;
    private final float[] scales;
    private final Layout layout;

    private Tensor(String name, int[] shape, DType dtype, float[] floats, byte[] bytes, int[] ints,
                   float[] scales, Layout layout) {
        this.name = Objects.requireNonNull(name, "name");
        this.shape = shape.clone();
        this.dtype = Objects.requireNonNull(dtype, "dtype");
        this.floats = floats;
        this.bytes = bytes;
        this.ints = ints;
        this.scales = scales;
        this.layout = layout;
        long n = Shapes.count(shape);
        int have = floats != null ? floats.length : bytes != null ? bytes.length : ints.length;
        if (n != have) {
            throw new IllegalArgumentException("shape " + Shapes.format(shape) + " holds " + n
                    + " elements, data has " + have);
        }
    }

    /** A floating tensor (f32, f16 or bf16 source), values already widened to float. Takes ownership of {@code data}. */
    static Tensor ofFloats(String name, int[] shape, DType dtype, float[] data) {
        if (!dtype.isFloating()) {
            throw new IllegalArgumentException(dtype + " is not floating");
        }
        return new Tensor(name, shape, dtype, data, null, null, null, null);
    }

    /** An int8 or uint8 tensor. Takes ownership of {@code data}. */
    static Tensor ofBytes(String name, int[] shape, DType dtype, byte[] data) {
        if (dtype != DType.I8 && dtype != DType.U8) {
            throw new IllegalArgumentException(dtype + " is not 8-bit");
        }
        return new Tensor(name, shape, dtype, null, data, null, null, null);
    }

    /** An int32 tensor. Takes ownership of {@code data}. */
    static Tensor ofInts(String name, int[] shape, int[] data) {
        return new Tensor(name, shape, DType.I32, null, null, data, null, null);
    }

    /** Public factory for callers outside the importers (tests, generators): copies {@code data}. */
    public static Tensor of(String name, int[] shape, float[] data) {
        return ofFloats(name, shape, DType.F32, data.clone());
    }

    /** Public factory for an int8 tensor with optional scales (null for none): copies its arguments. */
    public static Tensor ofInt8(String name, int[] shape, byte[] data, float[] scales) {
        return ofBytes(name, shape, DType.I8, data.clone()).withScales(scales);
    }

    /** The same data with a known layout. The layout's rank must match the tensor's rank. */
    public Tensor withLayout(Layout newLayout) {
        if (newLayout != null && newLayout.rank() != shape.length) {
            throw new IllegalArgumentException("layout " + newLayout + " needs rank " + newLayout.rank()
                    + ", tensor " + name + " has shape " + Shapes.format(shape));
        }
        return new Tensor(name, shape, dtype, floats, bytes, ints, scales, newLayout);
    }

    /** The same int8 data with dequantisation scales (one per tensor, or one per output channel). */
    public Tensor withScales(float[] newScales) {
        if (newScales != null && bytes == null) {
            throw new IllegalArgumentException("scales apply to 8-bit tensors only, " + name + " is " + dtype);
        }
        return new Tensor(name, shape, dtype, floats, bytes, ints,
                newScales == null ? null : newScales.clone(), layout);
    }

    public String name() {
        return name;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public DType dtype() {
        return dtype;
    }

    public Layout layout() {
        return layout;
    }

    /** Number of elements (product of the shape; 1 for a scalar). */
    public int count() {
        return floats != null ? floats.length : bytes != null ? bytes.length : ints.length;
    }

    /** Element {@code i} in C order as stored: the float value, the int8/uint8 integer, or the int32. */
    public double get(int i) {
        if (floats != null) {
            return floats[i];
        }
        if (bytes != null) {
            return dtype == DType.U8 ? bytes[i] & 0xff : bytes[i];
        }
        return ints[i];
    }

    @Override
    public void read(int from, float[] dst, int off, int len) {
        if (floats != null) {
            System.arraycopy(floats, from, dst, off, len);
        } else {
            TensorData.super.read(from, dst, off, len);
        }
    }

    /** A copy of the values as floats (8-bit and int32 values as their integer value, scales not applied). */
    public float[] toFloats() {
        if (floats != null) {
            return floats.clone();
        }
        float[] out = new float[count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) get(i);
        }
        return out;
    }

    /** A copy of the raw 8-bit data; only for int8/uint8 tensors. */
    public byte[] toBytes() {
        if (bytes == null) {
            throw new IllegalStateException(name + " is " + dtype + ", not 8-bit");
        }
        return bytes.clone();
    }

    /** A copy of the int32 data; only for int32 tensors. */
    public int[] toInts() {
        if (ints == null) {
            throw new IllegalStateException(name + " is " + dtype + ", not int32");
        }
        return ints.clone();
    }

    /** Already in memory: this tensor. */
    @Override
    public Tensor load() {
        return this;
    }

    /** A copy of the int8 scales, or null when none were given. */
    public float[] scales() {
        return scales == null ? null : scales.clone();
    }

    /** Element-wise equality of name, shape, dtype, layout, values (bitwise for floats) and scales. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Tensor)) {
            return false;
        }
        Tensor t = (Tensor) o;
        return name.equals(t.name) && Arrays.equals(shape, t.shape) && dtype == t.dtype
                && layout == t.layout && Arrays.equals(floats, t.floats) && Arrays.equals(bytes, t.bytes)
                && Arrays.equals(ints, t.ints) && Arrays.equals(scales, t.scales);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), dtype, layout);
    }

    @Override
    public String toString() {
        return name + " " + Shapes.format(shape) + " " + dtype.manifestName() + " " + layout;
    }
}
