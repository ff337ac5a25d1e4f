package org.swis.hwmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Costing layer (docs/HWMODEL.md §4): energy = counts x {@link CostTable} and area from per-PE relative areas.
 *
 * <p>PE energy per active PE-cycle: FXP8 M*E_mac; SS-type PEs (SWIS-SS, SWIS-C-SS, Act-trunc, Wgt-trunc,
 * Pragmatic-like) M*E_mac*e_SS; DS PEs M*E_mac*e_DS, where e_SS/e_DS are per-step energies relative to an FXP8 MAC
 * fitted to Fig. 3 ({@link CostTable#serialStepRel}); a Bit Fusion unit cycle costs {@code bitfusion_fu_cycle_rel}
 * FXP8 MACs; a Loom-like cycle {@code loom_cycle_rel_ss} SS cycles. Idle PE-cycles cost {@code pe_idle_fraction} of
 * an active one. SRAM energy per bit depends on the buffer's size; DRAM per bit is constant.
 *
 * <p>Area: the FXP8 PE area A_fxp (M = 4) is derived from Table 4's DS-minus-SS area difference over 64 PEs and
 * Fig. 3's DS-minus-SS relative area; the SRAM area per KB is what remains of Table 4's SS area. Both are therefore
 * calibrations, and only the FXP8 total is a prediction (see docs/HWMODEL.md).
 */
public final class CostModel {
    /** PEs of the paper's array (8x8), used only to derive per-PE areas from Table 4. */
    private static final int PAPER_PES = 64;
    private static final int PAPER_M = 4;
    private static final double PAPER_SRAM_KB = 64 + 64 + 16;

    private final CostTable table;

    public CostModel(CostTable table) {
        this.table = table;
    }

    public CostTable table() {
        return table;
    }

    /** pJ per active PE-cycle. */
    public double peCyclePj(Design d, int m) {
        double mac = table.fxpMacPj();
        return switch (d.pe()) {
            case FXP -> m * mac;
            case SS -> m * mac * table.serialStepRel("SS", m);
            case DS -> m * mac * table.serialStepRel("DS", m);
            case BITFUSION -> table.raw("bitfusion_fu_cycle_rel") * mac;
            case LOOM -> table.raw("loom_cycle_rel_ss") * m * mac * table.serialStepRel("SS", m);
        };
    }

    public LayerEnergy energy(LayerCounts c, ArrayConfig configured) {
        ArrayConfig cfg = c.design().arrayFor(configured);
        double e = peCyclePj(c.design(), cfg.groupSize());
        long idle = (long) cfg.rows() * cfg.cols() * c.cycles() - c.activePeCycles();
        double w = table.raw("sram_write_read_ratio");
        double eIf = table.sramPjPerBit(cfg.ifmapSramBytes());
        double eF = table.sramPjPerBit(cfg.filterSramBytes());
        double eO = table.sramPjPerBit(cfg.ofmapSramBytes());
        return new LayerEnergy(c.activePeCycles() * e, Math.max(0, idle) * e * table.raw("pe_idle_fraction"),
                eIf * (c.sramIfmapReadBits() + w * c.sramIfmapWriteBits()),
                eF * (c.sramFilterReadBits() + w * c.sramFilterWriteBits()),
                eO * (c.sramOfmapReadBits() + w * c.sramOfmapWriteBits()),
                table.dramPjPerBit() * c.dramBits());
    }

    /** FXP8 PE area (mm2) at group size 4, derived from Table 4 and Fig. 3. */
    public double fxpPeAreaM4() {
        return (table.raw("table4_area_ds_mm2") - table.raw("table4_area_ss_mm2"))
                / (PAPER_PES * (table.areaRel("DS", PAPER_M) - table.areaRel("SS", PAPER_M)));
    }

    /** SRAM area per KB (mm2), the remainder of Table 4's SS area. */
    public double sramAreaPerKb() {
        return (table.raw("table4_area_ss_mm2") - PAPER_PES * table.areaRel("SS", PAPER_M) * fxpPeAreaM4())
                / PAPER_SRAM_KB;
    }

    /** PE area relative to an FXP8 PE of the same group size. */
    public double peAreaRel(Design d, int m) {
        return switch (d.pe()) {
            case FXP -> 1.0;
            case SS -> table.areaRel("SS", m) * (d == Design.PRAGMATIC ? table.raw("pragmatic_area_rel_ss") : 1.0);
            case DS -> table.areaRel("DS", m);
            case BITFUSION -> (table.raw("table4_area_bitfusion_mm2") - PAPER_SRAM_KB * sramAreaPerKb())
                    / (PAPER_PES * fxpPeAreaM4());
            case LOOM -> table.raw("loom_area_rel_fxp");
        };
    }

    /** Total area in mm2: SRAMs plus R*C PEs. */
    public double areaMm2(Design d, ArrayConfig configured) {
        ArrayConfig cfg = d.arrayFor(configured);
        double kb = (cfg.ifmapSramBytes() + cfg.filterSramBytes() + cfg.ofmapSramBytes()) / 1024.0;
        double pe = fxpPeAreaM4() * cfg.groupSize() / PAPER_M;
        return kb * sramAreaPerKb() + (double) cfg.rows() * cfg.cols() * pe * peAreaRel(d, cfg.groupSize());
    }

    /** Derived constants, for printing with results. */
    public List<String> describe(ArrayConfig cfg) {
        List<String> out = new ArrayList<>(table.describe());
        int m = cfg.groupSize();
        out.add(String.format(Locale.ROOT, "E_mac(FXP8, 28 nm) = %.5f pJ; SRAM pJ/bit: ifmap %.5f, filter %.5f, "
                        + "ofmap %.5f; DRAM %.3f pJ/bit", table.fxpMacPj(), table.sramPjPerBit(cfg.ifmapSramBytes()),
                table.sramPjPerBit(cfg.filterSramBytes()), table.sramPjPerBit(cfg.ofmapSramBytes()),
                table.dramPjPerBit()));
        out.add(String.format(Locale.ROOT, "Fig. 3 fit (M=%d): SS step = %.4f x E_mac per lane, DS cycle (2 steps) "
                + "= %.4f x E_mac per lane", m, table.serialStepRel("SS", m), table.serialStepRel("DS", m)));
        out.add(String.format(Locale.ROOT, "area: FXP8 PE (M=4) %.6f mm2, SRAM %.6f mm2/KB (both derived from "
                + "Table 4 + Fig. 3)", fxpPeAreaM4(), sramAreaPerKb()));
        return out;
    }
}
