package org.swis.reference.swis;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.swis.reference.SwisInputException;

/**
 * The MSE++ weight alpha of the squared signed-error term (paper Eq. 12), as an exact non-negative
 * rational {@code num / den} in lowest terms, so cost comparisons are integer arithmetic. alpha = 0 is
 * plain MSE; the paper's untuned default is alpha = 1.
 */
public record Alpha(long num, long den) {
    /** Largest numerator or denominator: keeps every cost below 2^62 for M &lt;= 32 (SPEC §3.3). */
    public static final long MAX_TERM = 1L << 30;
    public static final Alpha ZERO = new Alpha(0, 1);
    public static final Alpha ONE = new Alpha(1, 1);

    public Alpha {
        if (num < 0 || den <= 0 || num > MAX_TERM || den > MAX_TERM) {
            throw new SwisInputException("alpha", num + "/" + den,
                    "a non-negative rational p/q with p <= 2^30 and 0 < q <= 2^30");
        }
        long g = BigInteger.valueOf(num).gcd(BigInteger.valueOf(den)).longValue();
        if (g > 1) {
            num /= g;
            den /= g;
        }
    }

    /** Parses "p/q", an integer, or an exact decimal such as "0.25". */
    public static Alpha parse(String text) {
        if (text == null || text.isBlank()) {
            throw new SwisInputException("alpha", text, "a rational such as 1, 1/2 or 0.25");
        }
        String t = text.trim();
        try {
            int slash = t.indexOf('/');
            if (slash >= 0) {
                return new Alpha(Long.parseLong(t.substring(0, slash).trim()),
                        Long.parseLong(t.substring(slash + 1).trim()));
            }
            BigDecimal d = new BigDecimal(t);
            if (d.signum() < 0) {
                throw new SwisInputException("alpha", text, "a non-negative value");
            }
            BigInteger den = BigInteger.TEN.pow(Math.max(0, d.scale()));
            BigInteger num = d.movePointRight(Math.max(0, d.scale())).toBigIntegerExact();
            BigInteger g = num.gcd(den);
            if (g.signum() != 0) {
                num = num.divide(g);
                den = den.divide(g);
            }
            return new Alpha(num.longValueExact(), den.longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new SwisInputException("alpha", text, "a rational such as 1, 1/2 or 0.25");
        }
    }

    public double toDouble() {
        return (double) num / den;
    }

    @Override
    public String toString() {
        return den == 1 ? Long.toString(num) : num + "/" + den;
    }
}
