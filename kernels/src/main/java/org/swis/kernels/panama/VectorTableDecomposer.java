package org.swis.kernels.panama;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.swis.kernels.SwisCodes;
import org.swis.kernels.scalar.CandidateTables;
import org.swis.kernels.scalar.SearchPlan;
import org.swis.reference.swis.GroupLayout;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.kernels.scalar.TableDecomposer;

/**
 * {@link TableDecomposer} with the candidates in vector lanes: per group, each lane block of
 * candidates adds the M packed table rows (signed and squared error sums in one int, see
 * {@link SearchPlan}), forms {@code num * S^2 + den * Q} and keeps a lane-wise running minimum with
 * the index of its first occurrence. The group's choice is the smallest index among the lanes holding
 * the global minimum: the first candidate of lowest cost, exactly the reference's tie rule.
 */
final class VectorTableDecomposer extends TableDecomposer {
    private static final VectorSpecies<Integer> S = IntVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int[] IOTA = new int[L];
    private static final VectorSpecies<Short> H = ShortVector.SPECIES_PREFERRED;
    private static final int HL = H.length();

    static {
        for (int i = 0; i < L; i++) {
            IOTA[i] = i;
        }
    }

    @Override
    protected int narrowLanes() {
        return HL;
    }

    /**
     * M = 4 with every plan on the 16-bit keyed path ({@link SearchPlan#narrowKey}); otherwise the generic
     * loop. Each lane keeps the minimum of {@code (min(cost, 8191) << 3 | chunk) ^ 0x8000} (the XOR turns
     * unsigned order into signed order), i.e. its lowest cost and, among equals, its first chunk; the
     * first lane holding the overall minimum then gives the first candidate of lowest cost.
     */
    @Override
    protected void decomposeRange(QuantizedTensor t, GroupLayout layout, int[] element, int[] counts,
                                  SearchPlan[] plans, SwisCodes.Builder out, int from, int to) {
        boolean narrow = layout.m() == 4;
        for (SearchPlan p : plans) {
            narrow &= p == null || p.narrowKey;
        }
        if (narrow) {
            narrowRange4(t, layout, element, counts, plans, out, from, to);
        } else {
            super.decomposeRange(t, layout, element, counts, plans, out, from, to);
        }
    }

    private static void narrowRange4(QuantizedTensor t, GroupLayout layout, int[] element, int[] counts,
                                     SearchPlan[] plans, SwisCodes.Builder out, int from, int to) {
        int gpf = layout.groupsPerFilter();
        int fs = layout.filterSize();
        byte[] support = out.support;
        int[] signs = out.signs;
        byte[] masks = out.masks;
        boolean contiguous = !layout.alongTaps() && layout.channels() % 4 == 0;
        int gi = from;
        int f = from / gpf;
        int g = from % gpf;
        while (gi < to) {
            // Per filter: the plan and everything derived from it, hoisted out of the group loop.
            SearchPlan p = plans[counts[f]];
            int end = (int) Math.min(to, (long) gi + gpf - g);
            int base = f * fs;
            int stride = p.narrowStride;
            int negRow = CandidateTables.MAGNITUDES * stride;
            short[] st = p.narrowSigned;
            short clamp = p.signedClamp;
            short num = (short) p.num;
            short den = (short) p.den;
            boolean unit = num == 1 && den == 1;
            CandidateTables tab = p.tables;
            for (; gi < end; gi++, g++) {
                int e0 = contiguous ? 4 * g : element[4 * g];
                int e1 = contiguous ? 4 * g + 1 : element[4 * g + 1];
                int e2 = contiguous ? 4 * g + 2 : element[4 * g + 2];
                int e3 = contiguous ? 4 * g + 3 : element[4 * g + 3];
                int v0 = e0 < 0 ? 0 : t.magnitude(base + e0);
                int v1 = e1 < 0 ? 0 : t.magnitude(base + e1);
                int v2 = e2 < 0 ? 0 : t.magnitude(base + e2);
                int v3 = e3 < 0 ? 0 : t.magnitude(base + e3);
                int sb = (e0 >= 0 && t.negative(base + e0) ? 1 : 0) | (e1 >= 0 && t.negative(base + e1) ? 2 : 0)
                        | (e2 >= 0 && t.negative(base + e2) ? 4 : 0) | (e3 >= 0 && t.negative(base + e3) ? 8 : 0);
                int s0 = v0 * stride + (sb & 1) * negRow;
                int s1 = v1 * stride + (sb >> 1 & 1) * negRow;
                int s2 = v2 * stride + (sb >> 2 & 1) * negRow;
                int s3 = v3 * stride + (sb >> 3 & 1) * negRow;
                ShortVector best = ShortVector.broadcast(H, Short.MAX_VALUE);
                for (int c = 0, chunk = 0x8000; c < stride; c += HL, chunk++) {
                    ShortVector a0 = ShortVector.fromArray(H, st, s0 + c);
                    ShortVector a1 = ShortVector.fromArray(H, st, s1 + c);
                    ShortVector a2 = ShortVector.fromArray(H, st, s2 + c);
                    ShortVector a3 = ShortVector.fromArray(H, st, s3 + c);
                    ShortVector q = a0.mul(a0).add(a1.mul(a1)).add(a2.mul(a2).add(a3.mul(a3)));
                    ShortVector s = a0.add(a1).add(a2.add(a3));
                    s = s.max((short) -clamp).min(clamp);
                    ShortVector cost = (unit ? s.mul(s).add(q) : s.mul(s).mul(num).add(q.mul(den))).min((short) 8191);
                    best = best.min(cost.lanewise(VectorOperators.LSHL, 3).lanewise(VectorOperators.XOR, (short) chunk));
                }
                short min = best.reduceLanes(VectorOperators.MIN);
                int lane = best.compare(VectorOperators.EQ, min).firstTrue();
                int c = (((min ^ 0x8000) & 7) * HL) + lane;
                support[gi] = (byte) tab.supportBits(c);
                signs[gi] = sb;
                masks[4 * gi] = (byte) tab.code(c, v0);
                masks[4 * gi + 1] = (byte) tab.code(c, v1);
                masks[4 * gi + 2] = (byte) tab.code(c, v2);
                masks[4 * gi + 3] = (byte) tab.code(c, v3);
            }
            g = 0;
            f++;
        }
    }

    @Override
    protected int lanes() {
        return L;
    }

    @Override
    public String name() {
        return "table-vector";
    }

    @Override
    public String description() {
        return "exhaustive search on packed tables, " + L + " candidates per int vector";
    }

    @Override
    protected int choosePacked(SearchPlan p, int[] rows) {
        int[] table = p.table;
        int[] pad = p.pad;
        int stride = p.stride;
        int qb = p.qb;
        int qmask = p.qmask;
        int num = (int) p.num;
        int den = (int) p.den;
        int m = rows.length;
        IntVector iota = IntVector.fromArray(S, IOTA, 0);
        IntVector best = IntVector.broadcast(S, Integer.MAX_VALUE);
        IntVector bestIdx = IntVector.zero(S);
        for (int c = 0; c < stride; c += L) {
            IntVector sum = IntVector.fromArray(S, table, rows[0] + c);
            for (int i = 1; i < m; i++) {
                sum = sum.add(IntVector.fromArray(S, table, rows[i] + c));
            }
            IntVector s = sum.lanewise(VectorOperators.ASHR, qb);
            IntVector cost = s.mul(s).mul(num).add(sum.and(qmask).mul(den)).or(IntVector.fromArray(S, pad, c));
            VectorMask<Integer> lower = cost.compare(VectorOperators.LT, best);
            best = best.min(cost);
            bestIdx = bestIdx.blend(iota.add(c), lower);
        }
        int min = best.reduceLanes(VectorOperators.MIN);
        return bestIdx.blend(Integer.MAX_VALUE, best.compare(VectorOperators.NE, min)).reduceLanes(VectorOperators.MIN);
    }
}
