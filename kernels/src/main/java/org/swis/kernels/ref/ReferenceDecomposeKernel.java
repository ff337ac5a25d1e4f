package org.swis.kernels.ref;

import org.swis.kernels.DecomposeKernel;
import org.swis.kernels.SwisCodes;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.tensor.QuantizedTensor;

/** The reference search ({@link Decomposer}) behind the kernel contract: the oracle, single-threaded. */
public final class ReferenceDecomposeKernel implements DecomposeKernel {
    @Override
    public String name() {
        return "reference";
    }

    @Override
    public String description() {
        return "org.swis.reference.swis.Decomposer: plain exhaustive search (the oracle)";
    }

    @Override
    public SwisCodes decompose(QuantizedTensor tensor, DecompositionConfig config, int[] shiftsPerFilter, int threads) {
        org.swis.reference.SwisInputException.requireRange("threads", threads, 1, 1024);
        return SwisCodes.of(Decomposer.decompose(tensor, config, shiftsPerFilter));
    }
}
