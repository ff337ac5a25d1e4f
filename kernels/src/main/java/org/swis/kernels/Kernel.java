package org.swis.kernels;

/**
 * A named implementation of one of the kernel contracts ({@link DecomposeKernel}, {@link GemvKernel},
 * {@link GemmKernel}). The name is stable: it appears in JMH {@code @Param} lists, in
 * {@code results/*.csv} and in conformance-kit failure reports, so never reuse it for different code.
 */
public interface Kernel {
    /** Stable, unique, lower-case name, e.g. {@code "swis-vector"}. */
    String name();

    /** One line: the algorithm and the weight layout it uses. */
    default String description() {
        return name();
    }
}
