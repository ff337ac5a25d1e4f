package org.swis.kernels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
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
        List<DecomposeKernel> all = new ArrayList<>();
        all.add(new ReferenceDecomposeKernel());
        all.addAll(Vectorization.scalar().decomposers());
        Vectorization.selection().vector().ifPresent(v -> all.addAll(v.decomposers()));
        ServiceLoader.load(DecomposeKernel.class).forEach(all::add);
        return unique(all, "decomposer");
    }

    /** GEMV kernels: reference, built-ins, then discovered ones. */
    public static List<GemvKernel> gemv() {
        List<GemvKernel> all = new ArrayList<>();
        all.add(new ReferenceMatmulKernel());
        all.addAll(Vectorization.scalar().gemv());
        Vectorization.selection().vector().ifPresent(v -> all.addAll(v.gemv()));
        ServiceLoader.load(GemvKernel.class).forEach(all::add);
        return unique(all, "GEMV kernel");
    }

    /** GEMM kernels: reference, built-ins, then discovered ones. */
    public static List<GemmKernel> gemm() {
        List<GemmKernel> all = new ArrayList<>();
        all.add(new ReferenceMatmulKernel());
        all.addAll(Vectorization.scalar().gemm());
        Vectorization.selection().vector().ifPresent(v -> all.addAll(v.gemm()));
        ServiceLoader.load(GemmKernel.class).forEach(all::add);
        return unique(all, "GEMM kernel");
    }

    /** The int8 yardsticks (scalar, and vector when selected). */
    public static List<Int8Kernel> int8() {
        List<Int8Kernel> all = new ArrayList<>(Vectorization.scalar().int8());
        Vectorization.selection().vector().ifPresent(v -> all.addAll(v.int8()));
        return unique(all, "int8 kernel");
    }

    /** The float32 yardsticks. */
    public static List<Float32Gemv> float32() {
        List<Float32Gemv> all = new ArrayList<>(Vectorization.scalar().float32());
        Vectorization.selection().vector().ifPresent(v -> all.addAll(v.float32()));
        return unique(all, "float32 kernel");
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
