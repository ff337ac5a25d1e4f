package org.swis.reference.mac;

import org.swis.reference.SwisInputException;

/**
 * Register widths of the PE datapath (paper §3.1, Fig. 4a), each a two's-complement width in bits:
 * the adder-tree output (one lane's partial sum), the shifter output (and the DS lane-combining adder),
 * the group accumulator, and the output accumulator that sums a filter's group results. A width of
 * {@value #EXACT} means the exact {@code long} result, which is the reference; any narrower width is
 * checked on every value the register holds, and a value outside
 * {@code [-2^(w-1), 2^(w-1) - 1]} is reported as an {@link Overflow}, never wrapped.
 */
public record AccumulatorWidths(int adderTreeBits, int shifterBits, int groupAccumulatorBits,
                                int outputAccumulatorBits) {
    /** Width meaning "exact long accumulation". */
    public static final int EXACT = 64;

    public AccumulatorWidths {
        SwisInputException.requireRange("adderTreeBits", adderTreeBits, 2, EXACT);
        SwisInputException.requireRange("shifterBits", shifterBits, 2, EXACT);
        SwisInputException.requireRange("groupAccumulatorBits", groupAccumulatorBits, 2, EXACT);
        SwisInputException.requireRange("outputAccumulatorBits", outputAccumulatorBits, 2, EXACT);
    }

    /** Exact long everywhere: the reference result. */
    public static AccumulatorWidths exact() {
        return new AccumulatorWidths(EXACT, EXACT, EXACT, EXACT);
    }

    /** ceil(log2 m) for m &gt;= 1. */
    public static int log2Ceil(int m) {
        SwisInputException.requireRange("M", m, 1, 1 << 30);
        return 32 - Integer.numberOfLeadingZeros(m - 1);
    }

    /**
     * The widths printed in Fig. 4a for an M-wide PE: adder tree 8 + log2 M, shifter and group
     * accumulator 16 + log2 M, plus the given output accumulator width. Read as two's complement these
     * are one bit short for extreme operands (sign inversion makes the adder-tree input 9 bits), so
     * extreme cases report overflow; see {@link #sufficient}.
     */
    public static AccumulatorWidths paper(int m, int outputAccumulatorBits) {
        int l = log2Ceil(m);
        return new AccumulatorWidths(8 + l, 16 + l, 16 + l, outputAccumulatorBits);
    }

    /**
     * One bit more than {@link #paper}: 9 + log2 M and 17 + log2 M, which hold every partial, shifted
     * partial and group result of uint8 or int8 activations with magnitudes up to 255.
     */
    public static AccumulatorWidths sufficient(int m, int outputAccumulatorBits) {
        int l = log2Ceil(m);
        return new AccumulatorWidths(9 + l, 17 + l, 17 + l, outputAccumulatorBits);
    }

    /** True when v is representable in a two's-complement register of {@code bits} bits. */
    public static boolean fits(long v, int bits) {
        if (bits >= EXACT) {
            return true;
        }
        long half = 1L << (bits - 1);
        return v >= -half && v <= half - 1;
    }
}
