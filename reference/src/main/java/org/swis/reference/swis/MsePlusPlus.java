package org.swis.reference.swis;

/**
 * The MSE++ cost of a group (paper Eq. 11-12), in exact integer arithmetic.
 *
 * <p>With errors e_i = w_i - w'_i in integer (quantization-step) units over the M weights of a
 * group, SignedError = sum e_i (Eq. 11) and
 * {@code MSE++ = (1/M) * [alpha * (sum e_i)^2 + sum e_i^2]} (Eq. 12; the paper's N there is the group
 * size). With alpha = p/q this returns the integer {@code p * (sum e_i)^2 + q * sum e_i^2}, which is
 * {@code q * M * MSE++}: a positive constant factor for fixed M and alpha, so it orders candidate
 * support vectors exactly as MSE++ does, and sums over groups to the filter's and layer's cost.
 */
public final class MsePlusPlus {
    private MsePlusPlus() {
    }

    /**
     * @param signedErrorSum sum of e_i
     * @param squaredErrorSum sum of e_i^2
     * @return {@code alpha.num * signedErrorSum^2 + alpha.den * squaredErrorSum}
     */
    public static long scaledCost(long signedErrorSum, long squaredErrorSum, Alpha alpha) {
        return Math.addExact(Math.multiplyExact(alpha.num(), Math.multiplyExact(signedErrorSum, signedErrorSum)),
                Math.multiplyExact(alpha.den(), squaredErrorSum));
    }

    /** The MSE++ value itself, {@code scaledCost / (q * M)}, for reports. */
    public static double value(long scaledCost, Alpha alpha, int m) {
        return (double) scaledCost / ((double) alpha.den() * m);
    }
}
