package org.swis.properties.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.swis.conformance.Conformance;
import org.swis.conformance.KernelResult;
import org.swis.kernels.Kernel;
import org.swis.kernels.KernelRegistry;

/**
 * The kernel conformance kit ({@code swis-conformance}) over every kernel the {@link KernelRegistry}
 * discovers: the reference adapters, the built-in scalar and Vector API families, and every kernel a
 * {@code META-INF/services} file on the class path registers (here {@link ExampleUserKernel}). Each
 * kernel runs every property that applies to it with the library's default seed and tries; a failure
 * message is the runner's report (first difference, smallest failing case, replay command).
 */
class KernelConformanceTest {
    @TestFactory
    Stream<DynamicTest> everyDiscoveredKernelEqualsTheReference() {
        return discovered().stream().map(k -> DynamicTest.dynamicTest(k.name() + " (" + k.getClass().getSimpleName() + ")",
                () -> {
                    KernelResult r = Conformance.check(k);
                    assertTrue(r.passed(), r::report);
                }));
    }

    /** One entry per kernel class (a GEMV+GEMM kernel is listed by both contracts but checked once). */
    static List<Kernel> discovered() {
        List<Kernel> all = new ArrayList<>(KernelRegistry.decomposers());
        all.addAll(KernelRegistry.gemv());
        all.addAll(KernelRegistry.gemm());
        Set<Class<?>> seen = new LinkedHashSet<>();
        List<Kernel> out = new ArrayList<>();
        for (Kernel k : all) {
            if (seen.add(k.getClass())) {
                out.add(k);
            }
        }
        return out;
    }
}
