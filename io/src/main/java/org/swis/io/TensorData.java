package org.swis.io;

/**
 * A tensor whose elements may still be in the file: a decoded {@link Tensor}, or a view of a
 * memory-mapped region that decodes each element when it is read. Lets a caller stream a tensor
 * larger than the heap (block by block) and decide per tensor whether to {@link #load()} it.
 */
public interface TensorData {
    String name();

    /** The shape as stored (a copy). */
    int[] shape();

    default int rank() {
        return shape().length;
    }

    DType dtype();

    /** Number of elements. */
    int count();

    /** Element {@code i} in C order as stored: the float value, the int8/uint8 integer, or the int32. */
    double get(int i);

    /**
     * Elements {@code [from, from + len)} in C order into {@code dst[off..]}, as {@code (float) get(i)}
     * (exact for float input); implementations may copy in bulk.
     */
    default void read(int from, float[] dst, int off, int len) {
        for (int i = 0; i < len; i++) {
            dst[off + i] = (float) get(from + i);
        }
    }

    /** The int8 dequantisation scales (one per tensor or per channel), or null. */
    float[] scales();

    /** The same data with int8 scales attached. */
    TensorData withScales(float[] scales);

    /** The decoded tensor in memory; fails with an {@link ImportException} when it does not fit the heap. */
    Tensor load() throws ImportException;
}
