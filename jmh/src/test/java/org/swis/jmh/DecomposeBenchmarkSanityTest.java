package org.swis.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swis.kernels.SwisCodes;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.Scheme;
import org.swis.reference.tensor.QuantizedTensor;

/** Runs the benchmark body once on a small shape, so a broken benchmark fails the build, not the table. */
class DecomposeBenchmarkSanityTest {
    @ParameterizedTest
    @CsvSource({"table-vector,swis,4,4,2", "table-scalar,swis-c,3,8,1", "reference,swis,2,4,1"})
    void benchmarkBodyReturnsTheReferenceDecomposition(String kernel, String scheme, int n, int m, int threads) {
        DecomposeBenchmark b = new DecomposeBenchmark();
        b.kernel = kernel;
        b.scheme = scheme;
        b.n = n;
        b.m = m;
        b.alpha = "1";
        b.threads = threads;
        b.shape = "test-37x70";
        b.setup();
        SwisCodes got = b.decompose();
        QuantizedTensor t = BenchData.weights(BenchData.shape("test-37x70"), 20211L);
        assertEquals(-1, got.firstDifference(Decomposer.decompose(t,
                new DecompositionConfig(Scheme.parse(scheme), m, Alpha.ONE), n)));
    }
}
