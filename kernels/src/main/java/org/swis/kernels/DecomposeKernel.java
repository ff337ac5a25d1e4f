package org.swis.kernels;

import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.tensor.QuantizedTensor;

/**
 * Contract of a decomposer: integer weights to SWIS groups (paper §4.1.1). Every implementation must
 * return, for every group, exactly the support vector, signs and masks of the reference search
 * {@link org.swis.reference.swis.GroupDecomposer} (nearest rounding, ties to the smaller magnitude,
 * first candidate of lowest scaled MSE++ cost in lexicographic order).
 */
public interface DecomposeKernel extends Kernel {
    /**
     * @param tensor          source weights (read in place, never copied)
     * @param config          scheme, group size M and MSE++ alpha
     * @param shiftsPerFilter shift count N of every filter, 1..8
     * @param threads         worker threads, at least 1; the result must not depend on it
     */
    SwisCodes decompose(QuantizedTensor tensor, DecompositionConfig config, int[] shiftsPerFilter, int threads);

    /** Every filter with N shifts. */
    default SwisCodes decompose(QuantizedTensor tensor, DecompositionConfig config, int n, int threads) {
        int[] counts = new int[tensor.filters()];
        java.util.Arrays.fill(counts, n);
        return decompose(tensor, config, counts, threads);
    }
}
