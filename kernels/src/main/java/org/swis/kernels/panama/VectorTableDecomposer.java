package org.swis.kernels.panama;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.swis.kernels.scalar.SearchPlan;
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

    static {
        for (int i = 0; i < L; i++) {
            IOTA[i] = i;
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
