package org.swis.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.tensor.QuantizedTensor;

/** Runs in the surefire execution without {@code --add-modules jdk.incubator.vector}. */
class ScalarFallbackTest {
    @Test
    void withoutTheIncubatorModuleTheScalarFamilyIsSelectedAndWorks() {
        assertFalse(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "this test must run in a JVM without --add-modules jdk.incubator.vector");
        assertFalse(Vectorization.selection().vectorized());
        assertTrue(Vectorization.selection().reason().contains("--add-modules"), Vectorization.selection().reason());
        List<String> names = KernelRegistry.gemv().stream().map(Kernel::name).toList();
        assertEquals(List.of("reference", "swis-scalar"), names);
        assertEquals("table-scalar", KernelRegistry.fastestDecomposer().name());
        QuantizedTensor t = Fixtures.tensor(2, 3, 12, 1, 1, 127);
        DecompositionConfig c = DecompositionConfig.defaults();
        SwisCodes codes = KernelRegistry.fastestDecomposer().decompose(t, c, 3, 2);
        assertEquals(-1, codes.firstDifference(Decomposer.decompose(t, c, 3)));
        byte[] x = Fixtures.activations(1, 12);
        int[] want = new int[3];
        int[] got = new int[3];
        GemvKernel ref = KernelRegistry.gemv("reference");
        ref.gemv(ref.prepare(codes), x, want);
        GemvKernel fast = KernelRegistry.fastestGemv();
        fast.gemv(fast.prepare(codes), x, got);
        assertArrayEquals(want, got);
    }
}
