package org.swis.kernels;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VectorizationTest {
    @Test
    void theBuildRunsWithTheVectorModuleSoBothFamiliesAreRegistered() {
        assertTrue(Vectorization.selection().vectorized(), Vectorization.selection().reason());
        List<String> names = KernelRegistry.gemv().stream().map(Kernel::name).toList();
        assertTrue(names.containsAll(List.of("reference", "swis-scalar", "swis-vector")), names.toString());
        assertTrue(KernelRegistry.decomposers().stream().map(Kernel::name).toList()
                .containsAll(List.of("reference", "table-scalar", "table-vector")));
        assertTrue(Vectorization.selection().vectorBitSize() >= 256);
        assertTrue(KernelRegistry.fastestGemv().name().endsWith("-vector"));
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
