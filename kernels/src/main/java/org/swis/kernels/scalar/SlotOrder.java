package org.swis.kernels.scalar;

import org.swis.reference.swis.GroupLayout;

/**
 * Where each weight of a filter sits in the SWIS kernels' layouts (docs/KERNELS.md §3): every group is cut
 * into units of 4 slots (M = 4: one unit per group; M = 8: two units sharing the group's shifts; M &lt; 4:
 * one unit, padded), and activations are read slot-major, {@code i * U + u} for slot i of unit u (U units
 * per row), so that lane u of slot i meets unit u. Shared by {@link UnitMatrix} and
 * {@link PackedUnitMatrix}, which store the same units in different words.
 */
public final class SlotOrder {
    private final int unitsPerGroup;
    private final int unitsPerRow;
    private final int columns;
    /** Slot-major: canonical column feeding slot i of unit u at {@code i * unitsPerRow + u}, or -1. */
    private final int[] source;
    /** Canonical column to its slot-major position. */
    private final int[] position;

    SlotOrder(GroupLayout l) {
        this.columns = l.filterSize();
        int m = l.m();
        this.unitsPerGroup = (m + 3) / 4;
        int gpf = l.groupsPerFilter();
        long upr = (long) gpf * unitsPerGroup;
        if (upr * 4 > Integer.MAX_VALUE / 2) {
            throw new org.swis.reference.SwisInputException("matrix", "1x" + columns, "fewer than 2^29 units per row");
        }
        this.unitsPerRow = (int) upr;
        this.source = new int[4 * unitsPerRow];
        this.position = new int[columns];
        java.util.Arrays.fill(source, -1);
        for (int g = 0; g < gpf; g++) {
            for (int s = 0; s < m; s++) {
                int e = l.element(g, s);
                if (e != GroupLayout.PAD) {
                    int u = g * unitsPerGroup + s / 4;
                    int pos = (s % 4) * unitsPerRow + u;
                    source[pos] = e;
                    position[e] = pos;
                }
            }
        }
    }

    /** Units per group: 1 for M &lt;= 4, 2 for M = 8. */
    public int unitsPerGroup() {
        return unitsPerGroup;
    }

    /** Units per row (filter), U. */
    public int unitsPerRow() {
        return unitsPerRow;
    }

    /**
     * Regroups {@code batch} activation vectors into slot-major int lanes:
     * {@code out[b * 4U + i * U + u]} = activation feeding slot i of unit u, 0 for padding.
     */
    public int[] expand(byte[] x, int batch) {
        int n = 4 * unitsPerRow;
        int[] out = new int[n * batch];
        for (int b = 0; b < batch; b++) {
            int xo = b * columns;
            int oo = b * n;
            for (int p = 0; p < n; p++) {
                int s = source[p];
                out[oo + p] = s < 0 ? 0 : x[xo + s];
            }
        }
        return out;
    }

    /** Slot-major position ({@code i * unitsPerRow + u}) of canonical column {@code column}. */
    public int slotPosition(int column) {
        return position[column];
    }
}
