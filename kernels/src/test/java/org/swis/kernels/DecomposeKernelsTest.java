package org.swis.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.DecomposedTensor;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.Scheme;
import org.swis.reference.tensor.QuantizedTensor;

class DecomposeKernelsTest {
    private static final List<Alpha> ALPHAS = List.of(Alpha.ZERO, Alpha.ONE, new Alpha(1, 3), new Alpha(7, 2),
            new Alpha(1 << 30, 1));

    @Test
    void everyDecomposerEqualsTheReferenceForEverySchemeNMAndAlpha() {
        int checked = 0;
        for (DecomposeKernel k : KernelRegistry.decomposers()) {
            for (Scheme scheme : Scheme.values()) {
                for (int m : new int[] {1, 3, 4, 8}) {
                    for (Alpha alpha : ALPHAS) {
                        QuantizedTensor t = Fixtures.tensor(31L * m + alpha.num(), 3, 5, 2, 1, 255);
                        DecompositionConfig c = new DecompositionConfig(scheme, m, alpha);
                        for (int n = 1; n <= 8; n += (m == 4 ? 1 : 3)) {
                            DecomposedTensor ref = Decomposer.decompose(t, c, n);
                            SwisCodes got = k.decompose(t, c, n, 1 + n % 3);
                            int diff = got.firstDifference(ref);
                            String what = k.name() + " differs at group " + diff + " for " + c + " N=" + n;
                            assertEquals(-1, diff, what);
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked >= 3 * 2 * 4 * 5, "expected every kernel x config to run, ran " + checked);
    }

    @Test
    void packedAndExactPathsAgreeAndResultDoesNotDependOnThreads() {
        QuantizedTensor t = Fixtures.tensor(7, 16, 64, 1, 1, 127);
        DecompositionConfig c = new DecompositionConfig(Scheme.SWIS, 4, Alpha.ONE);
        SwisCodes one = KernelRegistry.fastestDecomposer().decompose(t, c, 4, 1);
        for (int threads = 2; threads <= 5; threads++) {
            assertEquals(one, KernelRegistry.fastestDecomposer().decompose(t, c, 4, threads), "threads=" + threads);
        }
        assertEquals(-1, one.firstDifference(Decomposer.decompose(t, c, 4)));
    }

    /**
     * Large enough that the work is handed out in several chunks (1024 groups each) whose boundaries
     * fall inside filters (375 groups per filter) and inside a mixed-N schedule: every kernel, every
     * thread count, against the reference search.
     */
    @Test
    void chunkedWorkSplitMatchesTheReferenceAcrossFilterBoundaries() {
        QuantizedTensor t = Fixtures.tensor(23, 7, 1500, 1, 1, 255);
        DecompositionConfig c = new DecompositionConfig(Scheme.SWIS, 4, Alpha.ONE);
        int[] counts = {4, 4, 3, 4, 2, 4, 4};
        DecomposedTensor ref = Decomposer.decompose(t, c, counts);
        for (DecomposeKernel k : KernelRegistry.decomposers()) {
            for (int threads = 1; threads <= 3; threads++) {
                assertEquals(-1, k.decompose(t, c, counts, threads).firstDifference(ref), k.name() + " threads=" + threads);
            }
        }
    }

    @Test
    void perFilterShiftCountsFollowTheSchedule() {
        QuantizedTensor t = Fixtures.tensor(11, 4, 8, 3, 3, 255);
        DecompositionConfig c = new DecompositionConfig(Scheme.SWIS_C, 4, new Alpha(1, 2));
        int[] counts = {1, 3, 5, 8};
        DecomposedTensor ref = Decomposer.decompose(t, c, counts);
        for (DecomposeKernel k : KernelRegistry.decomposers()) {
            assertEquals(-1, k.decompose(t, c, counts, 2).firstDifference(ref), k.name());
        }
    }

    @Test
    void depthwiseFiltersGroupAlongTaps() {
        QuantizedTensor t = Fixtures.tensor(5, 6, 1, 3, 3, 255);
        DecompositionConfig c = DecompositionConfig.defaults();
        DecomposedTensor ref = Decomposer.decompose(t, c, 2);
        for (DecomposeKernel k : KernelRegistry.decomposers()) {
            assertEquals(-1, k.decompose(t, c, 2, 3).firstDifference(ref), k.name());
        }
    }
}
