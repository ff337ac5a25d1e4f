package org.swis.reference.swis;

import java.util.Arrays;
import org.swis.reference.tensor.QuantizedTensor;

/**
 * A whole tensor decomposed group by group: the source integers, the group layout, the shift count
 * of every filter (uniform, or from the filter scheduler) and one {@link GroupCode} per group, in
 * filter-major order ({@code filter * groupsPerFilter + group}). Immutable.
 */
public final class DecomposedTensor {
    private final QuantizedTensor source;
    private final DecompositionConfig config;
    private final GroupLayout layout;
    private final int[] shiftsPerFilter;
    private final GroupCode[] codes;
    private final long[] groupCost;

    DecomposedTensor(QuantizedTensor source, DecompositionConfig config, GroupLayout layout,
                     int[] shiftsPerFilter, GroupCode[] codes, long[] groupCost) {
        this.source = source;
        this.config = config;
        this.layout = layout;
        this.shiftsPerFilter = shiftsPerFilter.clone();
        this.codes = codes.clone();
        this.groupCost = groupCost.clone();
    }

    public QuantizedTensor source() {
        return source;
    }

    public DecompositionConfig config() {
        return config;
    }

    public GroupLayout layout() {
        return layout;
    }

    public int filters() {
        return source.filters();
    }

    public int groupsPerFilter() {
        return layout.groupsPerFilter();
    }

    /** Total number of groups, filters * groupsPerFilter. */
    public int groupCount() {
        return codes.length;
    }

    /** Shift count N of a filter. */
    public int shifts(int filter) {
        return shiftsPerFilter[filter];
    }

    /** Copy of the per-filter shift counts. */
    public int[] shiftsPerFilter() {
        return shiftsPerFilter.clone();
    }

    /** Mean shift count over filters (the paper's "effective" number of shifts). */
    public double effectiveShifts() {
        long sum = 0;
        for (int n : shiftsPerFilter) {
            sum += n;
        }
        return (double) sum / shiftsPerFilter.length;
    }

    public GroupCode code(int filter, int group) {
        return codes[filter * layout.groupsPerFilter() + group];
    }

    /** Group by flat index. */
    public GroupCode code(int flatGroup) {
        return codes[flatGroup];
    }

    /** Scaled MSE++ cost of a group (see {@link MsePlusPlus#scaledCost}). */
    public long groupCost(int flatGroup) {
        return groupCost[flatGroup];
    }

    /** Sum of the scaled MSE++ costs of a filter's groups. */
    public long filterCost(int filter) {
        long sum = 0;
        int g0 = filter * layout.groupsPerFilter();
        for (int g = 0; g < layout.groupsPerFilter(); g++) {
            sum += groupCost[g0 + g];
        }
        return sum;
    }

    /** Sum of all groups' scaled MSE++ costs. */
    public long totalCost() {
        long sum = 0;
        for (long c : groupCost) {
            sum += c;
        }
        return sum;
    }

    /** The reconstructed magnitudes, canonical order (padded slots dropped). */
    public int[] reconstructedMagnitudes() {
        int[] out = new int[source.size()];
        int per = layout.filterSize();
        for (int f = 0; f < filters(); f++) {
            for (int g = 0; g < layout.groupsPerFilter(); g++) {
                GroupCode c = code(f, g);
                for (int i = 0; i < layout.m(); i++) {
                    int e = layout.element(g, i);
                    if (e != GroupLayout.PAD) {
                        out[f * per + e] = c.magnitude(i);
                    }
                }
            }
        }
        return out;
    }

    /** The reconstruction as integers with the source's signs and scales. */
    public QuantizedTensor reconstructed() {
        return source.withMagnitudes(reconstructedMagnitudes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DecomposedTensor d && d.config.equals(config)
                && Arrays.equals(d.shiftsPerFilter, shiftsPerFilter) && Arrays.equals(d.codes, codes);
    }

    @Override
    public int hashCode() {
        return 31 * config.hashCode() + Arrays.hashCode(codes);
    }
}
