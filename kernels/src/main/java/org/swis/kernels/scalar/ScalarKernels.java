package org.swis.kernels.scalar;

import java.util.List;
import org.swis.kernels.DecomposeKernel;
import org.swis.kernels.GemmKernel;
import org.swis.kernels.GemvKernel;
import org.swis.kernels.KernelSet;
import org.swis.kernels.baseline.Float32Gemv;
import org.swis.kernels.baseline.Int8Kernel;
import org.swis.kernels.baseline.Int8Scalar;

/** The plain-Java family: no Vector API class is ever linked from here. */
public final class ScalarKernels implements KernelSet {
    private final TableDecomposer decomposer = new TableDecomposer();
    private final SwisMatmulScalar swis = new SwisMatmulScalar();

    @Override
    public List<DecomposeKernel> decomposers() {
        return List.of(decomposer);
    }

    @Override
    public List<GemvKernel> gemv() {
        return List.of(swis);
    }

    @Override
    public List<GemmKernel> gemm() {
        return List.of(swis);
    }

    @Override
    public List<Int8Kernel> int8() {
        return List.of(new Int8Scalar());
    }

    @Override
    public List<Float32Gemv> float32() {
        return List.of(new Float32Gemv.Scalar());
    }
}
