package org.swis.kernels.scalar;

import org.swis.kernels.SwisCodes;
import org.swis.reference.swis.GroupLayout;

/**
 * The packed SWIS layout (docs/KERNELS.md §3): the units of {@link UnitMatrix} (same {@link SlotOrder},
 * 4 slots each) stored in byte streams near the format's own size, the paper's 4 + 3N + MN bits per group
 * (§3.3), i.e. 1 + N + 3N/4 bits per weight at M = 4. Per unit {@code at = row * U + u}:
 * <ul>
 *   <li>{@code low[at]}: bits 0..3 the plane-0 nibble (bit i = m_i[0] of slot i), bits 4..7 the plane-1 nibble;</li>
 *   <li>{@code head[at]}: bits 0..2 s_0, bits 3..5 s_1, bit 6 the sign of slot 0, bit 7 the sign of slot 1;</li>
 *   <li>{@code ext[(j - 2) * rows * U + at]} for planes 2 &lt;= j &lt; N: bits 0..3 the plane-j nibble, bits 4..6 s_j;</li>
 *   <li>{@code signs[row * B + u / 16]} (B = ceil(U / 16)): bits 2k and 2k + 1 the signs of slots 2 and 3 of
 *       unit {@code u = 16 * block + k}.</li>
 * </ul>
 * That is 2 + max(0, N − 2) + 1/4 bytes per unit: 4.5 bits per weight at N = 2 (the format's size), 6.5 at
 * N = 3 (format 6.25), 8.5 at N = 4 (format 8, where {@link UnitMatrix} is at the format's size already);
 * N = 1 keeps the plane-1 byte half empty (4.5 against 2.75). Unused planes (j &gt;= a filter's N) have zero
 * nibbles and add nothing. Each stream is one byte (or two bits) per unit so that a vector kernel widens it
 * to one int lane per unit with a single B2I load. {@link #weight} decodes with {@link #magnitudes} and
 * {@link #signs}.
 */
public final class PackedUnitMatrix extends UnitLayout {
    /** Units per word of {@link #signs()}. */
    public static final int SIGN_BLOCK = 16;

    private final int signBlocks;
    private final byte[] low;
    private final byte[] head;
    private final byte[] ext;
    private final int[] signs;

    private PackedUnitMatrix(String kernel, SwisCodes codes) {
        super(kernel, codes);
        GroupLayout l = codes.layout();
        int rows = rows();
        if ((long) unitsPerRow * rows * Math.max(1, planes - 2) > Integer.MAX_VALUE - 16) {
            throw new org.swis.reference.SwisInputException("matrix", rows + "x" + columns(), "fewer than 2^31 unit bytes");
        }
        this.signBlocks = (unitsPerRow + SIGN_BLOCK - 1) / SIGN_BLOCK;
        int total = rows * unitsPerRow;
        this.low = new byte[total];
        this.head = new byte[total];
        this.ext = new byte[Math.max(0, planes - 2) * total];
        this.signs = new int[rows * signBlocks];
        int m = l.m();
        int upg = order.unitsPerGroup();
        int gpf = l.groupsPerFilter();
        int[] shift = new int[8];
        int[] nibble = new int[8];
        for (int r = 0; r < rows; r++) {
            int n = codes.shifts(r);
            for (int g = 0; g < gpf; g++) {
                int gi = r * gpf + g;
                int sb = codes.supportBits(gi);
                java.util.Arrays.fill(shift, 0);
                for (int p = 0, j = 0; p < 8; p++) {
                    if ((sb >> p & 1) != 0) {
                        shift[j++] = p;
                    }
                }
                for (int k = 0; k < upg; k++) {
                    int u = g * upg + k;
                    int at = r * unitsPerRow + u;
                    java.util.Arrays.fill(nibble, 0);
                    int sign = 0;
                    for (int i = 0; i < 4 && k * 4 + i < m; i++) {
                        int s = k * 4 + i;
                        sign |= (codes.signBits(gi) >> s & 1) << i;
                        int mask = codes.mask(gi, s);
                        for (int q = 0; q < n; q++) {
                            nibble[q] |= (mask >> q & 1) << i;
                        }
                    }
                    low[at] = (byte) (nibble[0] | nibble[1] << 4);
                    head[at] = (byte) (shift[0] | shift[1] << 3 | (sign & 3) << 6);
                    for (int j = 2; j < planes; j++) {
                        ext[(j - 2) * total + at] = (byte) (nibble[j] | shift[j] << 4);
                    }
                    signs[r * signBlocks + u / SIGN_BLOCK] |= (sign >>> 2) << (2 * (u % SIGN_BLOCK));
                    negatives[r] += Integer.bitCount(sign);
                }
            }
        }
    }

    /** Lays out {@code codes} for kernel {@code kernel}. */
    public static PackedUnitMatrix of(String kernel, SwisCodes codes) {
        return new PackedUnitMatrix(kernel, codes);
    }

    /** Words of {@link #signs()} per row. */
    public int signBlocks() {
        return signBlocks;
    }

    public byte[] low() {
        return low;
    }

    public byte[] head() {
        return head;
    }

    /** Planes 2..N−1, plane j at offset {@code (j − 2) * rows * U}. */
    public byte[] ext() {
        return ext;
    }

    public int[] signs() {
        return signs;
    }

    /** The four magnitudes of unit {@code at = row * U + u}, one per byte (plane j deposited at s_j, Eq. 6). */
    public int magnitudes(int at) {
        int lo = low[at] & 0xFF;
        int h = head[at] & 0xFF;
        int mag = (UnitMatrix.spread(lo & 15) << (h & 7)) + (UnitMatrix.spread(lo >>> 4) << (h >>> 3 & 7));
        int total = rows() * unitsPerRow;
        for (int j = 2; j < planes; j++) {
            int e = ext[(j - 2) * total + at];
            mag += UnitMatrix.spread(e & 15) << (e >>> 4 & 7);
        }
        return mag;
    }

    /** The sign bits of unit u of a row as a nibble (bit i: slot i negative). */
    public int signs(int row, int u) {
        int hi = signs[row * signBlocks + u / SIGN_BLOCK] >>> (2 * (u % SIGN_BLOCK)) & 3;
        return (head[row * unitsPerRow + u] >>> 6 & 3) | hi << 2;
    }

    @Override
    public int weight(int row, int column) {
        int pos = order.slotPosition(column);
        int u = pos % unitsPerRow;
        int slot = pos / unitsPerRow;
        int v = magnitudes(row * unitsPerRow + u) >>> (8 * slot) & 0xFF;
        return (signs(row, u) >> slot & 1) != 0 ? -v : v;
    }

    @Override
    public long bytes() {
        return (long) low.length + head.length + ext.length + 4L * signs.length;
    }
}
