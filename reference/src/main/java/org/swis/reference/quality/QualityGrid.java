package org.swis.reference.quality;

import java.util.List;
import org.swis.reference.swis.Alpha;

/**
 * The configurations the quality report compares (SPEC §9).
 *
 * @param groupSizes    M values for SWIS / SWIS-C and per-group RTN
 * @param targets       shift targets; integer targets also run unscheduled (uniform N)
 * @param truncationBits N of layer-wise weight truncation
 * @param rtnBits       k of uniform RTN INT-k
 * @param alpha         MSE++ alpha
 * @param activationVectors random activation vectors per layer for the output error
 * @param seed          seed of the activation vectors
 */
public record QualityGrid(List<Integer> groupSizes, List<Double> targets, List<Integer> truncationBits,
                          List<Integer> rtnBits, Alpha alpha, int activationVectors, long seed) {

    /** Default seed of the output-error activations. */
    public static final long SEED = 2021L;

    /** The default grid: M in {1, 2, 4, 8, 16}; targets 2, 2.5, 3, 3.5, 4, 5; truncation 2..6; RTN 2..8; alpha 1. */
    public static QualityGrid defaults() {
        return new QualityGrid(List.of(1, 2, 4, 8, 16), List.of(2.0, 2.5, 3.0, 3.5, 4.0, 5.0), List.of(2, 3, 4, 5, 6),
                List.of(2, 3, 4, 5, 6, 7, 8), Alpha.ONE, 32, SEED);
    }

    /** A small grid for tests and quick runs: M in {1, 4}; targets 2, 2.5, 4. */
    public static QualityGrid quick() {
        return new QualityGrid(List.of(1, 4), List.of(2.0, 2.5, 4.0), List.of(2, 4), List.of(3, 4), Alpha.ONE, 8, SEED);
    }
}
