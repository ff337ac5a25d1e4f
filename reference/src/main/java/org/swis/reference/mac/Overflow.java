package org.swis.reference.mac;

/**
 * A value that left its register's width (see {@link AccumulatorWidths}): the stage, where it happened
 * (output element, group of the filter, cycle within the group, DS lane 0/1 of the adder tree and
 * shifter; -1 when not applicable), the exact value and the width it did not fit in. The reference
 * never wraps: the exact value is still computed.
 */
public record Overflow(Stage stage, long output, int group, int cycle, int lane, long value, int bits) {
    /** The datapath register that overflowed. */
    public enum Stage {
        /** A lane's masked, sign-inverted sum (width: adder tree). */
        ADDER_TREE,
        /** A lane's partial after {@code << s_j} (width: shifter). */
        SHIFTER,
        /** DS only: the sum of the two shifted lanes (width: shifter, the paper's 16 + log2 M adder). */
        LANE_ADDER,
        /** The group accumulator after a cycle. */
        GROUP_ACCUMULATOR,
        /** The output accumulator after adding a group's result. */
        OUTPUT_ACCUMULATOR;

        /** Lower-case name used in files. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Stage parse(String text) {
            for (Stage s : values()) {
                if (s.id().equals(text)) {
                    return s;
                }
            }
            throw new org.swis.reference.SwisInputException("overflow.stage", text,
                    "adder_tree, shifter, lane_adder, group_accumulator or output_accumulator");
        }
    }

    /** The same event attributed to an output element and group. */
    public Overflow at(long outputIndex, int groupIndex) {
        return new Overflow(stage, outputIndex, groupIndex, cycle, lane, value, bits);
    }
}
