package org.swis.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swis.kernels.GemmKernel;
import org.swis.kernels.KernelRegistry;
import org.swis.kernels.SwisCodes;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.Scheme;
import org.swis.reference.tensor.QuantizedTensor;

/** Runs each benchmark body once on small shapes and compares the whole output with the reference. */
class KernelBenchmarkSanityTest {
    @ParameterizedTest
    @CsvSource({"swis-vector,test-37x70,4,1", "swis-vector,test-conv-5x3x3x3,2,16", "swis-scalar,test-37x70,3,16",
        "swis-packed-vector,test-37x70,3,1", "swis-vector-ints,test-37x70,4,9", "swis-vector-ints,resnet20-conv16,4,70", "swis-packed-vector,test-conv-5x3x3x3,2,1",
        "reference,test-37x70,4,1", "int8-vector,test-37x70,4,1", "int8-vector,test-conv-5x3x3x3,4,16",
        "int8-vector-ints,resnet20-conv16,4,70", "int8-vector-ints,test-37x70,4,9",
        "int8-scalar,test-37x70,4,16", "f32-vector,test-37x70,4,1", "f32-scalar,test-conv-5x3x3x3,4,16"})
    void benchmarkBodyEqualsTheReference(String kernel, String shape, int n, int batch) {
        KernelBenchmark b = new KernelBenchmark();
        // "<kernel>-ints": the kernel through gemmInts (api=ints), the integer inference's path
        b.api = kernel.endsWith("-ints") ? "ints" : "bytes";
        b.kernel = kernel.replace("-ints", "");
        b.shape = shape;
        b.n = n;
        b.batch = batch;
        b.setup();
        b.run();
        BenchData.Shape s = BenchData.shape(shape);
        QuantizedTensor t = BenchData.weights(s, 20211L);
        byte[] x = BenchData.activations(s.columns() * batch, 7L);
        int[] want = new int[s.filters() * batch];
        if (kernel.startsWith("int8-") || kernel.startsWith("f32-")) {
            for (int bb = 0; bb < batch; bb++) {
                for (int r = 0; r < s.filters(); r++) {
                    long sum = 0;
                    for (int i = 0; i < s.columns(); i++) {
                        sum += (long) t.value(r * s.columns() + i) * x[bb * s.columns() + i];
                    }
                    want[bb * s.filters() + r] = Math.toIntExact(sum);
                }
            }
        } else {
            SwisCodes codes = KernelRegistry.decomposer("reference")
                    .decompose(t, new DecompositionConfig(Scheme.SWIS, 4, Alpha.ONE), n, 1);
            GemmKernel ref = KernelRegistry.gemm("reference");
            ref.gemm(ref.prepare(codes), x, batch, want);
        }
        if (kernel.startsWith("f32-")) {
            float[] got = b.floatOutput();
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], 1e-4 * Math.abs(want[i]) + 1, kernel + " output " + i);
            }
        } else {
            assertArrayEquals(want, b.output(), kernel);
        }
    }
}
