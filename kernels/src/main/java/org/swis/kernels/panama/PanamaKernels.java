package org.swis.kernels.panama;

import java.util.List;
import jdk.incubator.vector.IntVector;
import org.swis.kernels.KernelSet;

/**
 * The Vector API family. {@link #create()} is called reflectively by
 * {@link org.swis.kernels.Vectorization} only after it has checked that {@code jdk.incubator.vector}
 * is readable; it refuses (UnsupportedOperationException) when the preferred int vector is narrower
 * than 256 bits, where HotSpot's integer vectors are slow.
 */
public final class PanamaKernels {
    private PanamaKernels() {
    }

    public static KernelSet create() {
        int bits = vectorBitSize();
        if (bits < 256) {
            throw new UnsupportedOperationException("preferred int vector is " + bits + " bits; at least 256 needed");
        }
        SwisMatmulVector swis = new SwisMatmulVector();
        // the packed GEMV reads 16 units' slot-2/3 signs per word: offered where 8 or 16 int lanes divide that
        List<org.swis.kernels.GemvKernel> gemv = SwisPackedVector.fitsLanes() ? List.of(swis, new SwisPackedVector()) : List.of(swis);
        return new KernelSet(List.of(new VectorTableDecomposer()), gemv, List.of(swis),
                List.of(new Int8Vector()), List.of(new Float32Vector()));
    }

    /** Bits of the preferred int vector species. */
    public static int vectorBitSize() {
        return IntVector.SPECIES_PREFERRED.vectorBitSize();
    }
}
