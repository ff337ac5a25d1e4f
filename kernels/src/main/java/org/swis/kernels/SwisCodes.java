package org.swis.kernels;

import java.util.Arrays;
import org.swis.reference.SwisInputException;
import org.swis.reference.swis.DecomposedTensor;
import org.swis.reference.swis.GroupCode;
import org.swis.reference.swis.GroupLayout;
import org.swis.reference.swis.Scheme;
import org.swis.reference.swis.SupportVector;

/**
 * The decomposition of a whole tensor in flat arrays, one entry per group in filter-major order
 * (the order of {@link DecomposedTensor}): the support vector as an 8-bit position set, the M sign
 * bits and the M mask codes (paper Eq. 6). Carries the same information as one
 * {@link GroupCode} per group without one object per group. Immutable once built.
 */
public final class SwisCodes {
    private final Scheme scheme;
    private final GroupLayout layout;
    private final int filters;
    private final int[] shiftsPerFilter;
    private final byte[] support;
    private final int[] signs;
    private final byte[] masks;

    /** Takes ownership of the arrays; kernels fill them and never touch them again. */
    SwisCodes(Scheme scheme, GroupLayout layout, int filters, int[] shiftsPerFilter,
              byte[] support, int[] signs, byte[] masks) {
        this.scheme = scheme;
        this.layout = layout;
        this.filters = filters;
        this.shiftsPerFilter = shiftsPerFilter;
        this.support = support;
        this.signs = signs;
        this.masks = masks;
    }

    /** Empty arrays for a kernel to fill: {@code support}, {@code signs}, {@code masks}. */
    public static Builder builder(Scheme scheme, GroupLayout layout, int filters, int[] shiftsPerFilter) {
        return new Builder(scheme, layout, filters, shiftsPerFilter);
    }

    /** From the reference's decomposition. */
    public static SwisCodes of(DecomposedTensor d) {
        GroupCode[] codes = new GroupCode[d.groupCount()];
        for (int g = 0; g < codes.length; g++) {
            codes[g] = d.code(g);
        }
        return of(d.config().scheme(), d.layout(), d.filters(), d.shiftsPerFilter(), codes);
    }

    /** From one code per group, filter-major; validates every code against its filter's N and M. */
    public static SwisCodes of(Scheme scheme, GroupLayout layout, int filters, int[] shiftsPerFilter, GroupCode[] codes) {
        Builder b = builder(scheme, layout, filters, shiftsPerFilter);
        int gpf = layout.groupsPerFilter();
        if (codes.length != b.support.length) {
            throw new SwisInputException("codes.length", codes.length, String.valueOf(b.support.length));
        }
        for (int g = 0; g < codes.length; g++) {
            GroupCode c = codes[g];
            int n = shiftsPerFilter[g / gpf];
            if (c.n() != n || c.m() != layout.m()) {
                throw new SwisInputException("codes[" + g + "]", c, "N = " + n + ", M = " + layout.m());
            }
            if (scheme == Scheme.SWIS_C && !c.support().consecutive()) {
                throw new SwisInputException("codes[" + g + "].support", c.support(), "a consecutive window (SWIS-C)");
            }
            b.support[g] = (byte) c.support().bits();
            b.signs[g] = c.signBits();
            for (int i = 0; i < layout.m(); i++) {
                b.masks[g * layout.m() + i] = (byte) c.mask(i);
            }
        }
        return b.build();
    }

    /** Mutable arrays a kernel writes into, then {@link #build()}. */
    public static final class Builder {
        private final Scheme scheme;
        private final GroupLayout layout;
        private final int filters;
        private final int[] shiftsPerFilter;
        /** Per group: the support vector's positions as an 8-bit set. */
        public final byte[] support;
        /** Per group: bit i set when weight i is negative. */
        public final int[] signs;
        /** Per group and slot ({@code group * M + slot}): the N-bit mask code. */
        public final byte[] masks;

        Builder(Scheme scheme, GroupLayout layout, int filters, int[] shiftsPerFilter) {
            if (scheme == null || layout == null) {
                throw new SwisInputException("scheme/layout", scheme + "/" + layout, "both present");
            }
            if (shiftsPerFilter == null || shiftsPerFilter.length != filters) {
                throw new SwisInputException("shiftsPerFilter.length",
                        shiftsPerFilter == null ? null : shiftsPerFilter.length, "one count per filter (" + filters + ")");
            }
            for (int f = 0; f < filters; f++) {
                SwisInputException.requireRange("shiftsPerFilter[" + f + "]", shiftsPerFilter[f], 1, SupportVector.POSITIONS);
            }
            long groups = (long) filters * layout.groupsPerFilter();
            if (groups * layout.m() > Integer.MAX_VALUE - 8) {
                throw new SwisInputException("groups", groups, "at most 2^31 / M groups");
            }
            this.scheme = scheme;
            this.layout = layout;
            this.filters = filters;
            this.shiftsPerFilter = shiftsPerFilter.clone();
            this.support = new byte[(int) groups];
            this.signs = new int[(int) groups];
            this.masks = new byte[(int) groups * layout.m()];
        }

        public SwisCodes build() {
            return new SwisCodes(scheme, layout, filters, shiftsPerFilter, support, signs, masks);
        }
    }

    public Scheme scheme() {
        return scheme;
    }

    public GroupLayout layout() {
        return layout;
    }

    /** Group size M. */
    public int m() {
        return layout.m();
    }

    public int filters() {
        return filters;
    }

    public int groupsPerFilter() {
        return layout.groupsPerFilter();
    }

    public int groupCount() {
        return support.length;
    }

    /** Shift count N of a filter. */
    public int shifts(int filter) {
        return shiftsPerFilter[filter];
    }

    /** Largest N over filters. */
    public int maxShifts() {
        int max = 0;
        for (int n : shiftsPerFilter) {
            max = Math.max(max, n);
        }
        return max;
    }

    public int[] shiftsPerFilter() {
        return shiftsPerFilter.clone();
    }

    /** The 8-bit position set of a group's support vector. */
    public int supportBits(int group) {
        return support[group] & 0xFF;
    }

    public int signBits(int group) {
        return signs[group];
    }

    public int mask(int group, int slot) {
        return masks[group * layout.m() + slot] & 0xFF;
    }

    /** The reconstructed magnitude of a slot: the mask code's bits deposited on the support positions. */
    public int magnitude(int group, int slot) {
        return deposit(mask(group, slot), supportBits(group));
    }

    /** The reconstructed signed weight of a slot (Eq. 6). */
    public int weight(int group, int slot) {
        int mag = magnitude(group, slot);
        return (signs[group] >> slot & 1) != 0 ? -mag : mag;
    }

    /** {@code sum_j bit_j(code) * 2^{s_j}} for the ascending positions s_j of {@code supportBits}. */
    public static int deposit(int code, int supportBits) {
        int v = 0;
        int j = 0;
        for (int p = 0; p < SupportVector.POSITIONS; p++) {
            if ((supportBits >> p & 1) != 0) {
                if ((code >> j & 1) != 0) {
                    v |= 1 << p;
                }
                j++;
            }
        }
        return v;
    }

    /** The reference object of a group. */
    public GroupCode code(int group) {
        int[] m = new int[layout.m()];
        for (int i = 0; i < m.length; i++) {
            m[i] = mask(group, i);
        }
        return new GroupCode(SupportVector.ofBits(supportBits(group)), signs[group], m);
    }

    /** Index of the first group whose code differs from {@code d}, or -1 when every group is equal. */
    public int firstDifference(DecomposedTensor d) {
        if (d.groupCount() != groupCount()) {
            return 0;
        }
        for (int g = 0; g < groupCount(); g++) {
            if (!code(g).equals(d.code(g))) {
                return g;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SwisCodes c && c.scheme == scheme && c.filters == filters && c.layout.m() == layout.m()
                && c.layout.channels() == layout.channels() && c.layout.taps() == layout.taps()
                && Arrays.equals(c.shiftsPerFilter, shiftsPerFilter) && Arrays.equals(c.support, support)
                && Arrays.equals(c.signs, signs) && Arrays.equals(c.masks, masks);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(support) + Arrays.hashCode(masks);
    }

    @Override
    public String toString() {
        return "SwisCodes{" + scheme.id() + ", M=" + layout.m() + ", filters=" + filters + ", groups=" + groupCount() + "}";
    }
}
