package org.swis.conformance;

/** One generated input of a property: a tensor to decompose or a matrix with activations. */
public sealed interface ConformanceCase permits DecomposeCase, MatrixCase {
    /** Number of SWIS groups in the case (all filters or rows), a measure of its size. */
    int groups();

    /** One line: shape and parameters, without the bulk data. */
    String shape();
}
