package org.swis.kernels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import org.swis.kernels.baseline.Float32Gemv;
import org.swis.kernels.baseline.Int8Kernel;
import org.swis.kernels.ref.ReferenceDecomposeKernel;
import org.swis.kernels.ref.ReferenceMatmulKernel;
import org.swis.reference.SwisInputException;

/**
 * Every kernel by name: the reference adapters, the built-in scalar family, the Vector API family when
 * {@link Vectorization} selected it, and every implementation found by {@link ServiceLoader} on the
 * class path ({@code META-INF/services/org.swis.kernels.DecomposeKernel}, {@code ...GemvKernel},
 * {@code ...GemmKernel}). A user's kernel in its own jar therefore joins the conformance kit and the
 * benchmarks without editing this repository. Names must be unique.
 */
public final class KernelRegistry {
    private KernelRegistry() {
    }

    /** Decomposers: reference, built-ins, then discovered ones. */
    public static List<DecomposeKernel> decomposers() {
        return collect(new ReferenceDecomposeKernel(), KernelSet::decomposers, DecomposeKernel.class, "decomposer");
    }

    /** GEMV kernels: reference, built-ins, then discovered ones. */
    public static List<GemvKernel> gemv() {
        return collect(new ReferenceMatmulKernel(), KernelSet::gemv, GemvKernel.class, "GEMV kernel");
    }

    /** GEMM kernels: reference, built-ins, then discovered ones. */
    public static List<GemmKernel> gemm() {
        return collect(new ReferenceMatmulKernel(), KernelSet::gemm, GemmKernel.class, "GEMM kernel");
    }

    /** The int8 yardsticks (scalar, and vector when selected). */
    public static List<Int8Kernel> int8() {
        return collect(null, KernelSet::int8, null, "int8 kernel");
    }

    /** The float32 yardsticks. */
    public static List<Float32Gemv> float32() {
        return collect(null, KernelSet::float32, null, "float32 kernel");
    }

    /** The reference (if any), the scalar family, the vector family when selected, then service-loaded kernels. */
    private static <K extends Kernel> List<K> collect(K reference, Function<KernelSet, List<K>> family,
                                                      Class<K> service, String what) {
        List<K> all = new ArrayList<>();
        if (reference != null) {
            all.add(reference);
        }
        all.addAll(family.apply(Vectorization.scalar()));
        Vectorization.selection().vector().ifPresent(v -> all.addAll(family.apply(v)));
        if (service != null) {
            ServiceLoader.load(service).forEach(all::add);
        }
        return unique(all, what);
    }

    public static DecomposeKernel decomposer(String name) {
        return find(decomposers(), name, "decomposer");
    }

    public static GemvKernel gemv(String name) {
        return find(gemv(), name, "GEMV kernel");
    }

    public static GemmKernel gemm(String name) {
        return find(gemm(), name, "GEMM kernel");
    }

    public static Int8Kernel int8(String name) {
        return find(int8(), name, "int8 kernel");
    }

    public static Float32Gemv float32(String name) {
        return find(float32(), name, "float32 kernel");
    }

    /** The runtime-selected decomposer: the vector one when available, else the scalar one. */
    public static DecomposeKernel fastestDecomposer() {
        return Vectorization.preferred().decomposers().get(0);
    }

    /** The runtime-selected GEMV kernel. */
    public static GemvKernel fastestGemv() {
        return Vectorization.preferred().gemv().get(0);
    }

    /** The runtime-selected GEMM kernel. */
    public static GemmKernel fastestGemm() {
        return Vectorization.preferred().gemm().get(0);
    }

    private static <K extends Kernel> List<K> unique(List<K> all, String what) {
        Map<String, K> byName = new LinkedHashMap<>();
        for (K k : all) {
            K old = byName.putIfAbsent(k.name(), k);
            if (old != null && old.getClass() != k.getClass()) {
                throw new SwisInputException(what + " name", k.name(), "a unique name, but both "
                        + old.getClass().getName() + " and " + k.getClass().getName() + " use it");
            }
        }
        return List.copyOf(byName.values());
    }

    private static <K extends Kernel> K find(List<K> all, String name, String what) {
        for (K k : all) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        List<String> names = new ArrayList<>();
        all.forEach(k -> names.add(k.name()));
        throw new SwisInputException(what, name, "one of " + names);
    }
}
