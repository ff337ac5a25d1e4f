package org.swis.kernels;

import org.swis.reference.SwisInputException;

/** Argument checks shared by the matrix kernels; every failure names the field and the expectation. */
public final class MatrixChecks {
    /** Largest |decoded weight| * largest |int8 activation|. */
    public static final long MAX_PRODUCT = 255L * 128L;

    private MatrixChecks() {
    }

    /** Rejects K for which an int accumulator could overflow: 255 * 128 * K must stay below 2^31. */
    public static void requireIntSums(int columns) {
        if (MAX_PRODUCT * columns > Integer.MAX_VALUE) {
            throw new SwisInputException("columns", columns,
                    "at most " + Integer.MAX_VALUE / MAX_PRODUCT + " so that int sums cannot overflow");
        }
    }

    /** The kernel's own layout, or a clear error when a matrix of another kernel is passed. */
    public static <T extends PreparedMatrix> T cast(PreparedMatrix w, Class<T> type, String kernel) {
        if (!type.isInstance(w)) {
            throw new SwisInputException("matrix", w == null ? null : w.kernel(),
                    "a matrix prepared by kernel '" + kernel + "'");
        }
        return type.cast(w);
    }

    /** Shapes of {@link GemmKernel#gemmInts}: {@code batch} vectors of K ints from xOffset, {@code batch * rows} outputs from yOffset. */
    public static void requireSlices(PreparedMatrix w, int[] x, int xOffset, int batch, int[] y, int yOffset) {
        requireSlices(w.rows(), w.columns(), x, xOffset, batch, y, yOffset);
    }

    /** The same for any {@code rows × columns} matrix (the int8 yardsticks' {@code gemmInts}). */
    public static void requireSlices(int rows, int columns, int[] x, int xOffset, int batch, int[] y, int yOffset) {
        if (batch < 1) {
            throw new SwisInputException("batch", batch, "at least 1");
        }
        long k = columns;
        if (x == null || xOffset < 0 || xOffset + k * batch > x.length) {
            throw new SwisInputException("x.length", x == null ? null : x.length, "at least " + xOffset + " + " + batch + " * " + k);
        }
        if (y == null || yOffset < 0 || yOffset + (long) rows * batch > y.length) {
            throw new SwisInputException("y.length", y == null ? null : y.length,
                    "at least " + yOffset + " + " + batch + " * " + rows);
        }
    }

    /** x holds batch * K activations and y batch * rows outputs. */
    public static void requireShapes(PreparedMatrix w, byte[] x, int batch, int[] y) {
        if (batch < 1) {
            throw new SwisInputException("batch", batch, "at least 1");
        }
        long k = w.columns();
        if (x == null || x.length != k * batch) {
            throw new SwisInputException("x.length", x == null ? null : x.length, batch + " * " + k);
        }
        if (y == null || y.length != (long) w.rows() * batch) {
            throw new SwisInputException("y.length", y == null ? null : y.length, batch + " * " + w.rows());
        }
    }

    /** {@code x[offset .. offset + count)} as bytes; a value outside −128..127 is an error naming its index. */
    public static byte[] int8Operands(int[] x, int offset, int count) {
        byte[] b = new byte[count];
        for (int i = 0; i < count; i++) {
            int v = x[offset + i];
            if (v < -128 || v > 127) {
                throw new IllegalArgumentException("x[" + (offset + i) + "] = " + v + ", expected an int8 operand -128..127");
            }
            b[i] = (byte) v;
        }
        return b;
    }
}
