package org.swis.kernels.panama;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.swis.kernels.GemvKernel;
import org.swis.kernels.MatrixChecks;
import org.swis.kernels.PreparedMatrix;
import org.swis.kernels.SwisCodes;
import org.swis.kernels.scalar.PackedUnitMatrix;
import org.swis.kernels.scalar.UnitMatrix;

/**
 * SWIS GEMV on the packed layout ({@link PackedUnitMatrix}, 4.5 bits per weight at N = 2): lanes are units,
 * as in {@code swis-vector}. Each byte stream is widened to one int lane per unit with one B2I load; per plane
 * the nibble is spread to one bit per byte ({@code * 0x204081 & 0x01010101}) and shifted by the lane's s_j,
 * so the four magnitudes build up without carries (paper Eq. 6); slots 0 and 1 take their signs from the head
 * byte, slots 2 and 3 from a broadcast word of two-bit fields shifted per lane. The dot is the one of
 * {@code swis-vector} (Eq. 7, products of negative slots complemented and the row's count added back).
 * Batch 1 only: it shows what the smaller footprint costs in decode work.
 */
final class SwisPackedVector implements GemvKernel {
    private static final VectorSpecies<Integer> S = IntDots.S;
    private static final int L = IntDots.L;
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_PREFERRED.withShape(
            VectorShape.forBitSize(S.vectorBitSize() / 4));
    /** Two bits per lane: the shift that brings unit k's slot-2/3 sign pair down, for a block's first and second half (L = 8). */
    private static final IntVector SIGN_SHIFT = IntVector.zero(S).addIndex(2);
    private static final IntVector SIGN_SHIFT_HIGH = SIGN_SHIFT.add(2 * L);

    /** True when L int lanes divide a sign word's 16 units (8 or 16 lanes); {@link PanamaKernels} offers the kernel only then. */
    static boolean fitsLanes() {
        return PackedUnitMatrix.SIGN_BLOCK % L == 0;
    }

    @Override
    public String name() {
        return "swis-packed-vector";
    }

    @Override
    public String description() {
        return "Vector API on the packed layout (4.5 bits/weight at M=4, N=2): byte streams widened B2I to "
                + L + " unit lanes";
    }

    @Override
    public PreparedMatrix prepare(SwisCodes codes) {
        return PackedUnitMatrix.of(name(), codes);
    }

    @Override
    public void gemv(PreparedMatrix w, byte[] x, int[] y) {
        PackedUnitMatrix pm = MatrixChecks.cast(w, PackedUnitMatrix.class, name());
        MatrixChecks.requireShapes(w, x, 1, y);
        int[] a = pm.expand(x, 1);
        // Two row loops: with N <= 2 the plane loop of rowsWithExt would never be entered, and JDK 17's C2 then
        // boxes the magnitude vector (measured: 75 MB allocated per 4096x4096 call, 4.5x slower; docs/KERNELS.md §7).
        if (pm.planes() <= 2) {
            rowsTwoPlanes(pm, a, y);
        } else {
            rowsWithExt(pm, a, y);
        }
    }

    /** Planes 0 and 1 only (N &lt;= 2): no ext stream. */
    private static void rowsTwoPlanes(PackedUnitMatrix pm, int[] a, int[] y) {
        int u4 = pm.unitsPerRow();
        byte[] low = pm.low();
        byte[] head = pm.head();
        int[] signs = pm.signs();
        int sb = pm.signBlocks();
        int upper = u4 - u4 % L;
        for (int r = 0; r < pm.rows(); r++) {
            int base = r * u4;
            IntVector acc = IntVector.zero(S);
            for (int u = 0; u < upper; u += L) {
                IntVector lo = widen(low, base + u);
                IntVector hd = widen(head, base + u);
                acc = acc.add(products(twoPlanes(lo, hd), hd, signWord(signs, r * sb, u), a, u, u4));
            }
            y[r] = tail(pm, r, upper, a, acc.reduceLanes(VectorOperators.ADD));
        }
    }

    /** Planes 0, 1 and the ext planes 2 .. N - 1 (N &gt; 2). */
    private static void rowsWithExt(PackedUnitMatrix pm, int[] a, int[] y) {
        int u4 = pm.unitsPerRow();
        int planes = pm.planes();
        byte[] low = pm.low();
        byte[] head = pm.head();
        byte[] ext = pm.ext();
        int[] signs = pm.signs();
        int total = pm.rows() * u4;
        int sb = pm.signBlocks();
        int upper = u4 - u4 % L;
        for (int r = 0; r < pm.rows(); r++) {
            int base = r * u4;
            IntVector acc = IntVector.zero(S);
            for (int u = 0; u < upper; u += L) {
                int at = base + u;
                IntVector lo = widen(low, at);
                IntVector hd = widen(head, at);
                IntVector mag = twoPlanes(lo, hd);
                for (int j = 2; j < planes; j++) {
                    IntVector e = widen(ext, (j - 2) * total + at);
                    mag = mag.add(spread(e.and(15)).lanewise(VectorOperators.LSHL, e.lanewise(VectorOperators.LSHR, 4)));
                }
                acc = acc.add(products(mag, hd, signWord(signs, r * sb, u), a, u, u4));
            }
            y[r] = tail(pm, r, upper, a, acc.reduceLanes(VectorOperators.ADD));
        }
    }

    /** Magnitudes of planes 0 and 1: each nibble spread to one bit per byte, shifted by its lane's s_j (Eq. 6). */
    private static IntVector twoPlanes(IntVector lo, IntVector hd) {
        return spread(lo.and(15)).lanewise(VectorOperators.LSHL, hd.and(7))
                .add(spread(lo.lanewise(VectorOperators.LSHR, 4).and(15))
                        .lanewise(VectorOperators.LSHL, hd.lanewise(VectorOperators.LSHR, 3).and(7)));
    }

    /** The slot-2/3 sign pairs of units u .. u + L - 1 brought down to bits 0 and 1 of each lane. */
    private static IntVector signWord(int[] signs, int rowBlocks, int u) {
        return IntVector.broadcast(S, signs[rowBlocks + u / PackedUnitMatrix.SIGN_BLOCK])
                .lanewise(VectorOperators.LSHR, u % PackedUnitMatrix.SIGN_BLOCK == 0 ? SIGN_SHIFT : SIGN_SHIFT_HIGH);
    }

    /**
     * Per unit lane, the four slots' magnitude bytes times their activations, complemented where negative: slot 0
     * takes its sign from head bit 6, slot 1 from bit 7 (sign-extended by B2I), slots 2 and 3 from {@code hi}.
     */
    private static IntVector products(IntVector mag, IntVector hd, IntVector hi, int[] a, int u, int u4) {
        return mag.and(0xFF).mul(IntVector.fromArray(S, a, u))
                .lanewise(VectorOperators.XOR, hd.lanewise(VectorOperators.LSHL, 25).lanewise(VectorOperators.ASHR, 31))
                .add(mag.lanewise(VectorOperators.LSHR, 8).and(0xFF).mul(IntVector.fromArray(S, a, u4 + u))
                        .lanewise(VectorOperators.XOR, hd.lanewise(VectorOperators.ASHR, 31)))
                .add(mag.lanewise(VectorOperators.LSHR, 16).and(0xFF).mul(IntVector.fromArray(S, a, 2 * u4 + u))
                        .lanewise(VectorOperators.XOR, hi.lanewise(VectorOperators.LSHL, 31).lanewise(VectorOperators.ASHR, 31)))
                .add(mag.lanewise(VectorOperators.LSHR, 24).mul(IntVector.fromArray(S, a, 3 * u4 + u))
                        .lanewise(VectorOperators.XOR, hi.lanewise(VectorOperators.LSHL, 30).lanewise(VectorOperators.ASHR, 31)));
    }

    /** Adds the scalar tail (units from {@code upper}) and the row's negative-slot count to the vector sum. */
    private static int tail(PackedUnitMatrix pm, int r, int upper, int[] a, int sum) {
        int u4 = pm.unitsPerRow();
        for (int u = upper; u < u4; u++) {
            int mag = pm.magnitudes(r * u4 + u);
            int sg = pm.signs(r, u);
            for (int i = 0; i < 4; i++) {
                int v = (mag >>> (8 * i) & 0xFF) * a[i * u4 + u];
                sum += v ^ -(sg >>> i & 1);
            }
        }
        return sum + pm.negatives(r);
    }

    /** One byte per unit, sign-extended to int lanes. */
    private static IntVector widen(byte[] stream, int at) {
        return (IntVector) ByteVector.fromArray(B, stream, at).convertShape(VectorOperators.B2I, S, 0);
    }

    /** Bit i of a nibble lane to bit 8i (one multiply, one mask), as {@link UnitMatrix#spread}. */
    private static IntVector spread(IntVector nibble) {
        return nibble.mul(0x204081).and(0x01010101);
    }
}
