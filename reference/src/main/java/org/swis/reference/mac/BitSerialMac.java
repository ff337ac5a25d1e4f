package org.swis.reference.mac;

import java.util.ArrayList;
import java.util.List;
import org.swis.reference.SwisInputException;
import org.swis.reference.swis.GroupCode;

/**
 * The bit-serial dot product of one group, the paper's Eq. 7 (§1.1) on the PE datapath of §3.1:
 * <pre>
 *   a . w = sum_{j=0}^{N-1} ( sum_{i=0}^{M-1} Sign(w_i) * (a_i &amp; m_i[j]) ) &lt;&lt; s_j
 * </pre>
 * where {@code a_i & m_i[j]} means "a_i if mask bit m_i[j] is set, else 0" (a select, not a bitwise
 * AND) and Sign(w_i) negates the selected activation. SS runs one shift per cycle; DS runs the pairs
 * (s_0, s_1), (s_2, s_3), ... per cycle, the second lane idle in the last cycle of an odd N. Every
 * value is computed exactly in {@code long}; each register is checked against its width in
 * {@link AccumulatorWidths} and overflow is reported, never wrapped. Plain and slow on purpose.
 */
public final class BitSerialMac {
    private BitSerialMac() {
    }

    /** Exact widths, no trace. */
    public static MacResult dot(GroupCode code, int[] activations, PeMode mode, ActivationType type) {
        return dot(code, activations, mode, type, AccumulatorWidths.exact(), false);
    }

    /**
     * Weight-serial SWIS dot product of one group (Eq. 7).
     *
     * @param code        the group: shifts, M signs, M N-bit masks
     * @param activations M activations of {@code type} (zero for padded slots)
     * @param trace       whether to record every cycle
     */
    public static MacResult dot(GroupCode code, int[] activations, PeMode mode, ActivationType type,
                                AccumulatorWidths widths, boolean trace) {
        if (code == null) {
            throw new SwisInputException("code", null, "a GroupCode");
        }
        requireCommon(activations, code.m(), mode, widths);
        if (type == null) {
            throw new SwisInputException("activationType", null, "uint8 or int8");
        }
        for (int i = 0; i < activations.length; i++) {
            type.require("activations[" + i + "]", activations[i]);
        }
        int[] masks = new int[code.m()];
        for (int i = 0; i < masks.length; i++) {
            masks[i] = code.mask(i);
        }
        return serial(code.support().shifts(), code.signBits(), masks, activations, mode, widths, trace);
    }

    /**
     * The Stripes-like activation-serial baseline (paper §5, Act-trunc): the same serial inner product
     * with the operands' roles swapped. The serial operand is the activation truncated to its
     * {@code bits} most significant bits ({@link org.swis.reference.baseline.ActivationTruncation}),
     * one bit position per cycle, positions 8-bits..7 ascending; the parallel operand is the signed
     * integer weight. Always one bit per cycle, so {@code bits} cycles.
     *
     * @param weights     M signed integer weights, -255..255 (zero for padded slots)
     * @param activations M uint8 activations, before truncation
     */
    public static MacResult activationSerialDot(int[] weights, int[] activations, int bits,
                                                AccumulatorWidths widths, boolean trace) {
        SwisInputException.requireRange("activationBits", bits, 1, 8);
        if (weights == null) {
            throw new SwisInputException("weights", null, "M signed weights");
        }
        requireCommon(activations, weights.length, PeMode.SS, widths);
        int drop = 8 - bits;
        int[] shifts = new int[bits];
        for (int j = 0; j < bits; j++) {
            shifts[j] = drop + j;
        }
        int[] masks = new int[weights.length];
        for (int i = 0; i < weights.length; i++) {
            SwisInputException.requireRange("weights[" + i + "]", weights[i], -255, 255);
            ActivationType.UINT8.require("activations[" + i + "]", activations[i]);
            masks[i] = activations[i] >> drop;
        }
        return serial(shifts, 0, masks, weights, PeMode.SS, widths, trace);
    }

    private static void requireCommon(int[] activations, int m, PeMode mode, AccumulatorWidths widths) {
        if (activations == null || activations.length != m) {
            throw new SwisInputException("activations.length", activations == null ? null : activations.length,
                    "M = " + m);
        }
        if (mode == null) {
            throw new SwisInputException("peMode", null, "SS or DS");
        }
        if (widths == null) {
            throw new SwisInputException("widths", null, "AccumulatorWidths");
        }
    }

    /**
     * The shared serial core: for each cycle, each lane j sums {@code +-parallel[i]} over the slots
     * whose mask bit j is set (sign bit i negates), shifts it by s_j, the lanes are added and the
     * sum accumulated.
     */
    private static MacResult serial(int[] shifts, int signBits, int[] masks, int[] parallel, PeMode mode,
                                    AccumulatorWidths widths, boolean trace) {
        int n = shifts.length;
        int k = mode.shiftsPerCycle();
        List<Overflow> overflows = new ArrayList<>();
        List<TraceStep> steps = new ArrayList<>();
        long acc = 0;
        int cycle = 0;
        for (int j0 = 0; j0 < n; j0 += k, cycle++) {
            int lanes = Math.min(k, n - j0);
            int[] used = new int[lanes];
            long[] partials = new long[lanes];
            long cycleSum = 0;
            for (int lane = 0; lane < lanes; lane++) {
                int j = j0 + lane;
                long partial = 0;
                for (int i = 0; i < masks.length; i++) {
                    if ((masks[i] >> j & 1) != 0) {
                        partial += (signBits >> i & 1) != 0 ? -(long) parallel[i] : parallel[i];
                    }
                }
                check(overflows, Overflow.Stage.ADDER_TREE, cycle, lane, partial, widths.adderTreeBits());
                long shifted = partial << shifts[j];
                check(overflows, Overflow.Stage.SHIFTER, cycle, lane, shifted, widths.shifterBits());
                used[lane] = shifts[j];
                partials[lane] = partial;
                cycleSum += shifted;
            }
            if (lanes > 1) {
                check(overflows, Overflow.Stage.LANE_ADDER, cycle, -1, cycleSum, widths.shifterBits());
            }
            acc += cycleSum;
            check(overflows, Overflow.Stage.GROUP_ACCUMULATOR, cycle, -1, acc, widths.groupAccumulatorBits());
            if (trace) {
                steps.add(new TraceStep(cycle, used, partials, acc));
            }
        }
        return new MacResult(acc, cycle, overflows, steps);
    }

    private static void check(List<Overflow> sink, Overflow.Stage stage, int cycle, int lane, long v, int bits) {
        if (!AccumulatorWidths.fits(v, bits)) {
            sink.add(new Overflow(stage, -1, -1, cycle, lane, v, bits));
        }
    }
}
