package org.swis.kernels.baseline;

import org.swis.kernels.MatrixChecks;
import org.swis.reference.SwisInputException;
import org.swis.reference.tensor.QuantizedTensor;

/**
 * The yardstick's weights: the layer's plain int8 matrix, rows = filters, columns in canonical order,
 * every value in [-127, 127] (symmetric INT8, the paper's baseline quantization).
 */
public final class Int8Matrix {
    private final int rows;
    private final int columns;
    private final byte[] data;

    public Int8Matrix(int rows, int columns, byte[] data) {
        if (rows < 1 || columns < 1 || data == null || data.length != (long) rows * columns) {
            throw new SwisInputException("int8 matrix", rows + "x" + columns + " with "
                    + (data == null ? null : data.length) + " values", "rows * columns values");
        }
        MatrixChecks.requireIntSums(columns);
        for (int i = 0; i < data.length; i++) {
            if (data[i] == Byte.MIN_VALUE) {
                throw new SwisInputException("int8[" + i + "]", -128, "a value in -127..127");
            }
        }
        this.rows = rows;
        this.columns = columns;
        this.data = data.clone();
    }

    /** The integer weights of a quantized tensor; fails on a magnitude above 127. */
    public static Int8Matrix of(QuantizedTensor t) {
        byte[] d = new byte[t.size()];
        for (int i = 0; i < d.length; i++) {
            int v = t.value(i);
            if (v < -127 || v > 127) {
                throw new SwisInputException(t.name() + ".value[" + i + "]", v, "a value in -127..127 for the int8 baseline");
            }
            d[i] = (byte) v;
        }
        return new Int8Matrix(t.filters(), t.filterSize(), d);
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** The values, row-major. Not a copy: kernels read it in place and must not write it. */
    public byte[] data() {
        return data;
    }

    public int get(int row, int column) {
        return data[row * columns + column];
    }
}
