package org.swis.kernels;

import java.util.List;
import org.swis.kernels.baseline.Float32Gemv;
import org.swis.kernels.baseline.Int8Kernel;

/**
 * One family of built-in implementations: the scalar family (always present) or the Vector API
 * family (present when {@link Vectorization} finds {@code jdk.incubator.vector} usable).
 */
public record KernelSet(List<DecomposeKernel> decomposers, List<GemvKernel> gemv, List<GemmKernel> gemm,
                        List<Int8Kernel> int8, List<Float32Gemv> float32) {
    public KernelSet {
        decomposers = List.copyOf(decomposers);
        gemv = List.copyOf(gemv);
        gemm = List.copyOf(gemm);
        int8 = List.copyOf(int8);
        float32 = List.copyOf(float32);
    }
}
