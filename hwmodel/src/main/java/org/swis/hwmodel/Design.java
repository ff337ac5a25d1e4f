package org.swis.hwmodel;

/**
 * The accelerator designs compared in one model (docs/HWMODEL.md §3.2; paper §5). What the per-filter-group count N of a
 * {@link ShiftProfile} means depends on the design; see {@link #meaningOfN()}.
 */
public enum Design {
    /** SWIS, one shift per PE cycle (paper §3.1). */
    SWIS_SS("SWIS-SS", PeKind.SS, 1, false),
    /** SWIS, two shifts per PE cycle. */
    SWIS_DS("SWIS-DS", PeKind.DS, 2, false),
    /** SWIS-C (consecutive shifts, one 3-bit offset per group), single shift. */
    SWIS_C_SS("SWIS-C-SS", PeKind.SS, 1, true),
    /** SWIS-C, double shift. */
    SWIS_C_DS("SWIS-C-DS", PeKind.DS, 2, true),
    /** Stripes-like bit-serial activations truncated to N bits, 8-bit weights (paper §5; SPEC §5.3). */
    ACT_TRUNC("Act-trunc", PeKind.SS, 1, false),
    /** Bit-serial weights truncated to an N-bit window per layer, sign-magnitude (paper §5.1.1; SPEC §5.1). */
    WGT_TRUNC("Wgt-trunc", PeKind.SS, 1, false),
    /** Bit Fusion fusion units at 4-bit weights x 8-bit activations (Sharma et al., ISCA 2018; docs/HWMODEL.md §3.2). */
    BITFUSION_4X8("BitFusion-4x8", PeKind.BITFUSION, 1, false),
    /** 8-bit fixed-point M-wide MAC PEs, one vector per cycle. */
    FXP8("FXP8", PeKind.FXP, 1, false),
    /**
     * 8-bit fixed-point array of scalar MAC PEs (M = 1 whatever the configured group size): SCALE-Sim's default PE.
     * Our hypothesis [I] for the paper's FXP8 baseline (see docs/HWMODEL.md).
     */
    FXP8_SCALAR("FXP8-scalar", PeKind.FXP, 1, false),
    /**
     * Loom-like: weights (N bits) and activations (OperandStatistics.loomActivationBits) both serial, 1b x 1b per lane
     * per cycle.
     */
    LOOM("Loom-like", PeKind.LOOM, 1, false),
    /** Bit-Pragmatic-like: serial over non-zero bits of one operand; lock-step set waits for its slowest lane. */
    PRAGMATIC("Pragmatic-like", PeKind.SS, 1, false);

    /** PE datapath class used by the costing layer. */
    public enum PeKind { SS, DS, FXP, BITFUSION, LOOM }

    private final String label;
    private final PeKind pe;
    private final int shiftsPerCycle;
    private final boolean consecutive;

    Design(String label, PeKind pe, int shiftsPerCycle, boolean consecutive) {
        this.label = label;
        this.pe = pe;
        this.shiftsPerCycle = shiftsPerCycle;
        this.consecutive = consecutive;
    }

    public String label() {
        return label;
    }

    public PeKind pe() {
        return pe;
    }

    /** k in ceil(N/k): 1 for SS-type serial PEs, 2 for DS (paper §3.1; SPEC §10.4). */
    public int shiftsPerCycle() {
        return shiftsPerCycle;
    }

    /** SWIS-C: one shift offset per group instead of N shift values (paper §2.2, §3.2; SPEC §3.5). */
    public boolean consecutive() {
        return consecutive;
    }

    /** True if the number of serial steps per activation vector is set by the {@link ShiftProfile}. */
    public boolean usesShiftProfile() {
        return this != BITFUSION_4X8 && this != FXP8 && this != FXP8_SCALAR && this != PRAGMATIC;
    }

    public boolean isSwis() {
        return this == SWIS_SS || this == SWIS_DS || this == SWIS_C_SS || this == SWIS_C_DS;
    }

    public String meaningOfN() {
        return switch (this) {
            case SWIS_SS, SWIS_DS, SWIS_C_SS, SWIS_C_DS -> "shifts per group (shared by a filter group)";
            case ACT_TRUNC -> "activation bits kept (LSB truncation)";
            case WGT_TRUNC -> "weight magnitude bits kept (per-layer window)";
            case LOOM -> "weight bits (serial); activations serial at OperandStatistics.loomActivationBits";
            case BITFUSION_4X8 -> "ignored (4-bit weights x 8-bit activations)";
            case FXP8 -> "ignored (8-bit x 8-bit)";
            case FXP8_SCALAR -> "ignored (8-bit x 8-bit, one MAC per PE)";
            case PRAGMATIC -> "ignored (serial steps from OperandStatistics popcounts)";
        };
    }

    /** The array this design really has: scalar-PE designs ignore the configured group size. */
    public ArrayConfig arrayFor(ArrayConfig cfg) {
        return this == FXP8_SCALAR && cfg.groupSize() != 1 ? cfg.withGroupSize(1) : cfg;
    }

    public static Design parse(String s) {
        for (Design d : values()) {
            if (d.label.equalsIgnoreCase(s) || d.name().equalsIgnoreCase(s)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown design '" + s + "'");
    }
}
