package org.swis.kernels.scalar;

import org.swis.kernels.SwisCodes;
import org.swis.reference.swis.GroupLayout;

/**
 * The SWIS kernels' offline weight layout: every group is cut into units of 4 slots (M = 4: one
 * unit per group; M = 8: two units sharing the group's shifts; M &lt; 4: padded), and each unit is
 * one word holding the paper's per-group storage (§3.3) with the mask bits plane-major ({@link SlotOrder}):
 * <ul>
 *   <li>compact (every filter has N &lt;= 4), one {@code int} of four bytes, byte i for slot i:
 *       bits 0..3 its mask code (bit j = m_i[j], so plane j of all four slots is
 *       {@code (unit >>> j) & 0x01010101}), bits 4..6 shift s_i of the unit, bit 7 its sign;
 *       8 bits per weight at M = 4, N = 4 (the paper's 4 + 3N + MN bits per group, §3.3);</li>
 *   <li>wide (some N &gt; 4), one {@code long}: plane nibbles in bits 0..31, signs in 32..35, shifts
 *       from bit 36.</li>
 * </ul>
 * Unused planes (j &gt;= N) have a zero nibble, so they add nothing. Activations are regrouped once
 * per call into slot-major order ({@link #expand}), so lane u of slot i meets unit u.
 * {@link #toCodes()} is the exact inverse of {@link #of}.
 */
public final class UnitMatrix extends UnitLayout {
    private final SwisCodes shape;
    private final int unitsPerGroup;
    private final int[] units;
    private final long[] wideUnits;

    private UnitMatrix(String kernel, SwisCodes codes) {
        super(kernel, codes);
        this.shape = codes;
        GroupLayout l = codes.layout();
        int rows = rows();
        int m = l.m();
        this.unitsPerGroup = order.unitsPerGroup();
        int gpf = l.groupsPerFilter();
        boolean compact = planes <= 4;
        this.units = compact ? new int[rows * unitsPerRow] : null;
        this.wideUnits = compact ? null : new long[rows * unitsPerRow];
        for (int r = 0; r < rows; r++) {
            for (int g = 0; g < gpf; g++) {
                int gi = r * gpf + g;
                int sb = codes.supportBits(gi);
                for (int k = 0; k < unitsPerGroup; k++) {
                    long word = 0;
                    int j = 0;
                    for (int p = 0; p < 8; p++) {
                        if ((sb >> p & 1) != 0) {
                            word |= (long) p << shiftBit(compact, j);
                            j++;
                        }
                    }
                    for (int i = 0; i < 4; i++) {
                        int s = k * 4 + i;
                        if (s >= m) {
                            break;
                        }
                        if ((codes.signBits(gi) >> s & 1) != 0) {
                            word |= 1L << signBit(compact, i);
                        }
                        int mask = codes.mask(gi, s);
                        for (int q = 0; q < codes.shifts(r); q++) {
                            if ((mask >> q & 1) != 0) {
                                word |= 1L << maskBit(compact, q, i);
                            }
                        }
                    }
                    int at = r * unitsPerRow + g * unitsPerGroup + k;
                    if (compact) {
                        units[at] = (int) word;
                        negatives[r] += Integer.bitCount((int) word & 0x80808080);
                    } else {
                        wideUnits[at] = word;
                    }
                }
            }
        }
    }

    /** Bit of shift s_j in a unit word. */
    public static int shiftBit(boolean compact, int j) {
        return compact ? 4 + 8 * j : 36 + 3 * j;
    }

    /** Bit of the sign of slot i in a unit word. */
    public static int signBit(boolean compact, int i) {
        return compact ? 8 * i + 7 : 32 + i;
    }

    /** Bit of mask bit m_i[j] (plane j, slot i) in a unit word. */
    public static int maskBit(boolean compact, int j, int i) {
        return compact ? 8 * i + j : 4 * j + i;
    }

    /** Lays out {@code codes} for kernel {@code kernel}. */
    public static UnitMatrix of(String kernel, SwisCodes codes) {
        return new UnitMatrix(kernel, codes);
    }

    /** True for the one-int-per-unit layout (N &lt;= 4). */
    public boolean compact() {
        return units != null;
    }

    /** Compact units, {@code row * unitsPerRow + unit}; null for the wide layout. */
    public int[] units() {
        return units;
    }

    /** Wide units; null for the compact layout. */
    public long[] wideUnits() {
        return wideUnits;
    }

    /** The four magnitudes of a compact unit, one per byte (plane j deposited at shift s_j). */
    public static int magnitudes(int unit, int planes) {
        int mag = 0;
        for (int j = 0; j < planes; j++) {
            mag += (unit >>> j & 0x01010101) << (unit >>> (4 + 8 * j) & 7);
        }
        return mag;
    }

    /** The sign bits of a compact unit as a nibble. */
    public static int signs(int unit) {
        return (unit >>> 7 & 1) | (unit >>> 14 & 2) | (unit >>> 21 & 4) | (unit >>> 28 & 8);
    }

    /** The four magnitudes of a wide unit. */
    public static int magnitudes(long unit, int planes) {
        int mag = 0;
        for (int j = 0; j < planes; j++) {
            mag += spread((int) (unit >>> (4 * j)) & 15) << (int) (unit >>> (36 + 3 * j) & 7);
        }
        return mag;
    }

    /** Moves bit i of a nibble to bit 8i: one multiply, one mask (SWAR). */
    public static int spread(int nibble) {
        return nibble * 0x204081 & 0x01010101;
    }

    /** Signed weight of slot i of a unit: magnitude byte i, negated when sign bit i is set. */
    public int unitWeight(int row, int unit, int slot) {
        int at = row * unitsPerRow + unit;
        int mag;
        int signs;
        if (compact()) {
            mag = magnitudes(units[at], planes);
            signs = signs(units[at]);
        } else {
            mag = magnitudes(wideUnits[at], planes);
            signs = (int) (wideUnits[at] >>> 32) & 15;
        }
        int v = mag >>> (8 * slot) & 0xFF;
        return (signs >> slot & 1) != 0 ? -v : v;
    }

    @Override
    public int weight(int row, int column) {
        int pos = order.slotPosition(column);
        return unitWeight(row, pos % unitsPerRow, pos / unitsPerRow);
    }

    @Override
    public long bytes() {
        return (compact() ? 4L : 8L) * rows() * unitsPerRow;
    }

    /** The exact inverse of the layout: the codes it was built from. */
    public SwisCodes toCodes() {
        GroupLayout l = shape.layout();
        int m = l.m();
        int gpf = l.groupsPerFilter();
        int rows = rows();
        SwisCodes.Builder b = SwisCodes.builder(shape.scheme(), l, rows, shape.shiftsPerFilter());
        for (int r = 0; r < rows; r++) {
            int n = shape.shifts(r);
            for (int g = 0; g < gpf; g++) {
                int gi = r * gpf + g;
                long first = word(r * unitsPerRow + g * unitsPerGroup);
                int sb = 0;
                for (int j = 0; j < n; j++) {
                    sb |= 1 << (int) (first >>> shiftBit(compact(), j) & 7);
                }
                b.support[gi] = (byte) sb;
                int signs = 0;
                for (int s = 0; s < m; s++) {
                    long w = word(r * unitsPerRow + g * unitsPerGroup + s / 4);
                    int i = s % 4;
                    if ((w >>> signBit(compact(), i) & 1) != 0) {
                        signs |= 1 << s;
                    }
                    int mask = 0;
                    for (int j = 0; j < n; j++) {
                        if ((w >>> maskBit(compact(), j, i) & 1) != 0) {
                            mask |= 1 << j;
                        }
                    }
                    b.masks[gi * m + s] = (byte) mask;
                }
                b.signs[gi] = signs;
            }
        }
        return b.build();
    }

    private long word(int at) {
        return compact() ? units[at] & 0xFFFFFFFFL : wideUnits[at];
    }
}
