package org.swis.io;

import org.swis.reference.npy.NpyHeader;

/** Shape arithmetic shared by the importers: element counts without overflow, C/Fortran order. */
public final class Shapes {
    /** Largest element count a Java array can hold on every common JVM. */
    public static final long MAX_ELEMENTS = NpyHeader.MAX_ELEMENTS;
    /** Largest rank accepted (numpy 2 allows 64 axes). */
    public static final int MAX_RANK = NpyHeader.MAX_RANK;

    private Shapes() {
    }

    /** Product of the dims (1 for a scalar); -1 when a dim is negative or the product exceeds {@link #MAX_ELEMENTS}. */
    public static long count(int[] shape) {
        return count(toLongs(shape));
    }

    /** Product of the dims (1 for a scalar); -1 when a dim is negative or the product exceeds {@link #MAX_ELEMENTS}. */
    public static long count(long[] shape) {
        return NpyHeader.count(shape);
    }

    /** Dims joined by "x" as in manifest.csv ("16x3x3x3"); "scalar" for rank 0. */
    public static String format(int[] shape) {
        return format(toLongs(shape));
    }

    /** Same as {@link #format(int[])} for dims not yet known to fit an int. */
    public static String format(long[] shape) {
        return NpyHeader.format(shape);
    }

    static long[] toLongs(int[] shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = shape[i];
        }
        return s;
    }

    /** Narrows dims already validated by {@link #count(long[])}. */
    static int[] toInts(long[] shape) {
        int[] s = new int[shape.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Math.toIntExact(shape[i]);
        }
        return s;
    }

    /** Receives one element move of a layout permutation. */
    interface ElementMove {
        void move(int cIndex, int fIndex);
    }

    /**
     * Visits every element once, giving its C-order (row-major) index and its Fortran-order
     * (column-major) index for the same multi-index. Used to turn Fortran-order npy data into C order.
     */
    static void forEachFortranToC(int[] shape, ElementMove move) {
        int rank = shape.length;
        long total = count(shape);
        if (total <= 0) {
            return;
        }
        long[] fStride = new long[rank];
        long s = 1;
        for (int k = 0; k < rank; k++) {
            fStride[k] = s;
            s *= shape[k];
        }
        int[] idx = new int[rank];
        long f = 0;
        for (int c = 0; c < total; c++) {
            move.move(c, (int) f);
            // Increment the multi-index in C order (last axis fastest) and update f incrementally.
            for (int k = rank - 1; k >= 0; k--) {
                idx[k]++;
                f += fStride[k];
                if (idx[k] < shape[k]) {
                    break;
                }
                f -= fStride[k] * shape[k];
                idx[k] = 0;
            }
        }
    }
}
