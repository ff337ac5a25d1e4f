package org.swis.conformance;

import org.swis.kernels.DecomposeKernel;
import org.swis.kernels.GemmKernel;
import org.swis.kernels.GemvKernel;
import org.swis.kernels.Kernel;

/**
 * The four conformance properties, in the order they run for a kernel: the prepared weight layout is
 * checked before the products, so a wrong layout is reported as such rather than as a wrong sum.
 */
public enum Property {
    /** Every group's code (support vector, signs, masks) equals the reference decomposer's (SPEC §3). */
    DECOMPOSE("decompose", 200),
    /** {@code PreparedMatrix.weight(row, column)} equals the codes' decoded weight (paper Eq. 6). */
    LAYOUT("layout", 150),
    /** The GEMV of the first activation vector equals the reference product, accumulated in long. */
    GEMV("gemv", 400),
    /** The GEMM of every activation vector of the batch equals the reference product. */
    GEMM("gemm", 250);

    private final String id;
    private final int defaultTries;

    Property(String id, int defaultTries) {
        this.id = id;
        this.defaultTries = defaultTries;
    }

    /** Short lower-case name used in reports and pass records. */
    public String id() {
        return id;
    }

    /** Cases run per kernel when no other count is given (the budget of the former jqwik kit). */
    public int defaultTries() {
        return defaultTries;
    }

    /** Whether the property applies to a kernel, by the contracts it implements. */
    public boolean appliesTo(Kernel k) {
        return switch (this) {
            case DECOMPOSE -> k instanceof DecomposeKernel;
            case LAYOUT -> k instanceof GemvKernel || k instanceof GemmKernel;
            case GEMV -> k instanceof GemvKernel;
            case GEMM -> k instanceof GemmKernel;
        };
    }
}
