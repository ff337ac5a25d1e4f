package org.swis.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.swis.kernels.DecomposeKernel;
import org.swis.kernels.KernelFamilies;
import org.swis.kernels.KernelRegistry;
import org.swis.kernels.SwisCodes;
import org.swis.reference.SwisInputException;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.DecomposedTensor;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.Scheme;
import org.swis.reference.tensor.QuantizedTensor;

/**
 * Decomposition of a whole INT8 tensor (8-bit magnitudes, B = 8) into SWIS groups: scheme x N x M x
 * threads; by default 3 forks x 5 measured iterations per parameter combination (docs/KERNELS.md §6).
 * Score: ms per tensor; weights/s = weights / score. An unknown kernel name fails {@link #setup} with the
 * decomposers' names ({@link KernelFamilies}).
 * {@link #setup} checks the kernel's codes for the first filters against the reference search.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class DecomposeBenchmark {
    @Param({"table-vector", "table-scalar"})
    public String kernel;
    @Param({"swis", "swis-c"})
    public String scheme;
    @Param({"2", "3", "4"})
    public int n;
    @Param({"4", "8"})
    public int m;
    @Param({"1"})
    public String alpha;
    @Param({"1", "2"})
    public int threads;
    @Param({"256x4096"})
    public String shape;
    /**
     * How many JMH processes run this plan at the same time (run-benchmarks.sh's SWIS_BENCH_PROCESSES mode starts
     * two); a label for the results, the benchmark itself runs the same either way.
     */
    @Param({"1"})
    public int processes;

    private DecomposeKernel decomposer;
    private QuantizedTensor tensor;
    private DecompositionConfig config;

    @Setup(Level.Trial)
    public void setup() {
        decomposer = KernelFamilies.decomposer(kernel);
        BenchData.Shape s = BenchData.shape(shape);
        tensor = BenchData.weights(s, 20211L);
        config = new DecompositionConfig(Scheme.parse(scheme), m, Alpha.parse(alpha));
        validate(decomposer.decompose(tensor, config, n, threads));
    }

    /** The first two filters must equal the reference search group for group. */
    void validate(SwisCodes got) {
        int filters = Math.min(2, tensor.filters());
        int per = tensor.filterSize();
        int[] mag = new int[filters * per];
        boolean[] neg = new boolean[filters * per];
        for (int i = 0; i < mag.length; i++) {
            mag[i] = tensor.magnitude(i);
            neg[i] = tensor.negative(i);
        }
        double[] scale = new double[filters];
        java.util.Arrays.fill(scale, 1.0);
        QuantizedTensor head = new QuantizedTensor("head", filters, tensor.channels(), tensor.kh(), tensor.kw(),
                mag, neg, scale);
        DecomposedTensor ref = Decomposer.decompose(head, config, n);
        for (int g = 0; g < ref.groupCount(); g++) {
            if (!got.code(g).equals(ref.code(g))) {
                throw new SwisInputException(kernel + " group " + g, got.code(g), "the reference " + ref.code(g));
            }
        }
    }

    @Benchmark
    public SwisCodes decompose() {
        return decomposer.decompose(tensor, config, n, threads);
    }
}
