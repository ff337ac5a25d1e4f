package org.swis.hwmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class CostTableTest {
    private static final CostTable T = CostTable.bundled();
    private static final CostModel M = new CostModel(T);

    @Test
    void horowitzFiguresScaledBy28Over45() {
        double s = 28.0 / 45.0;
        assertEquals(s, T.techScale(), 1e-12);
        assertEquals((0.2 + 0.03) * s, T.fxpMacPj(), 1e-12);
        assertEquals(10 * s / 64, T.sramPjPerBit(8 * 1024), 1e-12);
        assertEquals(20 * s / 64, T.sramPjPerBit(32 * 1024), 1e-12);
        assertEquals(100 * s / 64, T.sramPjPerBit(1024 * 1024), 1e-9);
        double e64 = T.sramPjPerBit(64 * 1024);
        assertTrue(e64 > 20 * s / 64 && e64 < 100 * s / 64);
        assertEquals(20.0, T.dramPjPerBit(), 1e-12); // 640 pJ per 32 bits, not scaled
    }

    @Test
    void fig3SlopesAreLeastSquaresThroughTheOrigin() {
        // SS M=4: (2*0.72 + 4*1.45 + 6*2.15) / (4 + 16 + 36); DS doubles it (two shifts per cycle)
        assertEquals((2 * 0.72 + 4 * 1.45 + 6 * 2.15) / 56, T.serialStepRel("SS", 4), 1e-12);
        assertEquals(2 * (2 * 0.50 + 4 * 1.05 + 6 * 1.55) / 56, T.serialStepRel("DS", 4), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> T.serialStepRel("SS", 3));
    }

    /**
     * The area model is calibrated on three Table 4 figures only (SWIS-SS 0.54, SWIS-DS 0.55,
     * BitFusion 0.57 mm2) and Fig. 3's M = 4 PE areas (SS 0.38, DS 0.55 of an FXP8 PE); asserting
     * those back would hold by construction. Checked instead: the Table 4 areas it was not given
     * (SWIS-C-SS, Act-trunc, Wgt-trunc 0.54; SWIS-C-DS 0.55; 8-bit FXP 0.54, the paper's iso-area
     * baseline) and the FXP8 PE area derived by hand: (0.55 - 0.54) / (64 * (0.55 - 0.38)) =
     * 0.01 / 10.88 = 9.1912e-4 mm2.
     */
    @Test
    void areaModelPredictsTheTable4AreasItWasNotCalibratedOn() {
        ArrayConfig cfg = ArrayConfig.paperDefault();
        assertEquals(9.1912e-4, M.fxpPeAreaM4(), 1e-8);
        for (Design d : new Design[] {Design.SWIS_C_SS, Design.ACT_TRUNC, Design.WGT_TRUNC}) {
            assertEquals(0.54, M.areaMm2(d, cfg), 0.005, d.label());
        }
        assertEquals(0.55, M.areaMm2(Design.SWIS_C_DS, cfg), 0.005);
        // FXP8 as 64 scalar 8-bit MAC PEs (the Table 4 model's FXP8 hypothesis): SRAM 0.54 - 64 * 0.38 * a
        // = 0.51765 plus 64 * a / 4 = 0.01471, i.e. 0.5324 mm2, within 1.5 % of the paper's 0.54; as 64
        // M = 4 vector PEs it would be 0.5765 mm2, 6.8 % over, so the paper's iso-area FXP8 is not that.
        assertEquals(0.5324, M.areaMm2(Design.FXP8_SCALAR, cfg), 1e-4);
        assertTrue(Math.abs(M.areaMm2(Design.FXP8_SCALAR, cfg) / 0.54 - 1) < 0.015);
        assertEquals(0.5765, M.areaMm2(Design.FXP8, cfg), 1e-4);
    }

    @Test
    void energyIsCountsTimesTable() {
        ArrayConfig cfg = ArrayConfig.paperDefault();
        Layer l = Layer.dense("l", 8, 8, 3, 3, 16, 8, 1, 1);
        LayerCounts c = CountingModel.count(l, Design.FXP8, ShiftProfile.uniform(8), cfg,
                OperandStatistics.defaultActivations());
        LayerEnergy e = M.energy(c, cfg);
        assertEquals(c.activePeCycles() * 4 * T.fxpMacPj(), e.peActivePj(), 1e-9);
        assertEquals(c.dramBits() * 20.0, e.dramPj(), 1e-6);
        assertEquals(T.sramPjPerBit(64 * 1024) * (c.sramFilterReadBits() + c.sramFilterWriteBits()),
                e.sramFilterPj(), 1e-6);
    }

    @Test
    void malformedCostTableNamesFileLineAndColumn() {
        String costs = "key,value,unit,scale_to_28nm,source\nint8_add,abc,pJ,yes,x\n";
        String fig3 = "group_size,pe,shifts,area_rel,energy_per_mac_rel,source\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CostTable.parse(new StringReader(costs), "c.csv", new StringReader(fig3), "f.csv"));
        assertTrue(e.getMessage().contains("c.csv line 1, column 'value'"), e.getMessage());
        String costs2 = "key,value,unit,scale_to_28nm,source\nint8_add,1,pJ,maybe,x\n";
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class,
                () -> CostTable.parse(new StringReader(costs2), "c.csv", new StringReader(fig3), "f.csv"));
        assertTrue(e2.getMessage().contains("yes|no"), e2.getMessage());
        assertThrows(IllegalArgumentException.class, () -> T.raw("no_such_key"));
    }
}
