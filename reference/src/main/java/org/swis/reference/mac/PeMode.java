package org.swis.reference.mac;

import org.swis.reference.SwisInputException;

/**
 * Shifts a PE processes per cycle (paper §3.1): single-shift (one masked adder tree and one shifter)
 * or double-shift (two of each plus one adder). DS pairs the shifts (s_0, s_1), (s_2, s_3), ...; an
 * odd N leaves the second lane idle in the last cycle.
 */
public enum PeMode {
    SS(1),
    DS(2);

    private final int shiftsPerCycle;

    PeMode(int shiftsPerCycle) {
        this.shiftsPerCycle = shiftsPerCycle;
    }

    /** k: 1 for SS, 2 for DS. */
    public int shiftsPerCycle() {
        return shiftsPerCycle;
    }

    public static PeMode parse(String text) {
        for (PeMode p : values()) {
            if (p.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return p;
            }
        }
        throw new SwisInputException("pe_mode", text, "SS or DS");
    }
}
