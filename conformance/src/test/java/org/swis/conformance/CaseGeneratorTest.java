package org.swis.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.swis.reference.swis.GroupCode;
import org.swis.reference.swis.Scheme;

/** The cases are a function of (seed, property, index) and cover the edges the kit promises. */
class CaseGeneratorTest {
    @Test
    void caseKDependsOnlyOnSeedPropertyAndIndex() {
        assertEquals(CaseGenerator.matrixCase(7, Property.GEMV, 13).toString(),
                CaseGenerator.matrixCase(7, Property.GEMV, 13).toString());
        assertEquals(CaseGenerator.decomposeCase(7, 13).toString(), CaseGenerator.decomposeCase(7, 13).toString());
        assertNotEquals(CaseGenerator.matrixCase(7, Property.GEMV, 13).toString(),
                CaseGenerator.matrixCase(7, Property.GEMV, 14).toString());
        assertNotEquals(CaseGenerator.matrixCase(7, Property.GEMV, 13).toString(),
                CaseGenerator.matrixCase(8, Property.GEMV, 13).toString());
        assertNotEquals(CaseGenerator.matrixCase(7, Property.GEMV, 13).toString(),
                CaseGenerator.matrixCase(7, Property.GEMM, 13).toString());
    }

    @Test
    void matrixCasesCoverEveryVectorTailAndTheEdges() {
        Set<Integer> tails = new HashSet<>();
        Set<Integer> channels = new HashSet<>();
        Set<Integer> m = new HashSet<>();
        Set<Integer> n = new HashSet<>();
        Set<Integer> batch = new HashSet<>();
        Set<Scheme> schemes = new HashSet<>();
        boolean allMax = false;
        boolean allZero = false;
        boolean minActivation = false;
        boolean maxActivation = false;
        boolean mixedN = false;
        boolean nineTaps = false;
        for (int k = 0; k < Property.GEMV.defaultTries(); k++) {
            MatrixCase c = CaseGenerator.matrixCase(Conformance.DEFAULT_SEED, Property.GEMM, k);
            tails.add(c.columns() % 8);
            channels.add(c.channels());
            m.add(c.m());
            batch.add(c.batch());
            schemes.add(c.scheme());
            nineTaps |= c.taps() == 9;
            for (int s : c.shifts()) {
                n.add(s);
                mixedN |= s != c.shifts()[0];
            }
            for (GroupCode g : c.codes()) {
                boolean max = g.n() == 8 && g.support().bits() == 0xFF;
                boolean zero = true;
                for (int i = 0; i < g.m(); i++) {
                    max &= g.weight(i) == -255;
                    zero &= g.weight(i) == 0;
                }
                allMax |= max;
                allZero |= zero;
            }
            for (byte b : c.x()) {
                minActivation |= b == -128;
                maxActivation |= b == 127;
            }
        }
        assertEquals(8, tails.size(), "K mod 8 " + tails);
        assertTrue(channels.containsAll(Set.of(1, 7, 8, 9, 255, 256, 257)), channels.toString());
        for (int i = 1; i <= 9; i++) {
            assertTrue(m.contains(i), "M " + i);
        }
        for (int i = 1; i <= 8; i++) {
            assertTrue(n.contains(i), "N " + i);
        }
        assertTrue(batch.containsAll(Set.of(1, 4, 16, 17)), batch.toString());
        assertEquals(2, schemes.size());
        assertTrue(allMax && allZero && minActivation && maxActivation && mixedN && nineTaps);
    }

    @Test
    void decomposeCasesCoverTiesExtremesAndPaddedGroups() {
        boolean allZero = false;
        boolean all255 = false;
        boolean small = false;
        boolean padded = false;
        boolean depthwise = false;
        Set<Integer> threads = new HashSet<>();
        for (int k = 0; k < Property.DECOMPOSE.defaultTries(); k++) {
            DecomposeCase c = CaseGenerator.decomposeCase(Conformance.DEFAULT_SEED, k);
            int max = 0;
            int min = 255;
            for (int v : c.magnitudes()) {
                max = Math.max(max, v);
                min = Math.min(min, v);
            }
            allZero |= max == 0;
            all255 |= min == 255;
            small |= max <= 12 && max > 0 && c.magnitudes().length > 8;
            padded |= c.channels() % c.m() != 0 && c.channels() > 1;
            depthwise |= c.channels() == 1 && c.taps() == 9;
            threads.add(c.threads());
        }
        assertTrue(allZero, "all zero");
        assertTrue(all255, "all 255");
        assertTrue(small, "small magnitudes");
        assertTrue(padded, "padded groups");
        assertTrue(depthwise, "depthwise");
        assertEquals(Set.of(1, 2, 3), threads);
    }
}
