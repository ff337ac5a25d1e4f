package org.swis.kernels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.swis.reference.SwisInputException;

/**
 * A benchmark's {@code kernel} parameter resolved in its family, or refused with the family's names
 * (docs/KERNELS.md §6): {@code DecomposeBenchmark} takes decomposers; {@code KernelBenchmark} takes GEMV
 * kernels (batch 1), GEMM kernels (any batch) and the int8 / f32 yardsticks. A combination the kernel
 * cannot run (a GEMV-only kernel at batch &gt; 1) is refused the same way, so neither {@code swis bench}
 * nor a JMH run with {@code -foe true} can drop a row silently. Names come from {@link KernelRegistry},
 * so kernels of a user's jar on the class path are included.
 */
public final class KernelFamilies {
    private KernelFamilies() {
    }

    /** The decomposer named by {@code DecomposeBenchmark}'s {@code kernel} parameter. */
    public static DecomposeKernel decomposer(String name) {
        for (DecomposeKernel k : KernelRegistry.decomposers()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        throw new SwisInputException("DecomposeBenchmark kernel", name, "one of decompose " + names(KernelRegistry.decomposers()));
    }

    /** The kernel named by {@code KernelBenchmark}'s {@code kernel} parameter, able to run {@code batch}. */
    public static Kernel matmul(String name, int batch) {
        return matmul(name, batch, KernelRegistry.gemv(), KernelRegistry.gemm(), KernelRegistry.int8(),
                KernelRegistry.float32());
    }

    static Kernel matmul(String name, int batch, List<? extends GemvKernel> gemv, List<? extends GemmKernel> gemm,
                         List<? extends Kernel> int8, List<? extends Kernel> f32) {
        if (batch < 1) {
            throw new SwisInputException("KernelBenchmark batch", batch, "a batch of at least 1");
        }
        for (List<? extends Kernel> family : List.of(int8, f32, gemm, gemv)) {
            for (Kernel k : family) {
                if (k.name().equals(name)) {
                    if (batch > 1 && !(k instanceof GemmKernel) && family == gemv) {
                        throw new SwisInputException("KernelBenchmark kernel " + name + " at batch " + batch,
                                "a GEMV-only kernel", "a GEMM kernel for batch > 1: one of gemm " + names(gemm));
                    }
                    return k;
                }
            }
        }
        throw new SwisInputException("KernelBenchmark kernel", name, "one of " + matmulNames(gemv, gemm, int8, f32));
    }

    /**
     * Checks a JMH plan before any fork starts: the benchmark's simple name ({@code DecomposeBenchmark}
     * or {@code KernelBenchmark}), then JMH arguments of which {@code -p key=v1,v2} pairs are read
     * (a repeated key adds values, as in JMH); every (kernel, batch) combination must resolve.
     *
     * @throws SwisInputException naming the first kernel (or batch) that does not, with its family's names
     */
    public static void checkPlan(String benchmark, List<String> jmhArgs) {
        Map<String, Set<String>> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < jmhArgs.size(); i++) {
            if (jmhArgs.get(i).equals("-p")) {
                String kv = jmhArgs.get(++i);
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    params.computeIfAbsent(kv.substring(0, eq), k -> new LinkedHashSet<>())
                            .addAll(List.of(kv.substring(eq + 1).split(",")));
                }
            }
        }
        Set<String> kernels = params.getOrDefault("kernel", Set.of());
        switch (benchmark) {
            case "DecomposeBenchmark" -> kernels.forEach(KernelFamilies::decomposer);
            case "KernelBenchmark" -> {
                for (String b : params.getOrDefault("batch", Set.of("1"))) {
                    int batch;
                    try {
                        batch = Integer.parseInt(b.trim());
                    } catch (NumberFormatException e) {
                        throw new SwisInputException("KernelBenchmark batch", b, "a positive integer");
                    }
                    for (String k : kernels) {
                        matmul(k, batch);
                    }
                }
            }
            default -> throw new SwisInputException("benchmark", benchmark, "DecomposeBenchmark or KernelBenchmark");
        }
    }

    /**
     * The benchmarks that take a kernel name: {@code DecomposeBenchmark} for a decomposer,
     * {@code KernelBenchmark} for a GEMV, GEMM, int8 or f32 kernel (both for a name in both, e.g. "reference").
     *
     * @throws SwisInputException for a name of no family, listing every family's names
     */
    public static List<String> benchmarksOf(String name) {
        List<String> out = new ArrayList<>();
        if (names(KernelRegistry.decomposers()).contains(name)) {
            out.add("DecomposeBenchmark");
        }
        for (List<? extends Kernel> family : List.of(KernelRegistry.gemv(), KernelRegistry.gemm(), KernelRegistry.int8(),
                KernelRegistry.float32())) {
            if (names(family).contains(name) && !out.contains("KernelBenchmark")) {
                out.add("KernelBenchmark");
            }
        }
        if (out.isEmpty()) {
            throw new SwisInputException("kernel", name, "one of decompose " + names(KernelRegistry.decomposers()) + ", "
                    + matmulNames(KernelRegistry.gemv(), KernelRegistry.gemm(), KernelRegistry.int8(), KernelRegistry.float32()));
        }
        return out;
    }

    /** "gemv [..], gemm [..], int8 [..], f32 [..]", with "gemv/gemm [..]" when both hold the same names (messages stay on one short line). */
    private static String matmulNames(List<? extends Kernel> gemv, List<? extends Kernel> gemm, List<? extends Kernel> int8,
                                      List<? extends Kernel> f32) {
        String matmul = names(gemv).equals(names(gemm)) ? "gemv/gemm " + names(gemv)
                : "gemv " + names(gemv) + ", gemm " + names(gemm);
        return matmul + ", int8 " + names(int8) + ", f32 " + names(f32);
    }

    private static List<String> names(List<? extends Kernel> kernels) {
        List<String> out = new ArrayList<>();
        kernels.forEach(k -> out.add(k.name()));
        return out;
    }
}
