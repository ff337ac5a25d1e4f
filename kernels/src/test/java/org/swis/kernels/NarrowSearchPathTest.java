package org.swis.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.swis.kernels.scalar.CandidateTables;
import org.swis.kernels.scalar.SearchPlan;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.Scheme;
import org.swis.reference.tensor.QuantizedTensor;

/**
 * The clamped 16-bit search path (table-vector, M = 4) against the packed/exact path of table-scalar on
 * many more groups than the reference could search in test time; table-scalar itself is checked
 * against the reference in {@link DecomposeKernelsTest} and the conformance kit.
 */
class NarrowSearchPathTest {
    @Test
    void theBoundAtM4N4AlphaOneIsTheDocumentedOne() {
        SearchPlan p = new SearchPlan(CandidateTables.of(Scheme.SWIS, 4), 4, Alpha.ONE, 8, 16, 255);
        assertTrue(p.narrow && p.narrowKey);
        assertEquals(68, p.signedClamp);
        assertTrue(!new SearchPlan(CandidateTables.of(Scheme.SWIS, 2), 4, Alpha.ONE, 8, 16, 255).narrow);
    }

    @Test
    void vectorAndScalarDecomposersAgreeOnAQuarterMillionGroups() {
        DecomposeKernel vector = KernelRegistry.fastestDecomposer();
        DecomposeKernel scalar = KernelRegistry.decomposer("table-scalar");
        Random r = new Random(2021);
        int filters = 64;
        int channels = 4096;
        int[] mag = new int[filters * channels];
        boolean[] neg = new boolean[mag.length];
        for (int i = 0; i < mag.length; i++) {
            int kind = r.nextInt(8);
            mag[i] = kind == 0 ? r.nextInt(256) : kind == 1 ? 255 - r.nextInt(8) : Math.min(255, (int) (-20 * Math.log(1 - r.nextDouble())));
            neg[i] = r.nextBoolean();
        }
        double[] scale = new double[filters];
        Arrays.fill(scale, 1);
        QuantizedTensor t = new QuantizedTensor("many", filters, channels, 1, 1, mag, neg, scale);
        for (Scheme scheme : Scheme.values()) {
            for (Alpha alpha : new Alpha[] {Alpha.ONE, Alpha.ZERO, new Alpha(1, 2)}) {
                for (int n = 3; n <= 8; n++) {
                    DecompositionConfig c = new DecompositionConfig(scheme, 4, alpha);
                    assertEquals(scalar.decompose(t, c, n, 2), vector.decompose(t, c, n, 2),
                            scheme + " alpha=" + alpha + " N=" + n);
                }
            }
        }
    }
}
