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
import org.swis.kernels.GemmKernel;
import org.swis.kernels.GemvKernel;
import org.swis.kernels.Kernel;
import org.swis.kernels.KernelFamilies;
import org.swis.kernels.KernelRegistry;
import org.swis.kernels.PreparedMatrix;
import org.swis.kernels.SwisCodes;
import org.swis.kernels.baseline.Float32Gemv;
import org.swis.kernels.baseline.Int8Kernel;
import org.swis.kernels.baseline.Int8Matrix;
import org.swis.reference.SwisInputException;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.GroupCode;
import org.swis.reference.swis.Scheme;
import org.swis.reference.tensor.QuantizedTensor;

/**
 * GEMV (batch 1) and GEMM (any batch; the run plan measures 2, 4, 8 and 16) of one layer: a SWIS kernel
 * on the layer's SWIS decomposition
 * (M = 4, alpha = 1, N shifts), or a yardstick (int8 / float32) on the layer's INT8 weights, all
 * resolved by name through {@link KernelRegistry}. One fork per parameter combination, so each JVM
 * compiles exactly one kernel; by default 3 forks x 5 measured iterations, the minimum of a published row
 * (docs/KERNELS.md §6). {@link #setup} resolves the kernel in its family ({@link KernelFamilies}: an unknown
 * name or a batch the kernel cannot run is an error, never a skipped row) and checks sampled output rows
 * against the reference. State is per thread: with JMH's {@code -t 2} each thread runs its own call on its own
 * copy of the weights (two cores sharing the memory system; ResultsToCsv reports their summed rate).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 3, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xms3g", "-Xmx3g", "-XX:+AlwaysPreTouch"})
public class KernelBenchmark {
    @Param({"swis-vector", "int8-vector"})
    public String kernel;
    @Param({"llm-4096x4096"})
    public String shape;
    @Param({"4"})
    public int n;
    @Param({"1", "16"})
    public int batch;
    /**
     * How a SWIS GEMM takes its activations: {@code bytes} ({@code gemm}, int8 vectors regrouped per call) or
     * {@code ints} ({@code gemmInts}, canonical int columns as the integer inference's im2col writes them; the
     * path of {@code swis accuracy}); the int8 yardsticks likewise ({@code Int8Kernel.gemmInts}: int8-vector takes the
     * same column-broadcast or row-pair kernel as swis-vector); the f32 yardsticks have one path and ignore it.
     */
    @Param({"bytes"})
    public String api;

    private static final int SWIS = 0;
    private static final int INT8 = 1;
    private static final int F32 = 2;
    private int kind;
    private GemvKernel gemv;
    private GemmKernel gemm;
    private PreparedMatrix prepared;
    private Int8Kernel int8;
    private Int8Matrix int8Matrix;
    private Float32Gemv f32;
    private float[] f32Weights;
    private float[] f32x;
    private float[] f32y;
    private byte[] x;
    private int[] xInts;
    private int[] y;
    private int rows;
    private int columns;

    @Setup(Level.Trial)
    public void setup() {
        BenchData.Shape s = BenchData.shape(shape);
        QuantizedTensor t = BenchData.weights(s, 20211L);
        rows = s.filters();
        columns = s.columns();
        x = BenchData.activations(columns * batch, 7L);
        y = new int[rows * batch];
        Kernel k = KernelFamilies.matmul(kernel, batch);
        if (!api.equals("bytes") && !api.equals("ints")) {
            throw new SwisInputException("KernelBenchmark api", api, "bytes or ints");
        }
        if (api.equals("ints") && !(k instanceof Float32Gemv)) {
            xInts = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                xInts[i] = x[i];
            }
        }
        if (k instanceof Int8Kernel ik) {
            kind = INT8;
            int8 = ik;
            int8Matrix = Int8Matrix.of(t);
        } else if (k instanceof Float32Gemv fk) {
            kind = F32;
            f32 = fk;
            f32Weights = new float[(int) s.weights()];
            for (int i = 0; i < f32Weights.length; i++) {
                f32Weights[i] = t.value(i);
            }
            f32x = new float[columns * batch];
            for (int i = 0; i < f32x.length; i++) {
                f32x[i] = x[i];
            }
            f32y = new float[rows * batch];
        } else {
            kind = SWIS;
            SwisCodes codes = KernelRegistry.fastestDecomposer()
                    .decompose(t, new DecompositionConfig(Scheme.SWIS, 4, Alpha.ONE), n, 2);
            if (k instanceof GemvKernel g) {
                gemv = g;
            }
            if (k instanceof GemmKernel g) {
                gemm = g;
            }
            if (xInts != null) {
                requireGemm();
            }
            prepared = batch == 1 && gemv != null && xInts == null ? gemv.prepare(codes) : requireGemm().prepare(codes);
            run();
            validateSwis(codes);
            return;
        }
        run();
        validateYardstick(t);
    }

    private GemmKernel requireGemm() {
        if (gemm == null) {
            throw new SwisInputException("kernel", kernel, "a GEMM kernel for batch " + batch);
        }
        return gemm;
    }

    /** Rows sampled across the matrix, for setup checks. */
    private int[] sampleRows() {
        int count = Math.min(rows, 24);
        int[] r = new int[count];
        for (int i = 0; i < count; i++) {
            r[i] = (int) ((long) i * (rows - 1) / Math.max(1, count - 1));
        }
        return r;
    }

    /** Sampled rows must equal the reference GEMM ("reference" kernel) on the same codes. */
    private void validateSwis(SwisCodes codes) {
        int[] sample = sampleRows();
        int gpf = codes.groupsPerFilter();
        GroupCode[] sub = new GroupCode[sample.length * gpf];
        int[] counts = new int[sample.length];
        for (int i = 0; i < sample.length; i++) {
            counts[i] = codes.shifts(sample[i]);
            for (int g = 0; g < gpf; g++) {
                sub[i * gpf + g] = codes.code(sample[i] * gpf + g);
            }
        }
        SwisCodes subCodes = SwisCodes.of(codes.scheme(), codes.layout(), sample.length, counts, sub);
        GemmKernel ref = KernelRegistry.gemm("reference");
        int[] want = new int[sample.length * batch];
        ref.gemm(ref.prepare(subCodes), x, batch, want);
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < sample.length; i++) {
                check(want[b * sample.length + i], y[b * rows + sample[i]], sample[i], b);
            }
        }
    }

    private void validateYardstick(QuantizedTensor t) {
        for (int r : sampleRows()) {
            for (int b = 0; b < batch; b++) {
                long s = 0;
                for (int i = 0; i < columns; i++) {
                    s += (long) t.value(r * columns + i) * x[b * columns + i];
                }
                if (kind == F32) {
                    if (Math.abs(f32y[b * rows + r] - s) > 1e-4 * Math.abs(s) + 1) {
                        throw new SwisInputException(kernel + " row " + r, f32y[b * rows + r], "about " + s);
                    }
                } else {
                    check(s, y[b * rows + r], r, b);
                }
            }
        }
    }

    private void check(long want, int got, int row, int b) {
        if (want != got) {
            throw new SwisInputException(kernel + " " + shape + " row " + row + " batch " + b, got, "the reference " + want);
        }
    }

    /** The output of the last call (for the sanity tests). */
    int[] output() {
        return y;
    }

    float[] floatOutput() {
        return f32y;
    }

    @Benchmark
    public Object run() {
        switch (kind) {
            case INT8:
                if (xInts != null) {
                    int8.gemmInts(int8Matrix, xInts, 0, batch, y, 0);
                } else if (batch == 1) {
                    int8.gemv(int8Matrix, x, y);
                } else {
                    int8.gemm(int8Matrix, x, batch, y);
                }
                return y;
            case F32:
                for (int b = 0; b < batch; b++) {
                    float[] xb = batch == 1 ? f32x : java.util.Arrays.copyOfRange(f32x, b * columns, (b + 1) * columns);
                    float[] yb = batch == 1 ? f32y : new float[rows];
                    f32.gemv(f32Weights, rows, columns, xb, yb);
                    if (batch > 1) {
                        System.arraycopy(yb, 0, f32y, b * rows, rows);
                    }
                }
                return f32y;
            default:
                if (xInts != null) {
                    gemm.gemmInts(prepared, xInts, 0, batch, y, 0);
                } else if (batch == 1 && gemv != null) {
                    gemv.gemv(prepared, x, y);
                } else {
                    gemm.gemm(prepared, x, batch, y);
                }
                return y;
        }
    }
}
