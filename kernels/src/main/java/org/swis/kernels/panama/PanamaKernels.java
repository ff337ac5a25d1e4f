package org.swis.kernels.panama;

import java.util.List;
import jdk.incubator.vector.IntVector;
import org.swis.kernels.DecomposeKernel;
import org.swis.kernels.GemmKernel;
import org.swis.kernels.GemvKernel;
import org.swis.kernels.KernelSet;
import org.swis.kernels.baseline.Float32Gemv;
import org.swis.kernels.baseline.Int8Kernel;

/**
 * The Vector API family. Created reflectively by {@link org.swis.kernels.Vectorization} only after it
 * has checked that {@code jdk.incubator.vector} is readable; refuses (UnsupportedOperationException)
 * when the preferred int vector is narrower than 256 bits, where HotSpot's integer vectors are slow.
 */
public final class PanamaKernels implements KernelSet {
    private final VectorTableDecomposer decomposer;
    private final SwisMatmulVector swis;

    public PanamaKernels() {
        int bits = IntVector.SPECIES_PREFERRED.vectorBitSize();
        if (bits < 256) {
            throw new UnsupportedOperationException("preferred int vector is " + bits + " bits; at least 256 needed");
        }
        decomposer = new VectorTableDecomposer();
        swis = new SwisMatmulVector();
    }

    /** Bits of the preferred int vector species. */
    public static int vectorBitSize() {
        return IntVector.SPECIES_PREFERRED.vectorBitSize();
    }

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
        return List.of(new Int8Vector());
    }

    @Override
    public List<Float32Gemv> float32() {
        return List.of(new Float32Vector());
    }
}
