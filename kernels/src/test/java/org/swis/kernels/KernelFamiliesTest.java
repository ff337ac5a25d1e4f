package org.swis.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.swis.reference.SwisInputException;

/** Benchmark kernel names resolve in their family or fail naming it (docs/KERNELS.md §6). */
class KernelFamiliesTest {
    @Test
    void aMisspelledKernelBenchmarkNameListsEveryMatmulFamily() {
        SwisInputException e = assertThrows(SwisInputException.class, () -> KernelFamilies.matmul("swis-vektor", 1));
        assertEquals("KernelBenchmark kernel", e.field());
        assertEquals("swis-vektor", e.value());
        // GEMV and GEMM kernels with the same names are listed once; the vector family adds a GEMV-only kernel
        // (swis-packed-vector), so there they are listed apart
        String matmul = names(KernelRegistry.gemv()).equals(names(KernelRegistry.gemm())) ? "gemv/gemm [" : "gemv [";
        assertTrue(e.expected().startsWith("one of " + matmul + "reference, swis-scalar"), e.expected());
        for (String name : List.of("int8 [", "f32 [", "swis-scalar", "int8-scalar", "f32-scalar", "reference")) {
            assertTrue(e.expected().contains(name), e.expected());
        }
        assertTrue(!e.expected().contains("table-scalar"), "decomposers are not KernelBenchmark kernels: " + e.expected());
    }

    @Test
    void aMisspelledDecomposerListsTheDecomposers() {
        SwisInputException e = assertThrows(SwisInputException.class, () -> KernelFamilies.decomposer("table-vektor"));
        assertEquals("DecomposeBenchmark kernel", e.field());
        assertTrue(e.expected().startsWith("one of decompose [reference, table-scalar"), e.expected());
        assertTrue(!e.expected().contains("int8"), e.expected());
    }

    @Test
    void aMatmulKernelIsNotADecomposerAndTheOtherWayRound() {
        assertThrows(SwisInputException.class, () -> KernelFamilies.decomposer("int8-scalar"));
        assertThrows(SwisInputException.class, () -> KernelFamilies.matmul("table-scalar", 1));
        assertEquals("int8-scalar", KernelFamilies.matmul("int8-scalar", 16).name());
        assertEquals("swis-scalar", KernelFamilies.matmul("swis-scalar", 16).name());
        assertEquals("table-scalar", KernelFamilies.decomposer("table-scalar").name());
    }

    /** A GEMV-only kernel, as a user's jar may bring. */
    private static final GemvKernel GEMV_ONLY = new GemvKernel() {
        @Override
        public String name() {
            return "my-gemv";
        }

        @Override
        public PreparedMatrix prepare(SwisCodes codes) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void gemv(PreparedMatrix w, byte[] x, int[] y) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void aGemvOnlyKernelRunsBatchOneAndIsRefusedAtBatchSixteenNamingTheGemmKernels() {
        List<GemmKernel> gemm = KernelRegistry.gemm();
        assertSame(GEMV_ONLY, KernelFamilies.matmul("my-gemv", 1, List.of(GEMV_ONLY), gemm, List.of(), List.of()));
        SwisInputException e = assertThrows(SwisInputException.class,
                () -> KernelFamilies.matmul("my-gemv", 16, List.of(GEMV_ONLY), gemm, List.of(), List.of()));
        assertEquals("KernelBenchmark kernel my-gemv at batch 16", e.field());
        assertTrue(e.expected().startsWith("a GEMM kernel for batch > 1: one of gemm [reference, swis-scalar"), e.expected());
    }

    @Test
    void differentGemvAndGemmNamesAreListedApart() {
        SwisInputException e = assertThrows(SwisInputException.class, () -> KernelFamilies.matmul("x", 1, List.of(GEMV_ONLY),
                KernelRegistry.gemm(), List.of(), List.of()));
        assertTrue(e.expected().startsWith("one of gemv [my-gemv], gemm [reference, swis-scalar"), e.expected());
    }

    @Test
    void aPlanIsCheckedForEveryKernelAndBatchOfItsParameters() {
        KernelFamilies.checkPlan("KernelBenchmark", List.of("-p", "kernel=swis-scalar,int8-scalar", "-p", "batch=1,16", "-f", "1"));
        KernelFamilies.checkPlan("DecomposeBenchmark", List.of("-p", "kernel=reference", "-p", "kernel=table-scalar"));
        SwisInputException e = assertThrows(SwisInputException.class, () -> KernelFamilies.checkPlan("KernelBenchmark",
                List.of("-p", "kernel=int8-scalar", "-i", "2", "-p", "kernel=f32-skalar")));
        assertEquals("f32-skalar", e.value());
        SwisInputException d = assertThrows(SwisInputException.class,
                () -> KernelFamilies.checkPlan("DecomposeBenchmark", List.of("-p", "kernel=table-scalar,swis-scalar")));
        assertEquals("swis-scalar", d.value());
        assertThrows(SwisInputException.class, () -> KernelFamilies.checkPlan("KernelBenchmark",
                List.of("-p", "kernel=int8-scalar", "-p", "batch=one")));
        assertThrows(SwisInputException.class, () -> KernelFamilies.checkPlan("GemvBench", List.of()));
    }

    @Test
    void aKernelNameChoosesItsBenchmarksAndAnUnknownOneListsAllFamilies() {
        assertEquals(List.of("DecomposeBenchmark"), KernelFamilies.benchmarksOf("table-scalar"));
        assertEquals(List.of("KernelBenchmark"), KernelFamilies.benchmarksOf("int8-scalar"));
        assertEquals(List.of("DecomposeBenchmark", "KernelBenchmark"), KernelFamilies.benchmarksOf("reference"));
        SwisInputException e = assertThrows(SwisInputException.class, () -> KernelFamilies.benchmarksOf("tabel-scalar"));
        String matmul = names(KernelRegistry.gemv()).equals(names(KernelRegistry.gemm())) ? "gemv/gemm [" : "gemv [";
        for (String family : List.of("decompose [", matmul, "int8 [", "f32 [f32-scalar")) {
            assertTrue(e.expected().contains(family), e.expected());
        }
    }

    private static List<String> names(List<? extends Kernel> kernels) {
        return kernels.stream().map(Kernel::name).toList();
    }
}
