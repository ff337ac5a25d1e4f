package org.swis.network.encode;

import org.swis.kernels.SwisCodes;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.GroupDecomposer;
import org.swis.reference.swis.GroupLayout;
import org.swis.reference.swis.SupportVector;
import org.swis.reference.tensor.QuantizedTensor;

/**
 * The filter scheduler's cost table (SPEC §6, paper §4.3) from a fast decomposer's codes: the MSE++
 * cost (SPEC §3.3, Eq. 12) of every group at one shift count, summed per filter with
 * {@link GroupDecomposer#cost}. Equal to {@link Decomposer#filterCostTable} whenever the codes equal
 * the reference decomposition, which the conformance kit checks for every registered decomposer.
 */
public final class FilterCosts {
    private final GroupLayout layout;
    private final Alpha alpha;
    private final int[] mag;
    private final boolean[] neg;
    private final int[] masks;
    private final SupportVector[] supports = new SupportVector[256];

    public FilterCosts(GroupLayout layout, Alpha alpha) {
        this.layout = layout;
        this.alpha = alpha;
        this.mag = new int[layout.m()];
        this.neg = new boolean[layout.m()];
        this.masks = new int[layout.m()];
    }

    /**
     * Adds to {@code cost[f0 + f][n]} the cost of every group of filter f of {@code q} under
     * {@code codes}, the decomposition of {@code q} at n shifts per group.
     */
    public void add(long[][] cost, int f0, QuantizedTensor q, SwisCodes codes, int n) {
        int gpf = layout.groupsPerFilter();
        int m = layout.m();
        for (int g = 0; g < codes.groupCount(); g++) {
            int f = g / gpf;
            Decomposer.gather(q, layout, f, g % gpf, mag, neg);
            for (int i = 0; i < m; i++) {
                masks[i] = codes.mask(g, i);
            }
            int bits = codes.supportBits(g);
            if (supports[bits] == null) {
                supports[bits] = SupportVector.ofBits(bits);
            }
            cost[f0 + f][n] += GroupDecomposer.cost(mag, neg, supports[bits], masks, alpha);
        }
    }
}
