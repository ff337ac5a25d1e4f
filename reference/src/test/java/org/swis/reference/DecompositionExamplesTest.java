package org.swis.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.GroupDecomposer;
import org.swis.reference.swis.MsePlusPlus;
import org.swis.reference.swis.Scheme;
import org.swis.reference.swis.SupportVector;

/** Hand-worked examples of the SWIS rules (every expected value is derived in the comments, not by the code). */
class DecompositionExamplesTest {

    @Test
    void candidateCountsAreBinomialAndWindowCountsAreNineMinusN() {
        int[] binom = {0, 8, 28, 56, 70, 56, 28, 8, 1};
        for (int n = 1; n <= 8; n++) {
            assertEquals(binom[n], SupportVector.candidates(Scheme.SWIS, n).size(), "C(8," + n + ")");
            assertEquals(9 - n, SupportVector.candidates(Scheme.SWIS_C, n).size(), "9-N for N=" + n);
        }
    }

    @Test
    void candidatesComeInLexicographicOrder() {
        List<SupportVector> two = SupportVector.candidates(Scheme.SWIS, 2);
        assertArrayEquals(new int[] {0, 1}, two.get(0).shifts());
        assertArrayEquals(new int[] {0, 7}, two.get(6).shifts());
        assertArrayEquals(new int[] {1, 2}, two.get(7).shifts());
        assertArrayEquals(new int[] {6, 7}, two.get(27).shifts());
    }

    @Test
    void roundingGoesToNearestValueAndTiesToTheSmaller() {
        // {0, 2}: values 0, 1, 4, 5 for codes 0..3.
        SupportVector s = SupportVector.of(2, 0);
        assertEquals(5, s.value(3));
        assertEquals(2, s.nearestCode(3)); // 3 -> 4 (distance 1; 1 is at distance 2)
        assertEquals(1, s.nearestCode(2)); // 2 -> 1 (distance 1; 4 is at distance 2)
        assertEquals(3, s.nearestCode(200)); // saturates at 5
        // {1}: values 0, 2; 1 is equidistant -> the smaller, 0.
        assertEquals(0, SupportVector.of(1).nearestCode(1));
        assertTrue(s.represents(5));
        assertFalse(s.represents(3));
    }

    @Test
    void alphaChangesTheChosenSupportVector() {
        // M = 3, magnitudes (3, 3, 2), all positive, N = 1. Errors e = u - u':
        //   {0} values 0,1: 3->1, 3->1, 2->1: e = (2,2,1)   S = 5, Q = 9
        //   {1} values 0,2: 3->2, 3->2, 2->2: e = (1,1,0)   S = 2, Q = 2
        //   {2} values 0,4: 3->4, 3->4, 2->0 (tie 0/4 -> 0): e = (-1,-1,2)  S = 0, Q = 6
        //   {3}..{7}: every magnitude -> 0: e = (3,3,2) Q = 22
        // alpha = 0: {1} costs 2, {2} costs 6 -> {1}, masks (1,1,1).
        // alpha = 1: {1} costs 4+2 = 6, {2} costs 0+6 = 6 -> tie -> first in order, {1}.
        // alpha = 2: {1} costs 8+2 = 10, {2} costs 6 -> {2}, masks (1,1,0).
        int[] mag = {3, 3, 2};
        boolean[] neg = {false, false, false};
        GroupDecomposer.Choice a0 = GroupDecomposer.decompose(mag, neg, 1, Scheme.SWIS, Alpha.ZERO);
        assertArrayEquals(new int[] {1}, a0.code().support().shifts());
        assertEquals(2, a0.cost());
        GroupDecomposer.Choice a1 = GroupDecomposer.decompose(mag, neg, 1, Scheme.SWIS, Alpha.ONE);
        assertArrayEquals(new int[] {1}, a1.code().support().shifts());
        assertEquals(6, a1.cost());
        GroupDecomposer.Choice a2 = GroupDecomposer.decompose(mag, neg, 1, Scheme.SWIS, Alpha.parse("2"));
        assertArrayEquals(new int[] {2}, a2.code().support().shifts());
        assertEquals(6, a2.cost());
        assertEquals(1, a2.code().mask(0));
        assertEquals(1, a2.code().mask(1));
        assertEquals(0, a2.code().mask(2));
    }

    @Test
    void signedErrorUsesTheWeightSigns() {
        // Same magnitudes, weight 2 negative: under {2}, e = (-1,-1,-2) -> S = -4, Q = 6; alpha 2 -> 32+6 = 38.
        // {1}: e = (1,1,0) -> S = 2, Q = 2 -> 8+2 = 10, so {1} wins now.
        GroupDecomposer.Choice c = GroupDecomposer.decompose(new int[] {3, 3, 2}, new boolean[] {false, false, true},
                1, Scheme.SWIS, Alpha.parse("2"));
        assertArrayEquals(new int[] {1}, c.code().support().shifts());
        assertEquals(10, c.cost());
        assertEquals(-2, c.code().weight(2));
    }

    @Test
    void swisCTakesTheBestWindow() {
        // magnitudes (12, 10), N = 2: windows {o, o+1}. {2,3}: values 0,4,8,12 -> 12 exact, 10 -> 8 (tie 8/12 -> 8), e=(0,2): Q=4,S=2.
        // {1,2}: values 0,2,4,6 -> 12->6, 10->6: Q=52. {3,4}: 0,8,16,24: 12->8 (tie 8/16 -> 8) e=4, 10->8 e=2: Q=20.
        // alpha 1: {2,3} costs 4+4 = 8; others larger. -> offset 2.
        GroupDecomposer.Choice c = GroupDecomposer.decompose(new int[] {12, 10}, new boolean[] {false, false}, 2,
                Scheme.SWIS_C, Alpha.ONE);
        assertEquals(2, c.code().support().offset());
        assertEquals(8, c.cost());
    }

    @Test
    void scaledCostIsAlphaNumTimesSquaredSumPlusDenTimesSquares() {
        assertEquals(3 * 25 + 4 * 7, MsePlusPlus.scaledCost(5, 7, new Alpha(3, 4)));
        assertEquals(0.5 * 25 + 7, MsePlusPlus.value(MsePlusPlus.scaledCost(5, 7, Alpha.parse("0.5")), Alpha.parse("0.5"), 1), 0);
    }

    @Test
    void alphaParsesRationalsAndDecimalsExactly() {
        assertEquals(new Alpha(1, 4), Alpha.parse("0.25"));
        assertEquals(new Alpha(1, 2), Alpha.parse("2/4"));
        assertEquals(Alpha.ONE, Alpha.parse("1"));
        assertEquals(Alpha.ZERO, Alpha.parse("0"));
        assertEquals("3/4", Alpha.parse("0.75").toString());
    }
}
