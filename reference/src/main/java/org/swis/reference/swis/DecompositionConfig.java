package org.swis.reference.swis;

import org.swis.reference.SwisInputException;

/**
 * What to decompose with: the scheme, the group size M (default 4, paper §5) and the MSE++ alpha
 * (default 1, the paper's untuned value).
 */
public record DecompositionConfig(Scheme scheme, int m, Alpha alpha) {
    public static final int DEFAULT_M = 4;

    public DecompositionConfig {
        if (scheme == null) {
            throw new SwisInputException("scheme", null, "swis or swis-c");
        }
        SwisInputException.requireRange("M", m, 1, 32);
        if (alpha == null) {
            throw new SwisInputException("alpha", null, "a non-negative rational");
        }
    }

    /** SWIS, M = 4, alpha = 1. */
    public static DecompositionConfig defaults() {
        return new DecompositionConfig(Scheme.SWIS, DEFAULT_M, Alpha.ONE);
    }

    public DecompositionConfig withScheme(Scheme s) {
        return new DecompositionConfig(s, m, alpha);
    }

    public DecompositionConfig withM(int newM) {
        return new DecompositionConfig(scheme, newM, alpha);
    }

    public DecompositionConfig withAlpha(Alpha a) {
        return new DecompositionConfig(scheme, m, a);
    }
}
