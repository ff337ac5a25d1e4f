package org.swis.reference.mac;

import java.util.List;

/**
 * Result of one group's bit-serial dot product: the exact value (never wrapped), the PE cycles it
 * took, every overflow of the configured widths (empty when none), and the cycle trace (empty unless
 * requested).
 */
public record MacResult(long value, int cycles, List<Overflow> overflows, List<TraceStep> trace) {
    public MacResult {
        overflows = List.copyOf(overflows);
        trace = List.copyOf(trace);
    }

    public boolean overflowed() {
        return !overflows.isEmpty();
    }
}
