package org.swis.reference.analysis;

import org.swis.reference.SwisInputException;

/**
 * The analytic probability that a uniformly random 8-bit magnitude is represented exactly with
 * N shifts and group size 1 (paper Eq. 8-10, Fig. 2; SPEC §3.6). Exact rationals over 256.
 */
public final class LosslessProbability {
    private LosslessProbability() {
    }

    static long binomial(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        long r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    /** Eq. 8, SWIS: sum_{n=0}^{N} C(8, n) / 256, as the count of lossless magnitudes out of 256. */
    public static long swisCount(int shifts) {
        SwisInputException.requireRange("N", shifts, 1, 8);
        long c = 0;
        for (int n = 0; n <= shifts; n++) {
            c += binomial(8, n);
        }
        return c;
    }

    /**
     * Eq. 9, SWIS-C: sum_{n=0}^{N} [C(N, n)(9 - N) - (8 - N) C(N - 1, n)] / 256 (the count of
     * magnitudes whose set bits fit in some window of N consecutive positions).
     */
    public static long swisCCount(int shifts) {
        SwisInputException.requireRange("N", shifts, 1, 8);
        long c = 0;
        for (int n = 0; n <= shifts; n++) {
            c += binomial(shifts, n) * (9 - shifts) - (8 - shifts) * binomial(shifts - 1, n);
        }
        return c;
    }

    /** Eq. 10, one fixed window of N bits: sum_{n=0}^{N} C(N, n) / 256 = 2^N / 256. */
    public static long layerWiseCount(int shifts) {
        SwisInputException.requireRange("N", shifts, 1, 8);
        long c = 0;
        for (int n = 0; n <= shifts; n++) {
            c += binomial(shifts, n);
        }
        return c;
    }

    public static double swis(int shifts) {
        return swisCount(shifts) / 256.0;
    }

    public static double swisC(int shifts) {
        return swisCCount(shifts) / 256.0;
    }

    public static double layerWise(int shifts) {
        return layerWiseCount(shifts) / 256.0;
    }
}
