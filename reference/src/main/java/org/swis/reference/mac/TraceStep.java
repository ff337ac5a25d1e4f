package org.swis.reference.mac;

/**
 * One PE cycle of a group's bit-serial dot product: the shifts used (one for SS, two for DS, one in
 * the last DS cycle of an odd N), each lane's adder-tree partial sum before shifting, and the group
 * accumulator after the cycle.
 */
public record TraceStep(int cycle, int[] shifts, long[] partials, long accumulator) {
    public TraceStep {
        shifts = shifts.clone();
        partials = partials.clone();
    }

    @Override
    public int[] shifts() {
        return shifts.clone();
    }

    @Override
    public long[] partials() {
        return partials.clone();
    }
}
