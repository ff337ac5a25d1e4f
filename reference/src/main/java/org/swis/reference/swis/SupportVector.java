package org.swis.reference.swis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.swis.reference.SwisInputException;

/**
 * A support vector: the N distinct bit positions s_0 &lt; ... &lt; s_{N-1} in 0..7 shared by a group
 * (paper Eq. 5). A weight of the group is {@code Sign * sum_j 2^{s_j} * m[j]} (Eq. 6), where its
 * N-bit mask code has bit j set when it uses position s_j.
 *
 * <p>Because positions are ascending, the represented value is strictly increasing in the mask code
 * read as a binary number; rounding ties toward the smaller value therefore also prefer the smaller code.
 */
public final class SupportVector implements Comparable<SupportVector> {
    /** Bit positions available to a shift: 0..7 (3-bit shift field). */
    public static final int POSITIONS = 8;

    /** Candidate lists, built once per (scheme, N): index [scheme ordinal][N]. */
    private static final List<List<SupportVector>> CANDIDATES = buildCandidates();

    private final int bits;
    private final int[] shifts;
    /** nearestCode for every magnitude 0..255, filled from {@link #scanNearest} on first use. */
    private volatile int[] nearestTable;

    private SupportVector(int bits) {
        this.bits = bits;
        int n = Integer.bitCount(bits);
        this.shifts = new int[n];
        int k = 0;
        for (int p = 0; p < POSITIONS; p++) {
            if ((bits >> p & 1) != 0) {
                shifts[k++] = p;
            }
        }
    }

    /** The support vector with the given positions (any order; must be distinct, in 0..7, at least one). */
    public static SupportVector of(int... positions) {
        if (positions == null || positions.length == 0) {
            throw new SwisInputException("shifts", "[]", "1..8 distinct positions in 0..7");
        }
        int bits = 0;
        for (int p : positions) {
            SwisInputException.requireRange("shift", p, 0, POSITIONS - 1);
            if ((bits >> p & 1) != 0) {
                throw new SwisInputException("shift", p, "distinct positions");
            }
            bits |= 1 << p;
        }
        return new SupportVector(bits);
    }

    /** The support vector whose positions are the set bits of {@code bits} (1..255). */
    public static SupportVector ofBits(int bits) {
        SwisInputException.requireRange("supportBits", bits, 1, 255);
        return new SupportVector(bits);
    }

    /** The SWIS-C window {offset, ..., offset + n - 1}. */
    public static SupportVector window(int offset, int n) {
        SwisInputException.requireRange("N", n, 1, POSITIONS);
        SwisInputException.requireRange("offset", offset, 0, POSITIONS - n);
        return new SupportVector(((1 << n) - 1) << offset);
    }

    /**
     * All candidates of a scheme for N shifts, in the search order that breaks cost ties: SWIS, the
     * C(8, N) subsets in lexicographic order of their ascending position lists; SWIS-C, the 9 - N
     * windows by increasing offset.
     */
    public static List<SupportVector> candidates(Scheme scheme, int n) {
        SwisInputException.requireRange("N", n, 1, POSITIONS);
        if (scheme == null) {
            throw new SwisInputException("scheme", null, "swis or swis-c");
        }
        return CANDIDATES.get(scheme.ordinal() * (POSITIONS + 1) + n);
    }

    private static List<List<SupportVector>> buildCandidates() {
        List<List<SupportVector>> all = new ArrayList<>();
        for (Scheme scheme : Scheme.values()) {
            all.add(List.of());
            for (int n = 1; n <= POSITIONS; n++) {
                all.add(enumerate(scheme, n));
            }
        }
        return Collections.unmodifiableList(all);
    }

    private static List<SupportVector> enumerate(Scheme scheme, int n) {
        List<SupportVector> out = new ArrayList<>();
        if (scheme == Scheme.SWIS_C) {
            for (int o = 0; o + n <= POSITIONS; o++) {
                out.add(window(o, n));
            }
            return Collections.unmodifiableList(out);
        }
        for (int b = 1; b < 1 << POSITIONS; b++) {
            if (Integer.bitCount(b) == n) {
                out.add(new SupportVector(b));
            }
        }
        Collections.sort(out);
        return Collections.unmodifiableList(out);
    }

    /** Number of shifts N. */
    public int n() {
        return shifts.length;
    }

    /** Shift s_j, j in 0..N-1, ascending. */
    public int shift(int j) {
        return shifts[j];
    }

    /** Copy of the ascending shifts. */
    public int[] shifts() {
        return shifts.clone();
    }

    /** The positions as an 8-bit set. */
    public int bits() {
        return bits;
    }

    /** The lowest position; for a SWIS-C window, its offset. */
    public int offset() {
        return shifts[0];
    }

    /** True when the positions are consecutive (a SWIS-C window). */
    public boolean consecutive() {
        return shifts[shifts.length - 1] - shifts[0] == shifts.length - 1;
    }

    /** The magnitude a mask code represents: {@code sum_j bit_j(code) * 2^{s_j}} (Eq. 6). */
    public int value(int code) {
        int v = 0;
        for (int j = 0; j < shifts.length; j++) {
            if ((code >> j & 1) != 0) {
                v += 1 << shifts[j];
            }
        }
        return v;
    }

    /**
     * The mask code of the representable magnitude nearest to {@code magnitude} (0..255); of two
     * equally near values, the smaller (SPEC §3.2). Answers from a 256-entry table filled once by
     * {@link #scanNearest}.
     */
    public int nearestCode(int magnitude) {
        SwisInputException.requireRange("magnitude", magnitude, 0, 255);
        int[] table = nearestTable;
        if (table == null) {
            table = new int[256];
            for (int u = 0; u < 256; u++) {
                table[u] = scanNearest(u);
            }
            nearestTable = table;
        }
        return table[magnitude];
    }

    /** The rule itself: scan all 2^N codes, keep the first (smallest) of least distance. */
    private int scanNearest(int magnitude) {
        int best = 0;
        int bestDist = Math.abs(magnitude);
        for (int code = 1; code < 1 << shifts.length; code++) {
            int d = Math.abs(magnitude - value(code));
            if (d < bestDist) {
                best = code;
                bestDist = d;
            }
        }
        return best;
    }

    /** True when {@code magnitude} is exactly representable. */
    public boolean represents(int magnitude) {
        return value(nearestCode(magnitude)) == magnitude;
    }

    /** Lexicographic order of the ascending position lists (shorter prefix first). */
    @Override
    public int compareTo(SupportVector o) {
        int n = Math.min(shifts.length, o.shifts.length);
        for (int j = 0; j < n; j++) {
            if (shifts[j] != o.shifts[j]) {
                return Integer.compare(shifts[j], o.shifts[j]);
            }
        }
        return Integer.compare(shifts.length, o.shifts.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SupportVector s && s.bits == bits;
    }

    @Override
    public int hashCode() {
        return bits;
    }

    @Override
    public String toString() {
        return java.util.Arrays.toString(shifts);
    }
}
