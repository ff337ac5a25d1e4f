package org.swis.conformance;

import java.util.List;

/**
 * The first difference between a kernel and the reference on one case: a headline naming the
 * position (row, batch vector or column, group, slot) with the kernel's and the reference's values,
 * and only the inputs involved in it (the row's non-zero terms, the group's weights). {@code row} and
 * {@code vector} locate a wrong product output (-1 otherwise).
 */
public record Discrepancy(String headline, List<String> involved, int row, int vector) {
    public Discrepancy {
        involved = List.copyOf(involved);
    }

    /** A difference that is not one output of a product (a code, a layout weight, an exception). */
    public Discrepancy(String headline, List<String> involved) {
        this(headline, involved, -1, -1);
    }

    /** The same difference with other involved inputs. */
    public Discrepancy withInvolved(List<String> lines) {
        return new Discrepancy(headline, lines, row, vector);
    }

    /** The headline after {@code head}, then the involved inputs one per line after {@code indent}. */
    public String describe(String head, String indent) {
        StringBuilder s = new StringBuilder(head).append(headline);
        for (String line : involved) {
            s.append('\n').append(indent).append(line);
        }
        return s.toString();
    }
}
