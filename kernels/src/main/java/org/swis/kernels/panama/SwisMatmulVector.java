package org.swis.kernels.panama;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.swis.kernels.GemmKernel;
import org.swis.kernels.GemvKernel;
import org.swis.kernels.MatrixChecks;
import org.swis.kernels.PreparedMatrix;
import org.swis.kernels.SwisCodes;
import org.swis.kernels.scalar.UnitMatrix;

/**
 * SWIS GEMV/GEMM with the Vector API on {@link UnitMatrix}: lanes are units (4 weights of a group).
 * Per plane j the layout already holds one mask bit per byte ({@code (unit >>> j) & 0x01010101}),
 * shifted by the lane's own s_j, so the four magnitudes (paper Eq. 6) build up in the four bytes of
 * each int lane without carries. The GEMV multiplies in 16-bit lanes: each int lane seen as two shorts holds
 * slots 0 and 2 (low bytes) or, shifted down 8 bits, slots 1 and 3, and meets the activations of those slots
 * (|magnitude · int8| &lt;= 32640 fits a short). The GEMV of rows with an overlapping last vector, the scalar
 * row tails and the GEMM take the bytes one slot at a time in int32 lanes. Eq. 7 is summed over slots and
 * planes either way; a negative slot's product p is complemented, {@code p ^ -1 = -p - 1}, and the row adds
 * its count of negative slots back once
 * ({@link UnitMatrix#negatives}).
 *
 * <p>GEMV fuses decode and dot. GEMM (batch &gt; 1) decodes a row once into signed int32 weights and
 * hands rows in pairs to the same inner kernel as the int8 GEMM ({@link IntDots#rowPairTimesBatch}), so the decode
 * is amortised over the batch.
 */
final class SwisMatmulVector implements GemvKernel, GemmKernel {
    private static final VectorSpecies<Integer> S = IntDots.S;
    private static final int L = IntDots.L;
    /** Short lanes of the same shape: two per unit lane. */
    private static final VectorSpecies<Short> SS = S.withLanes(short.class);

    @Override
    public String name() {
        return "swis-vector";
    }

    @Override
    public String description() {
        return "Vector API: decode units to bytes in int lanes (" + L + " units per vector), dot in int32 lanes";
    }

    @Override
    public PreparedMatrix prepare(SwisCodes codes) {
        return UnitMatrix.of(name(), codes);
    }

    @Override
    public void gemv(PreparedMatrix w, byte[] x, int[] y) {
        UnitMatrix um = MatrixChecks.cast(w, UnitMatrix.class, name());
        MatrixChecks.requireShapes(w, x, 1, y);
        int[] a = um.expand(x, 1);
        if (!um.compact()) {
            gemmDecoded(um, a, 1, y);
            return;
        }
        int u4 = um.unitsPerRow();
        int planes = um.planes();
        int[] units = um.units();
        int upper = S.loopBound(u4);
        if (u4 - upper >= OVERLAP_MIN_TAIL && u4 >= L) {
            rowsWithOverlap(um, a, y);
            return;
        }
        short[] pairs = slotPairs(a, u4);
        for (int r = 0; r < um.rows(); r++) {
            int base = r * u4;
            IntVector whole = IntVector.zero(S);
            IntVector high = IntVector.zero(S);
            for (int u = 0; u < upper; u += L) {
                IntVector c = IntVector.fromArray(S, units, base + u);
                IntVector mag = magnitudes(c, planes);
                ShortVector cs = c.reinterpretAsShorts();
                // slots 0 and 2 in the low byte of each short, their signs at bit 7; slots 1 and 3 in the high byte
                ShortVector p02 = mag.and(0x00FF00FF).reinterpretAsShorts()
                        .mul(ShortVector.fromArray(SS, pairs, 2 * u))
                        .lanewise(VectorOperators.XOR, cs.lanewise(VectorOperators.LSHL, 8).lanewise(VectorOperators.ASHR, 15));
                ShortVector p13 = mag.lanewise(VectorOperators.LSHR, 8).and(0x00FF00FF).reinterpretAsShorts()
                        .mul(ShortVector.fromArray(SS, pairs, 2 * u4 + 2 * u))
                        .lanewise(VectorOperators.XOR, cs.lanewise(VectorOperators.ASHR, 15));
                // each int lane holds two signed 16-bit products h:l; with the low one offset by 2^15 (sign bit
                // flipped) the lane is 65536 h + l + 32768 with a non-negative low half, so x >> 16 = h exactly
                IntVector x02 = p02.reinterpretAsInts().lanewise(VectorOperators.XOR, 0x8000);
                IntVector x13 = p13.reinterpretAsInts().lanewise(VectorOperators.XOR, 0x8000);
                whole = whole.add(x02.add(x13));
                high = high.add(x02.lanewise(VectorOperators.ASHR, 16).add(x13.lanewise(VectorOperators.ASHR, 16)));
            }
            // sum(h + l) = whole - 65535 high - 32768 (2 upper): exact modulo 2^32, and the true sum fits an int
            int sum = whole.reduceLanes(VectorOperators.ADD) - 65535 * high.reduceLanes(VectorOperators.ADD) - 65536 * upper;
            for (int u = upper; u < u4; u++) {
                int c = units[base + u];
                int mag = UnitMatrix.magnitudes(c, planes);
                for (int i = 0; i < 4; i++) {
                    int v = (mag >>> (8 * i) & 0xFF) * a[i * u4 + u];
                    sum += v ^ -(c >>> (8 * i + 7) & 1);
                }
            }
            y[r] = sum + um.negatives(r);
        }
    }

    /**
     * The slot-major activations {@code a[i * U + u]} regrouped for 16-bit lanes: block q (q = 0: slots 0 and 2,
     * q = 1: slots 1 and 3) at {@code 2 * U * q}, with {@code pairs[2 U q + 2u + h]} = activation of slot q + 2h of
     * unit u, so short lane 2u + h meets the byte of that slot in unit u's int lane (little-endian lane order).
     */
    private static short[] slotPairs(int[] a, int u4) {
        short[] pairs = new short[4 * u4];
        for (int q = 0; q < 2; q++) {
            for (int u = 0; u < u4; u++) {
                pairs[2 * u4 * q + 2 * u] = (short) a[q * u4 + u];
                pairs[2 * u4 * q + 2 * u + 1] = (short) a[(q + 2) * u4 + u];
            }
        }
        return pairs;
    }

    /**
     * Shortest row tail (units beyond the last whole vector) that the GEMV covers with an overlapping vector
     * rather than scalar code. Measured (docs/KERNELS.md §7, JDK 17, 16 lanes): a tail of 8 units (960x160) runs
     * 2.9x faster overlapped, a tail of 1 unit (ResNet-18 conv1, 49 units) 11 % slower; L / 4 lies between the
     * two and was not measured itself.
     */
    private static final int OVERLAP_MIN_TAIL = Math.max(2, L / 4);

    /**
     * The GEMV for rows whose units do not fill whole vectors (u4 &gt;= L, a tail of at least {@link #OVERLAP_MIN_TAIL}
     * units; e.g. K = 160 at 512 bits):
     * the last vector of each row overlaps the one before it (units u4 - L .. u4 - 1) and the lanes already summed
     * are zeroed by a lane mask, instead of a scalar tail of up to L - 1 units. One loop with the same body for
     * every vector, the mask loaded from {@code keep} at offset 0 (all lanes) or L (the overlap's lanes), so no
     * vector is live across a branch or a call (JDK 17's C2 boxes such vectors, docs/KERNELS.md §7).
     */
    private static void rowsWithOverlap(UnitMatrix um, int[] a, int[] y) {
        int u4 = um.unitsPerRow();
        int planes = um.planes();
        int[] units = um.units();
        int vectors = (u4 + L - 1) / L;
        int last = u4 - L;
        int[] keep = new int[2 * L];
        java.util.Arrays.fill(keep, 0, L, -1);
        for (int lane = L + L - (u4 - S.loopBound(u4)); lane < 2 * L; lane++) {
            keep[lane] = -1;
        }
        for (int r = 0; r < um.rows(); r++) {
            int base = r * u4;
            IntVector acc = IntVector.zero(S);
            for (int k = 0; k < vectors; k++) {
                int u = Math.min(k * L, last);
                IntVector c = IntVector.fromArray(S, units, base + u);
                IntVector mag = magnitudes(c, planes);
                IntVector sum = IntVector.zero(S);
                for (int i = 0; i < 4; i++) {
                    IntVector v = mag.lanewise(VectorOperators.LSHR, 8 * i).and(0xFF);
                    IntVector p = v.mul(IntVector.fromArray(S, a, i * u4 + u));
                    sum = sum.add(p.lanewise(VectorOperators.XOR, signMask(c, i)));
                }
                acc = acc.add(sum.and(IntVector.fromArray(S, keep, k * L > last ? L : 0)));
            }
            y[r] = acc.reduceLanes(VectorOperators.ADD) + um.negatives(r);
        }
    }

    /**
     * The four magnitudes of each unit lane, one per byte: plane j is {@code (c >>> j) & 0x01010101},
     * shifted by the lane's s_j (bits 4+8j..6+8j); distinct shifts, so no carries (Eq. 6).
     */
    private static IntVector magnitudes(IntVector c, int planes) {
        IntVector mag = IntVector.zero(S);
        for (int j = 0; j < planes; j++) {
            IntVector bits = c.lanewise(VectorOperators.LSHR, j).and(0x01010101);
            mag = mag.add(bits.lanewise(VectorOperators.LSHL, c.lanewise(VectorOperators.LSHR, 4 + 8 * j).and(7)));
        }
        return mag;
    }

    /** All ones in lanes whose slot i is negative (sign bit 8i+7), else 0. */
    private static IntVector signMask(IntVector c, int i) {
        return c.lanewise(VectorOperators.LSHL, 24 - 8 * i).lanewise(VectorOperators.ASHR, 31);
    }

    /** Signed weight of slot i: magnitude byte i, negated where the slot's sign bit is set. */
    private static IntVector slotWeight(IntVector c, IntVector mag, int i) {
        IntVector v = mag.lanewise(VectorOperators.LSHR, 8 * i).and(0xFF);
        IntVector s = signMask(c, i);
        return v.lanewise(VectorOperators.XOR, s).sub(s);
    }

    @Override
    public void gemm(PreparedMatrix w, byte[] x, int batch, int[] y) {
        UnitMatrix um = MatrixChecks.cast(w, UnitMatrix.class, name());
        MatrixChecks.requireShapes(w, x, batch, y);
        gemmDecoded(um, um.expand(x, batch), batch, y);
    }

    /**
     * Activations already in canonical order as ints (the caller's im2col wrote them): each row is decoded
     * slot-major as in {@link #gemm} and permuted to canonical order once per call ({@code rows · K} moves),
     * so the {@code batch · K} regrouping of {@link UnitMatrix#expand} disappears. Few rows (at most
     * {@link IntDots#BY_COLUMNS_MAX_ROWS}) go through the column-broadcast kernel, more through row pairs. Values must be int8
     * operands (−128..127), the bound under which int32 sums are exact ({@link MatrixChecks#requireIntSums}).
     */
    @Override
    public void gemmInts(PreparedMatrix w, int[] x, int xOffset, int batch, int[] y, int yOffset) {
        UnitMatrix um = MatrixChecks.cast(w, UnitMatrix.class, name());
        MatrixChecks.requireSlices(w, x, xOffset, batch, y, yOffset);
        int k = um.columns();
        int[] pos = new int[k];
        for (int c = 0; c < k; c++) {
            pos[c] = um.slotPosition(c);
        }
        int[] dec = new int[4 * um.unitsPerRow()];
        IntDots.RowSource src = (r, row) -> {
            decodeRow(um, r, dec);
            for (int c = 0; c < k; c++) {
                row[c] = dec[pos[c]];
            }
        };
        IntDots.gemmColumns(um.rows(), k, src, x, xOffset, batch, y, yOffset);
    }

    private static void gemmDecoded(UnitMatrix um, int[] a, int batch, int[] y) {
        int len = 4 * um.unitsPerRow();
        IntDots.gemm(um.rows(), len, (r, row) -> decodeRow(um, r, row), a, 0, batch, y, 0);
    }

    /** Signed weights of units u .. u + L - 1 of the row at {@code base} into {@code dec[i * U + u]}. */
    private static void decodeUnits(int[] units, int base, int u, int u4, int planes, int[] dec) {
        IntVector c = IntVector.fromArray(S, units, base + u);
        IntVector mag = magnitudes(c, planes);
        for (int i = 0; i < 4; i++) {
            slotWeight(c, mag, i).intoArray(dec, i * u4 + u);
        }
    }

    /** Signed int32 weights of row r, slot-major ({@code dec[i * U + u]}). */
    static void decodeRow(UnitMatrix um, int r, int[] dec) {
        int u4 = um.unitsPerRow();
        int planes = um.planes();
        int base = r * u4;
        int done = 0;
        int[] units = um.units();
        long[] wide = um.wideUnits();
        if (units != null) {
            int upper = S.loopBound(u4);
            for (int u = 0; u < upper; u += L) {
                decodeUnits(units, base, u, u4, planes, dec);
            }
            done = upper;
            if (upper < u4 && u4 >= L) {
                // the last L units again, overlapping: the overlapped lanes are rewritten with the same weights
                decodeUnits(units, base, u4 - L, u4, planes, dec);
                done = u4;
            }
        }
        for (int u = done; u < u4; u++) {
            // one magnitude decode per unit for its four slots (unitWeight would redo it per slot)
            int mag;
            int signs;
            if (wide != null) {
                long word = wide[base + u];
                mag = UnitMatrix.magnitudes(word, planes);
                signs = (int) (word >>> UnitMatrix.signBit(false, 0)) & 15;
            } else {
                mag = UnitMatrix.magnitudes(units[base + u], planes);
                signs = UnitMatrix.signs(units[base + u]);
            }
            for (int i = 0; i < 4; i++) {
                int v = mag >>> (8 * i) & 0xFF;
                dec[i * u4 + u] = (signs >> i & 1) != 0 ? -v : v;
            }
        }
    }
}
