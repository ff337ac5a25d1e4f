package org.swis.properties.mac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.swis.properties.DeepTries;
import org.swis.reference.mac.AccumulatorWidths;
import org.swis.reference.mac.ActivationType;
import org.swis.reference.mac.BitSerialMac;
import org.swis.reference.mac.CycleCounts;
import org.swis.reference.mac.MacResult;
import org.swis.reference.mac.Overflow;
import org.swis.reference.mac.PeMode;
import org.swis.reference.swis.GroupCode;

/** Paper Eq. 7 on one group: value, SS = DS, cycle closed forms, overflow reporting. */
@AddLifecycleHook(DeepTries.class)
class BitSerialMacPropertyTest {
    record GroupCase(GroupCode code, ActivationType type, int[] activations) {
    }

    @Provide
    Arbitrary<GroupCase> groups() {
        return Gen.groupSize().flatMap(m -> Gen.activationType().flatMap(t ->
                Combinators.combine(Gen.code(m), Gen.activations(t, m)).as((c, a) -> new GroupCase(c, t, a))));
    }

    private static long integerDot(GroupCase g) {
        long s = 0;
        for (int i = 0; i < g.code().m(); i++) {
            s += (long) g.activations()[i] * g.code().weight(i);
        }
        return s;
    }

    @Property(tries = 2000)
    void bitSerialDotEqualsIntegerDotOfDecodedWeightsAndSsEqualsDs(@ForAll("groups") GroupCase g) {
        MacResult ss = BitSerialMac.dot(g.code(), g.activations(), PeMode.SS, g.type());
        MacResult ds = BitSerialMac.dot(g.code(), g.activations(), PeMode.DS, g.type());
        assertEquals(integerDot(g), ss.value());
        assertEquals(ss.value(), ds.value());
    }

    @Property(tries = 500)
    void groupCyclesAreNForSsAndCeilHalfNForDs(@ForAll("groups") GroupCase g) {
        int n = g.code().n();
        MacResult ss = BitSerialMac.dot(g.code(), g.activations(), PeMode.SS, g.type());
        MacResult ds = BitSerialMac.dot(g.code(), g.activations(), PeMode.DS, g.type());
        assertEquals(n, ss.cycles());
        assertEquals((n + 1) / 2, ds.cycles());
        assertEquals(CycleCounts.perGroup(n, PeMode.SS), ss.cycles());
        assertEquals(CycleCounts.perGroup(n, PeMode.DS), ds.cycles());
    }

    @Provide
    Arbitrary<AccumulatorWidths> narrowWidths() {
        return Combinators.combine(Arbitraries.integers().between(2, 14), Arbitraries.integers().between(2, 24),
                Arbitraries.integers().between(2, 24)).as((a, s, g) -> new AccumulatorWidths(a, s, g, 64));
    }

    private static boolean fits(long v, int bits) {
        return v >= -(1L << (bits - 1)) && v < (1L << (bits - 1));
    }

    @Property(tries = 1500)
    void overflowIsReportedExactlyWhenAnExactIntermediateLeavesItsWidth(@ForAll("groups") GroupCase g,
                                                                       @ForAll("narrowWidths") AccumulatorWidths w,
                                                                       @ForAll PeMode mode) {
        // Independent model: the contribution of shift j is (sum of the signed weights' bit j selections) * a.
        GroupCode c = g.code();
        int n = c.n();
        long[] partial = new long[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < c.m(); i++) {
                if (c.maskBit(i, j)) {
                    partial[j] += (c.negative(i) ? -1L : 1L) * g.activations()[i];
                }
            }
        }
        List<String> expected = new ArrayList<>();
        long acc = 0;
        int k = mode.shiftsPerCycle();
        for (int cycle = 0; cycle * k < n; cycle++) {
            long sum = 0;
            for (int lane = 0; lane < k && cycle * k + lane < n; lane++) {
                int j = cycle * k + lane;
                long shifted = partial[j] * (1L << c.support().shift(j));
                if (!fits(partial[j], w.adderTreeBits())) {
                    expected.add("ADDER_TREE@" + cycle + "/" + lane);
                }
                if (!fits(shifted, w.shifterBits())) {
                    expected.add("SHIFTER@" + cycle + "/" + lane);
                }
                sum += shifted;
            }
            if (k == 2 && cycle * k + 1 < n && !fits(sum, w.shifterBits())) {
                expected.add("LANE_ADDER@" + cycle + "/-1");
            }
            acc += sum;
            if (!fits(acc, w.groupAccumulatorBits())) {
                expected.add("GROUP_ACCUMULATOR@" + cycle + "/-1");
            }
        }
        MacResult r = BitSerialMac.dot(c, g.activations(), mode, g.type(), w, false);
        List<String> got = new ArrayList<>();
        for (Overflow o : r.overflows()) {
            got.add(o.stage() + "@" + o.cycle() + "/" + o.lane());
        }
        assertEquals(expected, got);
        assertEquals(integerDot(g), r.value(), "overflow never wraps the exact value");
    }
}
