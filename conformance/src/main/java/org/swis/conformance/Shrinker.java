package org.swis.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.swis.reference.swis.GroupCode;
import org.swis.reference.swis.GroupLayout;

/**
 * Greedy, bounded shrinking of a failing case: first structural cuts (one row or filter, one batch
 * vector, one tap, a range of groups along the grouped dimension, one thread), each kept only while
 * the case still fails, then zeroing single groups, slots, activations and signs. The number of
 * candidate evaluations is capped, so shrinking always ends after at most {@link #MAX_STEPS} kernel
 * runs whatever the kernel does.
 */
public final class Shrinker {
    /** Cap on candidate evaluations (each one kernel run on a case no larger than the original). */
    public static final int MAX_STEPS = 600;

    /** The smallest failing case found and the candidate evaluations it took. */
    public record Result<C extends ConformanceCase>(C smallest, int steps) {
    }

    private Shrinker() {
    }

    /** Shrinks a failing case; {@code fails} must hold for {@code start}. */
    @SuppressWarnings("unchecked")
    public static <C extends ConformanceCase> Result<C> shrink(C start, Predicate<C> fails) {
        int[] steps = {0};
        C c = start;
        boolean changed = true;
        while (changed && steps[0] < MAX_STEPS) {
            changed = false;
            C cut = firstFailing(c instanceof MatrixCase mc ? (List<Supplier<C>>) (List<?>) cuts(mc)
                    : (List<Supplier<C>>) (List<?>) cuts((DecomposeCase) c), fails, steps);
            if (cut != null) {
                c = cut;
                changed = true;
                continue;
            }
            // Zeroing: one pass, keeping every success and moving on (no restart per success).
            int n = c instanceof MatrixCase mc ? zeroMoves(mc) : zeroMoves((DecomposeCase) c);
            for (int i = 0; i < n && steps[0] < MAX_STEPS; i++) {
                C z = (C) (c instanceof MatrixCase mc ? zero(mc, i) : zero((DecomposeCase) c, i));
                if (z == null) {
                    continue;
                }
                steps[0]++;
                if (fails.test(z)) {
                    c = z;
                    changed = true;
                }
            }
        }
        return new Result<>(c, steps[0]);
    }

    private static <C> C firstFailing(List<Supplier<C>> candidates, Predicate<C> fails, int[] steps) {
        for (Supplier<C> s : candidates) {
            if (steps[0] >= MAX_STEPS) {
                return null;
            }
            C cand = s.get();
            steps[0]++;
            if (fails.test(cand)) {
                return cand;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- matrix cases

    private static List<Supplier<MatrixCase>> cuts(MatrixCase c) {
        List<Supplier<MatrixCase>> out = new ArrayList<>();
        for (int r = 0; c.rows() > 1 && r < c.rows(); r++) {
            int row = r;
            out.add(() -> keepRow(c, row));
        }
        for (int b = 0; c.batch() > 1 && b < c.batch(); b++) {
            int v = b;
            out.add(() -> keepVector(c, v));
        }
        GroupLayout l = c.layout();
        if (c.taps() > 1 && !l.alongTaps()) {
            for (int t = 0; t < c.taps(); t++) {
                int tap = t;
                out.add(() -> keepTap(c, tap));
            }
        } else if (l.groupsPerFilter() > 1) {
            int n = l.groupsPerFilter();
            for (int j = 0; j < n; j++) {
                int g = j;
                out.add(() -> keepGroups(c, g, g + 1));
            }
            out.add(() -> keepGroups(c, 0, n / 2));
            out.add(() -> keepGroups(c, n / 2, n));
            out.add(() -> keepGroups(c, 0, n - 1));
            out.add(() -> keepGroups(c, 1, n));
        }
        return out;
    }

    private static MatrixCase keepRow(MatrixCase c, int r) {
        int gpf = c.layout().groupsPerFilter();
        return new MatrixCase(c.scheme(), c.m(), c.channels(), c.taps(), new int[] {c.shifts()[r]},
                Arrays.copyOfRange(c.codes(), r * gpf, (r + 1) * gpf), c.batch(), c.x());
    }

    private static MatrixCase keepVector(MatrixCase c, int b) {
        int k = c.columns();
        return new MatrixCase(c.scheme(), c.m(), c.channels(), c.taps(), c.shifts(), c.codes(), 1,
                Arrays.copyOfRange(c.x(), b * k, (b + 1) * k));
    }

    private static MatrixCase keepTap(MatrixCase c, int t) {
        int gpf = c.layout().groupsPerFilter();
        int perTap = gpf / c.taps();
        GroupCode[] codes = new GroupCode[c.rows() * perTap];
        for (int r = 0; r < c.rows(); r++) {
            System.arraycopy(c.codes(), r * gpf + t * perTap, codes, r * perTap, perTap);
        }
        byte[] x = new byte[c.channels() * c.batch()];
        for (int b = 0; b < c.batch(); b++) {
            System.arraycopy(c.x(), b * c.columns() + t * c.channels(), x, b * c.channels(), c.channels());
        }
        return new MatrixCase(c.scheme(), c.m(), c.channels(), 1, c.shifts(), codes, c.batch(), x);
    }

    /**
     * Groups {@code a..b-1} along the grouped dimension (channels at one tap, or taps of a
     * single-channel filter), which then starts at column 0.
     */
    private static MatrixCase keepGroups(MatrixCase c, int a, int b) {
        if (b <= a) {
            return c;
        }
        int gpf = c.layout().groupsPerFilter();
        int dim = c.columns();
        int from = a * c.m();
        int len = Math.min(dim, b * c.m()) - from;
        GroupCode[] codes = new GroupCode[c.rows() * (b - a)];
        for (int r = 0; r < c.rows(); r++) {
            System.arraycopy(c.codes(), r * gpf + a, codes, r * (b - a), b - a);
        }
        byte[] x = new byte[len * c.batch()];
        for (int v = 0; v < c.batch(); v++) {
            System.arraycopy(c.x(), v * dim + from, x, v * len, len);
        }
        boolean alongTaps = c.layout().alongTaps();
        return new MatrixCase(c.scheme(), c.m(), alongTaps ? 1 : len, alongTaps ? len : 1, c.shifts(), codes, c.batch(), x);
    }

    /** Moves: zero group g, then zero slot (g, i), then zero activation j. */
    private static int zeroMoves(MatrixCase c) {
        return c.groups() + c.groups() * c.m() + c.x().length;
    }

    private static MatrixCase zero(MatrixCase c, int move) {
        GroupCode[] codes = c.codes().clone();
        if (move < c.groups()) {
            GroupCode g = codes[move];
            if (isZero(g)) {
                return null;
            }
            codes[move] = new GroupCode(g.support(), 0, new int[c.m()]);
            return new MatrixCase(c.scheme(), c.m(), c.channels(), c.taps(), c.shifts(), codes, c.batch(), c.x());
        }
        move -= c.groups();
        if (move < c.groups() * c.m()) {
            GroupCode g = codes[move / c.m()];
            int i = move % c.m();
            if (g.mask(i) == 0 && !g.negative(i)) {
                return null;
            }
            int[] masks = new int[c.m()];
            for (int s = 0; s < masks.length; s++) {
                masks[s] = s == i ? 0 : g.mask(s);
            }
            codes[move / c.m()] = new GroupCode(g.support(), g.signBits() & ~(1 << i), masks);
            return new MatrixCase(c.scheme(), c.m(), c.channels(), c.taps(), c.shifts(), codes, c.batch(), c.x());
        }
        move -= c.groups() * c.m();
        if (c.x()[move] == 0) {
            return null;
        }
        byte[] x = c.x().clone();
        x[move] = 0;
        return new MatrixCase(c.scheme(), c.m(), c.channels(), c.taps(), c.shifts(), c.codes(), c.batch(), x);
    }

    private static boolean isZero(GroupCode g) {
        for (int i = 0; i < g.m(); i++) {
            if (g.mask(i) != 0 || g.negative(i)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- decomposition cases

    private static List<Supplier<DecomposeCase>> cuts(DecomposeCase c) {
        List<Supplier<DecomposeCase>> out = new ArrayList<>();
        for (int f = 0; c.filters() > 1 && f < c.filters(); f++) {
            int filter = f;
            out.add(() -> keepFilter(c, filter));
        }
        if (c.threads() > 1) {
            out.add(() -> new DecomposeCase(c.scheme(), c.m(), c.alpha(), c.shifts(), 1, c.filters(), c.channels(),
                    c.taps(), c.magnitudes(), c.negative()));
        }
        GroupLayout l = c.layout();
        if (c.taps() > 1 && !l.alongTaps()) {
            for (int t = 0; t < c.taps(); t++) {
                int tap = t;
                out.add(() -> keepElements(c, tap * c.channels(), c.channels(), c.channels(), 1));
            }
        } else if (l.groupsPerFilter() > 1) {
            int dim = l.filterSize();
            for (int j = 0; j < l.groupsPerFilter(); j++) {
                int from = j * c.m();
                int len = Math.min(dim, from + c.m()) - from;
                out.add(() -> l.alongTaps() ? keepElements(c, from, len, 1, len) : keepElements(c, from, len, len, 1));
            }
        }
        return out;
    }

    private static DecomposeCase keepFilter(DecomposeCase c, int f) {
        int size = c.channels() * c.taps();
        return new DecomposeCase(c.scheme(), c.m(), c.alpha(), new int[] {c.shifts()[f]}, c.threads(), 1, c.channels(),
                c.taps(), Arrays.copyOfRange(c.magnitudes(), f * size, (f + 1) * size),
                Arrays.copyOfRange(c.negative(), f * size, (f + 1) * size));
    }

    /** Elements {@code from..from+len-1} of every filter, as a filter of the given channels and taps. */
    private static DecomposeCase keepElements(DecomposeCase c, int from, int len, int channels, int taps) {
        int size = c.channels() * c.taps();
        int[] mags = new int[c.filters() * len];
        boolean[] neg = new boolean[c.filters() * len];
        for (int f = 0; f < c.filters(); f++) {
            System.arraycopy(c.magnitudes(), f * size + from, mags, f * len, len);
            System.arraycopy(c.negative(), f * size + from, neg, f * len, len);
        }
        return new DecomposeCase(c.scheme(), c.m(), c.alpha(), c.shifts(), c.threads(), c.filters(), channels, taps, mags, neg);
    }

    /** Moves: zero magnitude i, then clear sign i. */
    private static int zeroMoves(DecomposeCase c) {
        return 2 * c.magnitudes().length;
    }

    private static DecomposeCase zero(DecomposeCase c, int move) {
        int n = c.magnitudes().length;
        int[] mags = c.magnitudes();
        boolean[] neg = c.negative();
        if (move < n) {
            if (mags[move] == 0) {
                return null;
            }
            mags = mags.clone();
            mags[move] = 0;
        } else {
            if (!neg[move - n]) {
                return null;
            }
            neg = neg.clone();
            neg[move - n] = false;
        }
        return new DecomposeCase(c.scheme(), c.m(), c.alpha(), c.shifts(), c.threads(), c.filters(), c.channels(),
                c.taps(), mags, neg);
    }
}
