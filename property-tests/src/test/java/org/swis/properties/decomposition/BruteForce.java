package org.swis.properties.decomposition;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * An independent, deliberately naive re-statement of the SWIS search used as a second oracle: sets
 * are plain sorted int lists, representable values are built as a sorted set of subset sums, and
 * costs are compared as exact big-integer cross products.
 */
final class BruteForce {
    private BruteForce() {
    }

    /** All sorted position lists of size n (SWIS) or the windows (consecutive), lexicographic order. */
    static List<int[]> sets(int n, boolean consecutive) {
        List<int[]> out = new ArrayList<>();
        collect(new int[n], 0, 0, out);
        if (consecutive) {
            out.removeIf(s -> s[n - 1] - s[0] != n - 1);
        }
        return out;
    }

    private static void collect(int[] cur, int k, int from, List<int[]> out) {
        if (k == cur.length) {
            out.add(cur.clone());
            return;
        }
        for (int p = from; p < 8; p++) {
            cur[k] = p;
            collect(cur, k + 1, p + 1, out);
        }
    }

    static TreeSet<Integer> values(int[] set) {
        TreeSet<Integer> v = new TreeSet<>();
        v.add(0);
        for (int p : set) {
            TreeSet<Integer> next = new TreeSet<>(v);
            for (int x : v) {
                next.add(x + (1 << p));
            }
            v = next;
        }
        return v;
    }

    /** Nearest value, ties to the smaller. */
    static int round(int u, TreeSet<Integer> values) {
        Integer lo = values.floor(u);
        Integer hi = values.ceiling(u);
        if (lo == null) {
            return hi;
        }
        if (hi == null) {
            return lo;
        }
        return (u - lo) <= (hi - u) ? lo : hi;
    }

    /** Exact MSE++ numerator p*S^2 + q*Q as a big integer. */
    static BigInteger cost(int[] mag, boolean[] neg, int[] set, long p, long q) {
        TreeSet<Integer> v = values(set);
        long s = 0;
        long sq = 0;
        for (int i = 0; i < mag.length; i++) {
            long e = mag[i] - round(mag[i], v);
            if (neg[i]) {
                e = -e;
            }
            s += e;
            sq += e * e;
        }
        return BigInteger.valueOf(p).multiply(BigInteger.valueOf(s).pow(2)).add(BigInteger.valueOf(q).multiply(BigInteger.valueOf(sq)));
    }
}
