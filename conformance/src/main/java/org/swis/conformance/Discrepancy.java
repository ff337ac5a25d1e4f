package org.swis.conformance;

import java.util.List;

/**
 * The first difference between a kernel and the reference on one case: a headline naming the
 * position (row, batch vector or column, group, slot) with the kernel's and the reference's values,
 * and only the inputs involved in it (the row's non-zero terms, the group's weights).
 */
public record Discrepancy(String headline, List<String> involved) {
    public Discrepancy {
        involved = List.copyOf(involved);
    }

    /** Headline and involved inputs, one per line, each line indented by {@code indent}. */
    public String describe(String indent) {
        StringBuilder s = new StringBuilder(indent).append(headline);
        for (String line : involved) {
            s.append('\n').append(indent).append("  ").append(line);
        }
        return s.toString();
    }
}
