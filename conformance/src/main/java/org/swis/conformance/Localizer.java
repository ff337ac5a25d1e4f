package org.swis.conformance;

import java.util.ArrayList;
import java.util.List;
import org.swis.kernels.Kernel;
import org.swis.reference.swis.GroupCode;

/**
 * Finds which groups of a wrong output's row touch the difference: the case is rerun, same shape and
 * activations, with every group zeroed except one of that row; the groups whose lone run still fails
 * are the ones reported, with their terms. At most {@link #MAX_PROBES} groups are probed.
 */
final class Localizer {
    static final int MAX_PROBES = 64;

    private Localizer() {
    }

    static Discrepancy localize(Kernel k, Property p, MatrixCase c, Discrepancy d) {
        if (d.row() < 0) {
            return d;
        }
        int r = d.row();
        int gpf = c.layout().groupsPerFilter();
        List<Integer> touching = new ArrayList<>();
        int probes = 0;
        for (int g = 0; g < gpf && probes < MAX_PROBES; g++) {
            if (Checks.terms(c, r, d.vector(), List.of(g), new ArrayList<>()) == 0) {
                continue;
            }
            probes++;
            if (Checks.check(k, p, alone(c, r * gpf + g)) != null) {
                touching.add(g);
            }
        }
        List<String> lines = new ArrayList<>();
        if (touching.isEmpty()) {
            lines.addAll(d.involved());
            lines.add("no group of row " + r + " fails alone (" + probes + " probed): the difference needs several "
                    + "groups together; see the smallest case");
            return d.withInvolved(lines);
        }
        lines.add("group(s) of row " + r + " that fail alone (every other group zeroed): " + touching
                + (probes == MAX_PROBES ? " (first " + MAX_PROBES + " non-zero groups probed)" : ""));
        int n = Checks.terms(c, r, d.vector(), touching, lines);
        if (n > Checks.MAX_TERMS) {
            lines.add("... and " + (n - Checks.MAX_TERMS) + " more terms of those groups");
        }
        return d.withInvolved(lines);
    }

    /** The case with every group zeroed except the flat group {@code keep}. */
    private static MatrixCase alone(MatrixCase c, int keep) {
        GroupCode[] codes = new GroupCode[c.codes().length];
        for (int g = 0; g < codes.length; g++) {
            GroupCode o = c.codes()[g];
            codes[g] = g == keep ? o : new GroupCode(o.support(), 0, new int[c.m()]);
        }
        return new MatrixCase(c.scheme(), c.m(), c.channels(), c.taps(), c.shifts(), codes, c.batch(), c.x());
    }
}
