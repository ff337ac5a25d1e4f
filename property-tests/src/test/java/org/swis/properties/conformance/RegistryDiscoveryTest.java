package org.swis.properties.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.swis.kernels.Kernel;
import org.swis.kernels.KernelRegistry;

/** The kit only means something if it sees the kernels: the service-registered one and the built-ins. */
class RegistryDiscoveryTest {
    @Test
    void serviceLoaderKernelAndBuiltInsAreUnderTest() {
        List<String> gemv = KernelRegistry.gemv().stream().map(Kernel::name).toList();
        assertTrue(gemv.containsAll(List.of("reference", "swis-scalar", "example-dense-int")), gemv.toString());
        List<String> dec = KernelRegistry.decomposers().stream().map(Kernel::name).toList();
        assertTrue(dec.containsAll(List.of("reference", "table-scalar")), dec.toString());
        List<String> underTest = KernelConformanceTest.discovered().stream().map(Kernel::name).toList();
        assertTrue(underTest.containsAll(List.of("example-dense-int", "swis-scalar", "table-scalar")), underTest.toString());
    }
}
