package org.swis.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import jdk.incubator.vector.IntVector;
import org.junit.jupiter.api.Test;

/**
 * Runs three times (kernels/pom.xml): on this machine's widest vectors, in the {@code avx2-vectors}
 * execution with {@code -XX:MaxVectorSize=32} (256 bits, the vector family), and in the {@code narrow-vectors}
 * execution with {@code -XX:MaxVectorSize=16}, where the preferred int vector is 128 bits and the
 * selection must fall back to the scalar family with the reason stated.
 */
class VectorizationTest {
    /** Set by the avx2-vectors and narrow-vectors executions: the preferred vector width their JVM must have. */
    private static final String EXPECTED_BITS = "swis.test.vectorBits";

    @Test
    void theSelectionFollowsThePreferredVectorWidth() {
        // The width as the Vector API itself reports it, not as the code under test does.
        int bits = IntVector.SPECIES_PREFERRED.vectorBitSize();
        String expected = System.getProperty(EXPECTED_BITS);
        if (expected != null) {
            assertEquals(Integer.parseInt(expected), bits, "this execution must run with " + expected + "-bit vectors");
        }
        Vectorization.Selection s = Vectorization.selection();
        List<String> gemv = KernelRegistry.gemv().stream().map(Kernel::name).toList();
        List<String> decomposers = KernelRegistry.decomposers().stream().map(Kernel::name).toList();
        if (bits >= 256) {
            assertTrue(s.vectorized(), s.reason());
            assertEquals(bits, s.vectorBitSize());
            assertTrue(gemv.containsAll(List.of("reference", "swis-scalar", "swis-vector")), gemv.toString());
            assertTrue(decomposers.containsAll(List.of("reference", "table-scalar", "table-vector")), decomposers.toString());
            assertTrue(KernelRegistry.fastestGemv().name().endsWith("-vector"));
        } else {
            assertFalse(s.vectorized(), s.reason());
            assertTrue(s.reason().contains(bits + " bits"), s.reason());
            assertEquals(List.of("reference", "swis-scalar"), gemv);
            assertEquals(List.of("reference", "table-scalar"), decomposers);
            assertEquals("swis-scalar", KernelRegistry.fastestGemv().name());
        }
    }

    @Test
    void propertyForcesScalarEvenWhenTheModuleIsPresent() {
        Vectorization.Selection s = Vectorization.select("scalar", true, List.of());
        assertFalse(s.vectorized());
        assertTrue(s.reason().contains("forced"), s.reason());
    }

    @Test
    void missingModuleOrDisabledC2FallsBackWithAReason() {
        Vectorization.Selection noModule = Vectorization.select("auto", false, List.of());
        assertFalse(noModule.vectorized());
        assertTrue(noModule.reason().contains("--add-modules jdk.incubator.vector"), noModule.reason());
        Vectorization.Selection c1 = Vectorization.select("auto", true, List.of("-XX:TieredStopAtLevel=1"));
        assertFalse(c1.vectorized());
        assertTrue(c1.reason().contains("C2"), c1.reason());
        assertFalse(Vectorization.select("bogus", true, List.of()).vectorized());
    }
}
