package org.swis.hwmodel;

import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the model: counts every layer ({@link CountingModel}), costs it ({@link CostModel}) and returns a
 * {@link NetworkResult} with the assumptions it used.
 */
public final class HardwareModel {
    private static final CostModel BUNDLED = new CostModel(CostTable.bundled());

    private HardwareModel() {
    }

    public static NetworkResult run(Topology t, Design d, ShiftProfile p, ArrayConfig cfg) {
        return run(t, d, p, cfg, OperandStatistics.defaultActivations(), BUNDLED);
    }

    public static NetworkResult run(Topology t, Design d, ShiftProfile p, ArrayConfig cfg, OperandStatistics stats) {
        return run(t, d, p, cfg, stats, BUNDLED);
    }

    public static NetworkResult run(Topology t, Design d, ShiftProfile p, ArrayConfig configured,
                                    OperandStatistics stats, CostModel cost) {
        if (p == null && d.usesShiftProfile()) {
            throw new IllegalArgumentException(d.label() + " needs a shift profile (N = " + d.meaningOfN() + ")");
        }
        ShiftProfile profile = p == null ? ShiftProfile.uniform(8) : p;
        ArrayConfig cfg = d.arrayFor(configured);
        List<LayerResult> out = new ArrayList<>(t.layers().size());
        for (Layer l : t.layers()) {
            LayerCounts c = CountingModel.count(l, d, profile, cfg, stats);
            out.add(new LayerResult(l, c, cost.energy(c, cfg)));
        }
        return new NetworkResult(t.name(), d, d.usesShiftProfile() ? profile.label() : "n/a", profile.nominal(), cfg,
                out, cost.areaMm2(d, cfg), assumptions(d, profile, cfg, stats));
    }

    /** The model-level assumptions printed with every result (the cost table adds its own lines). */
    public static List<String> assumptions(Design d, ShiftProfile p, ArrayConfig cfg, OperandStatistics stats) {
        List<String> a = new ArrayList<>();
        a.add("array: " + cfg.describe());
        a.add("design " + d.label() + ": N = " + d.meaningOfN() + "; shift profile: "
                + (d.usesShiftProfile() ? p.label() : "n/a"));
        a.add("dataflow: output stationary, rows <-> output pixels, columns <-> filters (SCALE-Sim OS); each "
                + "activation vector held for its serial steps (staggered schedule, paper §3.2)");
        a.add("cycles per fold: " + (cfg.serialSkew() == ArrayConfig.SerialSkew.FORWARD_AFTER_HOLD
                ? "ceil(steps * (V + R + C - 2)) (operands advance once per hold, = one-pass SCALE-Sim fold x steps)"
                : "ceil(V * steps) + R + C - 2 (operands forwarded next cycle, skew paid once)")
                + (cfg.fillDrain() == ArrayConfig.FillDrain.SCALESIM_V1 ? " + R output drain (SCALE-Sim v1)"
                : "; layer = sum - 1 (SCALE-Sim v2 reports the last cycle's index)")
                + "; V = kh*kw*ceil(C_in/M) vectors per output (depthwise: see mapping); no DRAM stalls "
                + "(double-buffered, bandwidth not modelled)");
        a.add("SRAM traffic: each activation vector read once per fold and held for its steps; each fold reads its "
                + "filter group's stored weights once; outputs written once; DRAM: cheaper of filter-chunk-outer and "
                + "ifmap-band-outer tiling per layer (halo ignored)");
        a.add("only conv layers, batch 1; FC, pooling, BN, residual adds not modelled (paper evaluates conv only)");
        if (d == Design.PRAGMATIC || d == Design.LOOM) {
            a.add(stats.describe());
        }
        return a;
    }

    /** The bundled cost model. */
    public static CostModel bundledCost() {
        return BUNDLED;
    }
}
