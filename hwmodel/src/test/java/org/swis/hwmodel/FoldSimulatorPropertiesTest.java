package org.swis.hwmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The cycle-stepping simulation agrees with the analytic counts (docs/HWMODEL.md §3.6). */
class FoldSimulatorPropertiesTest {
    private static final OperandStatistics STATS = OperandStatistics.defaultActivations();

    @Provide
    Arbitrary<Layer> smallLayers() {
        return HwArbitraries.layers(3, 3, 9, 9, 11, 2);
    }

    @Provide
    Arbitrary<ArrayConfig> smallArrays() {
        return HwArbitraries.arrays(5, 2, 4);
    }

    @Provide
    Arbitrary<Design> steppedDesigns() {
        return HwArbitraries.designs(d -> d != Design.PRAGMATIC);
    }

    @Property(tries = 150)
    void simulationAgreesWithAnalyticCounts(@ForAll("smallLayers") Layer l, @ForAll("smallArrays") ArrayConfig cfg,
                                            @ForAll("steppedDesigns") Design d,
                                            @ForAll @IntRange(min = 10, max = 80) int tenthsN) {
        ShiftProfile p = ShiftProfile.mix(tenthsN / 10.0);
        check(l, d, p, cfg);
    }

    @Example
    void simulationAgreesOnPaperSizedSmallLayers() {
        ArrayConfig cfg = ArrayConfig.paperDefault();
        // last VGG layer (2x2x512 -> 512) and a MobileNet-like depthwise layer, both skews
        Layer vgg = Layer.dense("vgg.conv12", 2, 2, 3, 3, 512, 512, 1, 1);
        Layer dw = new Layer("dw", 7, 7, 3, 3, 96, 96, 1, 1, 96);
        for (ArrayConfig.SerialSkew s : ArrayConfig.SerialSkew.values()) {
            check(vgg, Design.SWIS_DS, ShiftProfile.evenMix(3), cfg.withSerialSkew(s));
            check(dw, Design.SWIS_C_SS, ShiftProfile.mix(2.5), cfg.withSerialSkew(s));
            check(vgg, Design.BITFUSION_4X8, ShiftProfile.uniform(8), cfg.withSerialSkew(s));
        }
    }

    @Example
    void pragmaticIsRejectedBySimulator() {
        assertThrows(IllegalArgumentException.class, () -> FoldSimulator.simulate(
                Layer.dense("l", 4, 4, 1, 1, 4, 4, 1, 0), Design.PRAGMATIC, ShiftProfile.uniform(1),
                ArrayConfig.paperDefault()));
    }

    private static void check(Layer l, Design d, ShiftProfile p, ArrayConfig cfg) {
        LayerCounts a = CountingModel.count(l, d, p, cfg, STATS);
        FoldSimulator.Result s = FoldSimulator.simulate(l, d, p, cfg);
        assertEquals(a.cycles(), s.cycles(), "cycles");
        assertEquals(a.activePeCycles(), s.activePeCycles(), "active PE cycles");
        assertEquals(a.sramIfmapReadBits(), s.ifmapReadBits(), "ifmap SRAM reads");
        assertEquals(a.sramFilterReadBits(), s.filterReadBits(), "filter SRAM reads");
        assertEquals(a.sramOfmapWriteBits(), s.ofmapWriteBits(), "ofmap SRAM writes");
    }
}
