package org.swis.kernels.scalar;

import org.swis.kernels.MatrixChecks;
import org.swis.kernels.PreparedMatrix;
import org.swis.kernels.SwisCodes;

/**
 * What the two unit layouts share (docs/KERNELS.md §3): the {@link SlotOrder} of units and activations, the
 * number of planes every unit is decoded with (the largest N), and per row the count of negative slots.
 * {@link UnitMatrix} stores a unit in one word, {@link PackedUnitMatrix} in byte streams.
 */
public abstract class UnitLayout implements PreparedMatrix {
    private final String kernel;
    private final int rows;
    private final int columns;
    final SlotOrder order;
    final int unitsPerRow;
    final int planes;
    /** Per row, the number of slots whose sign bit is set, see {@link #negatives(int)}. */
    final int[] negatives;

    UnitLayout(String kernel, SwisCodes codes) {
        this.kernel = kernel;
        this.rows = codes.filters();
        this.columns = codes.layout().filterSize();
        MatrixChecks.requireIntSums(columns);
        this.order = new SlotOrder(codes.layout());
        this.unitsPerRow = order.unitsPerRow();
        if ((long) unitsPerRow * rows > Integer.MAX_VALUE - 16) {
            throw new org.swis.reference.SwisInputException("matrix", rows + "x" + columns, "fewer than 2^31 units");
        }
        this.planes = codes.maxShifts();
        this.negatives = new int[rows];
    }

    @Override
    public String kernel() {
        return kernel;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int columns() {
        return columns;
    }

    /** Units per row, U. */
    public int unitsPerRow() {
        return unitsPerRow;
    }

    /** Largest N: the number of planes every unit is decoded with. */
    public int planes() {
        return planes;
    }

    /**
     * Number of negative slots in a row. A kernel that negates a product p with {@code p ^ -1 = -p - 1}
     * (one op instead of two) adds this count back once per row.
     */
    public int negatives(int row) {
        return negatives[row];
    }

    /** Regroups activations slot-major ({@link SlotOrder#expand}). */
    public int[] expand(byte[] x, int batch) {
        return order.expand(x, batch);
    }

    /** Slot-major position ({@code i * unitsPerRow + u}) of canonical column {@code column}. */
    public int slotPosition(int column) {
        return order.slotPosition(column);
    }
}
