package org.swis.reference.encode;

import org.swis.reference.SwisInputException;
import org.swis.reference.swis.DecomposedTensor;
import org.swis.reference.swis.GroupCode;
import org.swis.reference.swis.Scheme;
import org.swis.reference.swis.SupportVector;

/**
 * The packed SWIS group stream (paper §3.3; SPEC §4). Groups follow each other in filter-major
 * order with no padding between them; each group is
 * <ol>
 *   <li>SWIS: its N shifts, ascending, 3 bits each; SWIS-C: its window offset, 3 bits;</li>
 *   <li>M sign bits, weight 0 first;</li>
 *   <li>M * N mask bits, shift-major: for j = 0..N-1, for i = 0..M-1, m_i[j] (the M bits one PE
 *       cycle consumes are adjacent).</li>
 * </ol>
 * A group costs M + 3N + MN bits (SWIS) or M + 3 + MN bits (SWIS-C), so a full group stores
 * 1 + N + 3N/M (SWIS) or 1 + N + 3/M (SWIS-C) bits per weight (SPEC §4.1, from the per-group counts of paper §3.3).
 */
public final class GroupStreamCodec {
    /** Width of a shift or offset field. */
    public static final int SHIFT_BITS = 3;

    private GroupStreamCodec() {
    }

    /** Bits of one group. */
    public static long bitsPerGroup(Scheme scheme, int m, int n) {
        int shiftBits = scheme == Scheme.SWIS_C ? SHIFT_BITS : SHIFT_BITS * n;
        return (long) shiftBits + m + (long) m * n;
    }

    public static EncodedTensor encode(DecomposedTensor d) {
        Scheme scheme = d.config().scheme();
        int m = d.config().m();
        BitWriter w = new BitWriter();
        for (int f = 0; f < d.filters(); f++) {
            for (int g = 0; g < d.groupsPerFilter(); g++) {
                writeGroup(w, d.code(f, g), scheme);
            }
        }
        return new EncodedTensor(scheme, m, d.filters(), d.groupsPerFilter(), d.shiftsPerFilter(),
                d.source().size(), w.length(), w.toByteArray());
    }

    private static void writeGroup(BitWriter w, GroupCode c, Scheme scheme) {
        int[] masks = new int[c.m()];
        for (int i = 0; i < masks.length; i++) {
            masks[i] = c.mask(i);
        }
        writeGroup(w, scheme, c.support().bits(), c.signBits(), masks, c.m());
    }

    /**
     * Appends one group in the layout above, from primitive fields (for encoders that hold codes in
     * flat arrays rather than {@link GroupCode} objects).
     *
     * @param supportBits the support vector's positions as an 8-bit set (N = its bit count)
     * @param signBits    bit i set when weight i is negative
     * @param masks       per weight its N-bit mask code (bit j for shift j); only {@code masks[0..m-1]} are read
     * @param m           group size M
     */
    public static void writeGroup(BitSink w, Scheme scheme, int supportBits, int signBits, int[] masks, int m) {
        int n = Integer.bitCount(supportBits);
        if (scheme == Scheme.SWIS_C) {
            int offset = Integer.numberOfTrailingZeros(supportBits);
            if (supportBits >>> offset != (1 << n) - 1) {
                throw new SwisInputException("support", SupportVector.ofBits(supportBits), "a consecutive window for SWIS-C");
            }
            w.write(offset, SHIFT_BITS);
        } else {
            for (int p = 0; p < SupportVector.POSITIONS; p++) {
                if ((supportBits >> p & 1) != 0) {
                    w.write(p, SHIFT_BITS);
                }
            }
        }
        w.write(signBits, m);
        for (int j = 0; j < n; j++) {
            int column = 0;
            for (int i = 0; i < m; i++) {
                column |= (masks[i] >> j & 1) << i;
            }
            w.write(column, m);
        }
    }

    /** Decodes every group, filter-major. Fails with a named field on any inconsistency. */
    public static GroupCode[] decode(EncodedTensor e) {
        int[] counts = e.shiftsPerFilter();
        if (counts.length != e.filters()) {
            throw new SwisInputException("shiftsPerFilter.length", counts.length, "filters = " + e.filters());
        }
        long expected = 0;
        for (int n : counts) {
            SwisInputException.requireRange("shiftsPerFilter", n, 1, SupportVector.POSITIONS);
            expected += bitsPerGroup(e.scheme(), e.m(), n) * e.groupsPerFilter();
        }
        if (expected != e.bitLength()) {
            throw new SwisInputException("bitLength", e.bitLength(), expected + " bits for this header");
        }
        BitReader r = new BitReader(e.stream(), e.bitLength());
        GroupCode[] out = new GroupCode[e.filters() * e.groupsPerFilter()];
        int k = 0;
        for (int f = 0; f < e.filters(); f++) {
            int n = counts[f];
            for (int g = 0; g < e.groupsPerFilter(); g++) {
                out[k++] = readGroup(r, e.scheme(), e.m(), n);
            }
        }
        return out;
    }

    private static GroupCode readGroup(BitReader r, Scheme scheme, int m, int n) {
        SupportVector s;
        if (scheme == Scheme.SWIS_C) {
            int offset = r.read(SHIFT_BITS);
            if (offset + n > SupportVector.POSITIONS) {
                throw new SwisInputException("offset", offset, "0.." + (SupportVector.POSITIONS - n) + " for N = " + n);
            }
            s = SupportVector.window(offset, n);
        } else {
            int[] shifts = new int[n];
            for (int j = 0; j < n; j++) {
                shifts[j] = r.read(SHIFT_BITS);
                if (j > 0 && shifts[j] <= shifts[j - 1]) {
                    throw new SwisInputException("shifts", java.util.Arrays.toString(shifts), "strictly ascending shifts");
                }
            }
            s = SupportVector.of(shifts);
        }
        int signs = 0;
        for (int i = 0; i < m; i++) {
            if (r.readBit()) {
                signs |= 1 << i;
            }
        }
        int[] masks = new int[m];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                if (r.readBit()) {
                    masks[i] |= 1 << j;
                }
            }
        }
        return new GroupCode(s, signs, masks);
    }
}
