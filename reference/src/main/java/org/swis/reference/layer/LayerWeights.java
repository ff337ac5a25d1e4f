package org.swis.reference.layer;

import java.util.Arrays;
import org.swis.reference.SwisInputException;
import org.swis.reference.baseline.WeightTruncation;
import org.swis.reference.encode.EncodedTensor;
import org.swis.reference.encode.GroupStreamCodec;
import org.swis.reference.swis.DecomposedTensor;
import org.swis.reference.swis.GroupCode;
import org.swis.reference.swis.GroupLayout;
import org.swis.reference.swis.SupportVector;
import org.swis.reference.tensor.QuantizedTensor;

/**
 * The weights of a layer as the PE consumes them: one {@link GroupCode} per group, filter-major
 * ({@code filter * groupsPerFilter + group}), grouped by {@link GroupLayout}, with each filter's shift
 * count. Built from a SWIS / SWIS-C decomposition (uniform or per-filter N), from a packed stream, or
 * from an integer baseline expressed as group codes: weight truncation (every group uses the layer's
 * window [lo, lo + N - 1]) and plain 8-bit weights (all 8 positions). Shape is canonical
 * {@code [filter][kh][kw][channel]}. Immutable.
 */
public final class LayerWeights {
    /** Where the group codes come from. */
    public enum Kind {
        SWIS("swis"), SWIS_C("swis-c"), WEIGHT_TRUNCATION("weight-trunc"), FULL8("full8");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Kind parse(String text) {
            for (Kind k : values()) {
                if (k.id.equals(text)) {
                    return k;
                }
            }
            throw new SwisInputException("weights_kind", text, "swis, swis-c, weight-trunc or full8");
        }
    }

    private final Kind kind;
    private final int filters;
    private final int channels;
    private final int kh;
    private final int kw;
    private final GroupLayout layout;
    private final int[] shiftsPerFilter;
    private final GroupCode[] codes;

    private LayerWeights(Kind kind, int filters, int channels, int kh, int kw, GroupLayout layout,
                         int[] shiftsPerFilter, GroupCode[] codes) {
        if (codes.length != filters * layout.groupsPerFilter()) {
            throw new SwisInputException("codes.length", codes.length,
                    "filters x groupsPerFilter = " + filters * layout.groupsPerFilter());
        }
        for (int k = 0; k < codes.length; k++) {
            int f = k / layout.groupsPerFilter();
            if (codes[k].m() != layout.m() || codes[k].n() != shiftsPerFilter[f]) {
                throw new SwisInputException("codes[" + k + "]", codes[k],
                        "M = " + layout.m() + " and N = " + shiftsPerFilter[f]);
            }
        }
        this.kind = kind;
        this.filters = filters;
        this.channels = channels;
        this.kh = kh;
        this.kw = kw;
        this.layout = layout;
        this.shiftsPerFilter = shiftsPerFilter.clone();
        this.codes = codes.clone();
    }

    /** A SWIS or SWIS-C decomposition (uniform N or per-filter N from the scheduler). */
    public static LayerWeights of(DecomposedTensor d) {
        QuantizedTensor t = d.source();
        GroupCode[] codes = new GroupCode[d.groupCount()];
        for (int k = 0; k < codes.length; k++) {
            codes[k] = d.code(k);
        }
        Kind kind = d.config().scheme() == org.swis.reference.swis.Scheme.SWIS_C ? Kind.SWIS_C : Kind.SWIS;
        return new LayerWeights(kind, t.filters(), t.channels(), t.kh(), t.kw(), d.layout(),
                d.shiftsPerFilter(), codes);
    }

    /**
     * A SWIS or SWIS-C decomposition given as one code per group (filter-major), e.g. the codes of a
     * fast decomposer that the conformance kit holds equal to {@link org.swis.reference.swis.Decomposer}.
     * Every code is checked against its filter's N and the group size.
     */
    public static LayerWeights of(org.swis.reference.swis.Scheme scheme, QuantizedTensor t, GroupLayout layout,
                                  int[] shiftsPerFilter, GroupCode[] codes) {
        if (layout.groupsPerFilter() != new GroupLayout(layout.m(), t.channels(), t.taps()).groupsPerFilter()) {
            throw new SwisInputException("layout", layout, "the group layout of " + t.name());
        }
        return new LayerWeights(scheme == org.swis.reference.swis.Scheme.SWIS_C ? Kind.SWIS_C : Kind.SWIS,
                t.filters(), t.channels(), t.kh(), t.kw(), layout, shiftsPerFilter, codes);
    }

    /** Decodes a packed stream ({@link GroupStreamCodec}) for a layer of the given canonical shape. */
    public static LayerWeights decode(EncodedTensor e, int channels, int kh, int kw) {
        GroupLayout layout = new GroupLayout(e.m(), channels, kh * kw);
        if (layout.groupsPerFilter() != e.groupsPerFilter()) {
            throw new SwisInputException("groupsPerFilter", e.groupsPerFilter(),
                    layout.groupsPerFilter() + " for channels = " + channels + ", taps = " + kh * kw);
        }
        Kind kind = e.scheme() == org.swis.reference.swis.Scheme.SWIS_C ? Kind.SWIS_C : Kind.SWIS;
        return new LayerWeights(kind, e.filters(), channels, kh, kw, layout, e.shiftsPerFilter(),
                GroupStreamCodec.decode(e));
    }

    /**
     * Layer-wise weight truncation (paper §5.1.1) as group codes: every group uses the window
     * {lo..lo+N-1} and weight i's mask is its truncated magnitude shifted down by lo.
     */
    public static LayerWeights weightTruncation(QuantizedTensor t, int m, WeightTruncation.Result r) {
        SupportVector window = SupportVector.window(r.lo(), r.n());
        QuantizedTensor tr = r.truncated();
        return fromMagnitudes(Kind.WEIGHT_TRUNCATION, tr, m, r.n(), window, r.lo());
    }

    /** Plain 8-bit sign-magnitude weights: all 8 positions, mask = magnitude (used by the Act-trunc baseline). */
    public static LayerWeights full8(QuantizedTensor t, int m) {
        return fromMagnitudes(Kind.FULL8, t, m, 8, SupportVector.window(0, 8), 0);
    }

    private static LayerWeights fromMagnitudes(Kind kind, QuantizedTensor t, int m, int n, SupportVector s, int lo) {
        GroupLayout layout = new GroupLayout(m, t.channels(), t.taps());
        int gpf = layout.groupsPerFilter();
        GroupCode[] codes = new GroupCode[t.filters() * gpf];
        for (int f = 0; f < t.filters(); f++) {
            for (int g = 0; g < gpf; g++) {
                int signs = 0;
                int[] masks = new int[m];
                for (int i = 0; i < m; i++) {
                    int e = layout.element(g, i);
                    if (e == GroupLayout.PAD) {
                        continue;
                    }
                    int idx = f * layout.filterSize() + e;
                    if (t.negative(idx)) {
                        signs |= 1 << i;
                    }
                    int mag = t.magnitude(idx);
                    if ((mag >> lo) << lo != mag || (mag >> lo) >= 1 << n) {
                        throw new SwisInputException(t.name() + ".magnitude[" + idx + "]", mag,
                                "a magnitude inside the window [" + lo + ", " + (lo + n - 1) + "]");
                    }
                    masks[i] = mag >> lo;
                }
                codes[f * gpf + g] = new GroupCode(s, signs, masks);
            }
        }
        int[] counts = new int[t.filters()];
        Arrays.fill(counts, n);
        return new LayerWeights(kind, t.filters(), t.channels(), t.kh(), t.kw(), layout, counts, codes);
    }

    public Kind kind() {
        return kind;
    }

    public int filters() {
        return filters;
    }

    /** Input channels per filter (C_in / conv groups; 1 for depthwise). */
    public int channels() {
        return channels;
    }

    public int kh() {
        return kh;
    }

    public int kw() {
        return kw;
    }

    public int m() {
        return layout.m();
    }

    public GroupLayout layout() {
        return layout;
    }

    public int groupsPerFilter() {
        return layout.groupsPerFilter();
    }

    public int shifts(int filter) {
        return shiftsPerFilter[filter];
    }

    public int[] shiftsPerFilter() {
        return shiftsPerFilter.clone();
    }

    public GroupCode code(int filter, int group) {
        return codes[filter * layout.groupsPerFilter() + group];
    }

    /** The decoded signed integer weights, canonical order {@code [filter][kh][kw][channel]}. */
    public int[] decoded() {
        int per = layout.filterSize();
        int[] out = new int[filters * per];
        for (int f = 0; f < filters; f++) {
            for (int g = 0; g < layout.groupsPerFilter(); g++) {
                GroupCode c = code(f, g);
                for (int i = 0; i < layout.m(); i++) {
                    int e = layout.element(g, i);
                    if (e != GroupLayout.PAD) {
                        out[f * per + e] = c.weight(i);
                    }
                }
            }
        }
        return out;
    }
}
