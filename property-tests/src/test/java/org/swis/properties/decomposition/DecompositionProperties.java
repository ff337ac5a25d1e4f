package org.swis.properties.decomposition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.swis.properties.DeepTries;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.GroupDecomposer;
import org.swis.reference.swis.Scheme;
import org.swis.reference.swis.SupportVector;

/** Invariants of the per-group SWIS / SWIS-C search (SPEC §3). */
@AddLifecycleHook(DeepTries.class)
class DecompositionProperties {

    /** A group: magnitudes 0..255 (biased to edges 0, 1, 127, 128, 255), signs, M in 1..16. */
    record Group(int[] mag, boolean[] neg) {
        @Override
        public String toString() {
            return "Group{mag=" + java.util.Arrays.toString(mag) + ", neg=" + java.util.Arrays.toString(neg) + "}";
        }
    }

    @Provide
    Arbitrary<Group> groups() {
        return Arbitraries.integers().between(1, 16).flatMap(m -> Combinators.combine(
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(1, Arbitraries.of(0, 1, 2, 127, 128, 129, 254, 255)),
                        net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0, 255))).array(int[].class).ofSize(m),
                Arbitraries.of(true, false).array(boolean[].class).ofSize(m)).as(Group::new));
    }

    @Provide
    Arbitrary<Alpha> alphas() {
        return Arbitraries.of(Alpha.ZERO, Alpha.ONE, new Alpha(1, 2), new Alpha(7, 3), new Alpha(100, 1), new Alpha(1, 1000));
    }

    @Property
    void nEqualsEightIsLosslessForEveryGroup(@ForAll("groups") Group g, @ForAll("alphas") Alpha a) {
        GroupDecomposer.Choice c = GroupDecomposer.decompose(g.mag(), g.neg(), 8, Scheme.SWIS, a);
        assertThat(c.cost()).isZero();
        for (int i = 0; i < g.mag().length; i++) {
            assertThat(c.code().magnitude(i)).isEqualTo(g.mag()[i]);
        }
    }

    @Property(tries = 300)
    void chosenSupportVectorIsTheFirstOptimumOfABruteForceSearch(@ForAll("groups") Group g,
            @ForAll @IntRange(min = 1, max = 8) int n, @ForAll("alphas") Alpha a, @ForAll boolean consecutive) {
        Scheme scheme = consecutive ? Scheme.SWIS_C : Scheme.SWIS;
        GroupDecomposer.Choice c = GroupDecomposer.decompose(g.mag(), g.neg(), n, scheme, a);
        BigInteger best = null;
        int[] bestSet = null;
        for (int[] s : BruteForce.sets(n, consecutive)) {
            BigInteger cost = BruteForce.cost(g.mag(), g.neg(), s, a.num(), a.den());
            if (best == null || cost.compareTo(best) < 0) {
                best = cost;
                bestSet = s;
            }
        }
        assertThat(BigInteger.valueOf(c.cost())).isEqualTo(best);
        assertThat(c.code().support().shifts()).containsExactly(bestSet);
        var values = BruteForce.values(bestSet);
        for (int i = 0; i < g.mag().length; i++) {
            assertThat(c.code().magnitude(i)).isEqualTo(BruteForce.round(g.mag()[i], values));
            assertThat(c.code().negative(i)).isEqualTo(g.neg()[i]);
        }
    }

    @Property
    void costOfSwisAtMostSwisCAtMostAnyFixedWindow(@ForAll("groups") Group g, @ForAll @IntRange(min = 1, max = 8) int n,
            @ForAll("alphas") Alpha a) {
        long swis = GroupDecomposer.decompose(g.mag(), g.neg(), n, Scheme.SWIS, a).cost();
        long swisC = GroupDecomposer.decompose(g.mag(), g.neg(), n, Scheme.SWIS_C, a).cost();
        assertThat(swis).isLessThanOrEqualTo(swisC);
        for (int o = 0; o + n <= 8; o++) {
            BigInteger fixed = BruteForce.cost(g.mag(), g.neg(), SupportVector.window(o, n).shifts(), a.num(), a.den());
            assertThat(BigInteger.valueOf(swisC)).isLessThanOrEqualTo(fixed);
        }
    }

    /**
     * With alpha = 0 (plain MSE) more shifts never cost more: an (N+1)-superset of the N-optimum rounds
     * every weight at least as well. With alpha > 0 this does NOT hold in general; see
     * {@link #mseppWithAlphaOneCanRiseWithN()}.
     */
    @Property
    void plainMseCostIsNonIncreasingInN(@ForAll("groups") Group g, @ForAll boolean consecutive) {
        Scheme scheme = consecutive ? Scheme.SWIS_C : Scheme.SWIS;
        long previous = Long.MAX_VALUE;
        for (int n = 1; n <= 8; n++) {
            long cost = GroupDecomposer.decompose(g.mag(), g.neg(), n, scheme, Alpha.ZERO).cost();
            assertThat(cost).isLessThanOrEqualTo(previous);
            previous = cost;
        }
    }

    /**
     * Magnitudes (112, 121, 127, 41), all positive, alpha = 1: the optimal MSE++ numerator is 612 at N = 2
     * and 626 at N = 3 (found and checked by an independent Python brute force over all C(8, N) sets).
     * MSE++ trades squared error for signed-error drift, so its optimum is not monotone in N.
     */
    @Example
    void mseppWithAlphaOneCanRiseWithN() {
        int[] mag = {112, 121, 127, 41};
        boolean[] neg = new boolean[4];
        assertThat(GroupDecomposer.decompose(mag, neg, 2, Scheme.SWIS, Alpha.ONE).cost()).isEqualTo(612);
        assertThat(GroupDecomposer.decompose(mag, neg, 3, Scheme.SWIS, Alpha.ONE).cost()).isEqualTo(626);
    }

    @Property
    void everyReconstructedMagnitudeIsRepresentableByItsGroupShifts(@ForAll("groups") Group g,
            @ForAll @IntRange(min = 1, max = 8) int n, @ForAll boolean consecutive, @ForAll("alphas") Alpha a) {
        GroupDecomposer.Choice c = GroupDecomposer.decompose(g.mag(), g.neg(), n, consecutive ? Scheme.SWIS_C : Scheme.SWIS, a);
        SupportVector s = c.code().support();
        assertThat(s.n()).isEqualTo(n);
        if (consecutive) {
            assertThat(s.consecutive()).isTrue();
        }
        var values = BruteForce.values(s.shifts());
        for (int i = 0; i < g.mag().length; i++) {
            assertThat(values).contains(c.code().magnitude(i));
        }
    }

    @Property(tries = 8)
    void losslessProbabilitiesOfEquations8To10AreReproducedByEnumeratingAll256Magnitudes(
            @ForAll @IntRange(min = 1, max = 8) int n) {
        int swis = 0;
        int swisC = 0;
        int fixed = 0;
        boolean[] pos = {false};
        for (int u = 0; u < 256; u++) {
            if (GroupDecomposer.decompose(new int[] {u}, pos, n, Scheme.SWIS, Alpha.ONE).cost() == 0) {
                swis++;
            }
            if (GroupDecomposer.decompose(new int[] {u}, pos, n, Scheme.SWIS_C, Alpha.ONE).cost() == 0) {
                swisC++;
            }
            if (org.swis.reference.baseline.WeightTruncation.truncate(u, 0, n) == u) {
                fixed++;
            }
        }
        // Eq. 8-10 evaluated independently here (the reference's LosslessProbability is checked against these too).
        long eq8 = 0;
        long eq9 = 0;
        long eq10 = 0;
        for (int k = 0; k <= n; k++) {
            eq8 += binom(8, k);
            eq9 += binom(n, k) * (9 - n) - (8 - n) * binom(n - 1, k);
            eq10 += binom(n, k);
        }
        assertThat(swis).isEqualTo(eq8);
        assertThat(swisC).isEqualTo(eq9);
        assertThat(fixed).isEqualTo(eq10);
        assertThat(org.swis.reference.analysis.LosslessProbability.swisCount(n)).isEqualTo(eq8);
        assertThat(org.swis.reference.analysis.LosslessProbability.swisCCount(n)).isEqualTo(eq9);
        assertThat(org.swis.reference.analysis.LosslessProbability.layerWiseCount(n)).isEqualTo(eq10);
    }

    private static long binom(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        long r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    @Example
    void paperTableValuesOfSection15() {
        // paper Eq. 8-10 evaluated to 4 decimals (they agree with Fig. 2; SPEC §3.6): SWIS, SWIS-C, layer-wise for N = 1..8.
        double[][] table = {
            {0.0352, 0.0352, 0.0078}, {0.1445, 0.0625, 0.0156}, {0.3633, 0.1094, 0.0312}, {0.6367, 0.1875, 0.0625},
            {0.8555, 0.3125, 0.125}, {0.9648, 0.5, 0.25}, {0.9961, 0.75, 0.5}, {1, 1, 1}};
        for (int n = 1; n <= 8; n++) {
            assertThat(org.swis.reference.analysis.LosslessProbability.swis(n)).isCloseTo(table[n - 1][0], org.assertj.core.data.Offset.offset(6e-5));
            assertThat(org.swis.reference.analysis.LosslessProbability.swisC(n)).isCloseTo(table[n - 1][1], org.assertj.core.data.Offset.offset(6e-5));
            assertThat(org.swis.reference.analysis.LosslessProbability.layerWise(n)).isCloseTo(table[n - 1][2], org.assertj.core.data.Offset.offset(6e-5));
        }
    }
}
