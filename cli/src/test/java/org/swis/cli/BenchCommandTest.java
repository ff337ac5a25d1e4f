package org.swis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swis.conformance.fixtures.DenseGemv;

/**
 * Bad usage of {@code swis bench} stops with exit 2 before anything is built or run, naming the kernels
 * of the right family (docs/KERNELS.md §6); none of these tests runs JMH.
 */
class BenchCommandTest {
    @TempDir
    Path dir;

    private SwisCommandTest.Run bench(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "bench";
        all[1] = "--output-dir";
        all[2] = dir.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return SwisCommandTest.run(all);
    }

    @Test
    void aMisspelledKernelExitsTwoListingEveryFamily() {
        SwisCommandTest.Run r = bench("--quick", "--kernel", "swis-vektor");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("swis-vektor"), r.err());
        for (String family : List.of("decompose [reference, table-scalar", "gemm [reference, swis-scalar",
                "int8 [int8-scalar", "f32 [f32-scalar", "], found swis-vektor")) {
            assertTrue(r.err().contains(family), family + " in (not cut short): " + r.err());
        }
        assertEquals(List.of(), list(dir), "nothing written");
    }

    @Test
    void aGemvKernelGivenToEveryRunIsRefusedByTheDecompositionRunWithTheDecomposers() {
        SwisCommandTest.Run r = bench("--quick", "--jmh-args", "-p kernel=int8-scalar");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("DecomposeBenchmark kernel") && r.err().contains("int8-scalar"), r.err());
        assertTrue(r.err().contains("one of decompose [reference, table-scalar"), r.err());
    }

    @Test
    void aMisspelledKernelInJmhArgsNamesTheMatmulFamilies() {
        List<List<String>> ok = assertPlan(List.of("-p", "batch=1"));
        assertEquals(4, ok.size());
        SwisCommandTest.Run r = bench("--quick", "--jmh-args", "KernelBenchmark -p kernel=int8-vektor");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("int8-vektor"), r.err());
    }

    private static List<List<String>> assertPlan(List<String> extra) {
        try {
            return BenchCommand.quickPlan(List.of(), List.of(), extra);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void kernelsJoinTheRunsOfTheirFamily() throws Exception {
        List<List<String>> plan = BenchCommand.quickPlan(List.of(), List.of("table-scalar", "swis-scalar", "f32-scalar"), List.of());
        assertTrue(plan.get(0).contains("kernel=table-scalar"), plan.toString());
        assertTrue(plan.get(2).contains("kernel=swis-scalar"), plan.toString());
        assertTrue(plan.get(3).contains("kernel=f32-scalar"), plan.toString());
        assertTrue(plan.get(3).get(0).equals("KernelBenchmark") && plan.get(3).contains("kernel=int8-vector"), plan.toString());
    }

    @Test
    void jmhArgsOrKernelsWithoutQuickAndAMissingJarAreBadUsage() {
        SwisCommandTest.Run full = bench("--jmh-args", "-f 1");
        assertEquals(2, full.code(), full.err());
        assertTrue(full.err().contains("--quick"), full.err());
        assertEquals(2, bench("--kernel", "swis-scalar").code());
        SwisCommandTest.Run jar = bench("--quick", "--jar", dir.resolve("none.jar").toString());
        assertEquals(2, jar.code(), jar.err());
        assertTrue(jar.err().contains("none.jar"), jar.err());
    }

    @Test
    void aKernelFromAUserJarJoinsItsFamilyAndIsRefusedForABatchItCannotRun() throws Exception {
        Path jar = ConformanceCommandTest.jar(dir, "dense.jar", DenseGemv.class, DenseGemv.class);
        String sha = ConformanceCommand.sha256(jar);
        BenchCommand.UserJar user = new BenchCommand.UserJar(jar, sha);
        assertEquals("dense.jar=" + sha, user.stamp());
        List<List<String>> plan = BenchCommand.quickPlan(List.of(user), List.of("fixture-dense"), List.of());
        assertTrue(plan.get(2).contains("kernel=fixture-dense"), plan.toString());
        // without the jar the name is unknown; with it, a GEMV-only kernel cannot run batch 16
        SwisCommandTest.Run unknown = bench("--quick", "--kernel", "fixture-dense");
        assertEquals(2, unknown.code(), unknown.err());
        SwisCommandTest.Run batch = bench("--quick", "--jar", jar.toString(), "--kernel", "fixture-dense",
                "--jmh-args", "-p batch=16");
        assertEquals(2, batch.code(), batch.err());
        assertTrue(batch.err().contains("KernelBenchmark kernel fixture-dense at batch 16")
                && batch.err().contains("a GEMM kernel for batch > 1: one of gemm [reference"), batch.err());
    }

    private static List<Path> list(Path d) {
        try (var s = Files.list(d)) {
            return s.toList();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
