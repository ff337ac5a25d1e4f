package org.swis.reference.swis;

import java.util.Arrays;
import org.swis.reference.SwisInputException;
import org.swis.reference.tensor.QuantizedTensor;

/**
 * Decomposes a whole tensor: splits every filter into groups ({@link GroupLayout}) and runs the
 * exhaustive search of {@link GroupDecomposer} on each group with its filter's shift count.
 */
public final class Decomposer {
    private Decomposer() {
    }

    /** Every filter with the same shift count N. */
    public static DecomposedTensor decompose(QuantizedTensor t, DecompositionConfig config, int n) {
        SwisInputException.requireRange("N", n, 1, SupportVector.POSITIONS);
        int[] counts = new int[t.filters()];
        Arrays.fill(counts, n);
        return decompose(t, config, counts);
    }

    /** Filter f with {@code shiftsPerFilter[f]} shifts (e.g. from the filter scheduler). */
    public static DecomposedTensor decompose(QuantizedTensor t, DecompositionConfig config, int[] shiftsPerFilter) {
        if (t == null) {
            throw new SwisInputException("tensor", null, "a quantized tensor");
        }
        if (config == null) {
            throw new SwisInputException("config", null, "a DecompositionConfig");
        }
        if (shiftsPerFilter == null || shiftsPerFilter.length != t.filters()) {
            throw new SwisInputException("shiftsPerFilter.length",
                    shiftsPerFilter == null ? null : shiftsPerFilter.length, "one count per filter (" + t.filters() + ")");
        }
        for (int f = 0; f < shiftsPerFilter.length; f++) {
            SwisInputException.requireRange("shiftsPerFilter[" + f + "]", shiftsPerFilter[f], 1, SupportVector.POSITIONS);
        }
        GroupLayout layout = layoutOf(t, config.m());
        int gpf = layout.groupsPerFilter();
        GroupCode[] codes = new GroupCode[t.filters() * gpf];
        long[] cost = new long[codes.length];
        int[] mag = new int[config.m()];
        boolean[] neg = new boolean[config.m()];
        for (int f = 0; f < t.filters(); f++) {
            for (int g = 0; g < gpf; g++) {
                gather(t, layout, f, g, mag, neg);
                GroupDecomposer.Choice c = GroupDecomposer.decompose(mag, neg, shiftsPerFilter[f], config.scheme(), config.alpha());
                codes[f * gpf + g] = c.code();
                cost[f * gpf + g] = c.cost();
            }
        }
        return new DecomposedTensor(t, config, layout, shiftsPerFilter, codes, cost);
    }

    /** The group layout of a tensor for group size M. */
    public static GroupLayout layoutOf(QuantizedTensor t, int m) {
        return new GroupLayout(m, t.channels(), t.taps());
    }

    /** Copies group g of filter f into {@code mag}/{@code neg}; padded slots get magnitude 0, sign +. */
    public static void gather(QuantizedTensor t, GroupLayout layout, int f, int g, int[] mag, boolean[] neg) {
        int base = f * layout.filterSize();
        for (int i = 0; i < layout.m(); i++) {
            int e = layout.element(g, i);
            mag[i] = e == GroupLayout.PAD ? 0 : t.magnitude(base + e);
            neg[i] = e != GroupLayout.PAD && t.negative(base + e);
        }
    }

    /**
     * The scaled MSE++ cost of every filter at every shift count: {@code cost[f][n]} for n = 1..8
     * (index 0 unused), the sum over the filter's groups of the optimal group cost at n shifts.
     * This is what the filter scheduler minimises (paper §4.3).
     */
    public static long[][] filterCostTable(QuantizedTensor t, DecompositionConfig config) {
        long[][] table = new long[t.filters()][SupportVector.POSITIONS + 1];
        for (int n = 1; n <= SupportVector.POSITIONS; n++) {
            DecomposedTensor d = decompose(t, config, n);
            for (int f = 0; f < t.filters(); f++) {
                table[f][n] = d.filterCost(f);
            }
        }
        return table;
    }
}
