package org.swis.properties.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
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
 * message is the runner's report (first difference, smallest failing case, replay command). A jqwik
 * property adds cases of other seeds on every run (jqwik prints its own seed; the report prints the
 * {@code swis conformance} replay line); shrinking is the library's, so jqwik's is off.
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

    @Property(tries = 40, shrinking = ShrinkingMode.OFF)
    void everyDiscoveredKernelEqualsTheReferenceOnCasesOfAnySeed(@ForAll long seed,
                                                                 @ForAll @IntRange(min = 0, max = 100_000) int k) {
        for (Kernel kernel : discovered()) {
            KernelResult r = Conformance.check(kernel, Conformance.Settings.defaults().withSeed(seed).withCase(k));
            assertTrue(r.passed(), r::report);
        }
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
