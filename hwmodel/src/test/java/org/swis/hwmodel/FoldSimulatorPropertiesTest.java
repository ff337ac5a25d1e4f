package org.swis.hwmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The cycle-stepping simulation agrees with the analytic counts (issue "Performance"). */
class FoldSimulatorPropertiesTest {
    private static final OperandStatistics STATS = OperandStatistics.defaultActivations();

    @Provide
    Arbitrary<Layer> smallLayers() {
        Arbitrary<Integer> k = Arbitraries.integers().between(1, 3);
        Arbitrary<Integer> hw = Arbitraries.integers().between(3, 9);
        Arbitrary<Integer> c = Arbitraries.integers().between(1, 9);
        Arbitrary<Integer> f = Arbitraries.integers().between(1, 11);
        Arbitrary<Integer> s = Arbitraries.integers().between(1, 2);
        Arbitrary<Boolean> dw = Arbitraries.of(false, true);
        return Combinators.combine(k, hw, hw, c, f, s, dw).as((kk, h, w, ci, co, st, d) -> d
                ? new Layer("dw", h, w, kk, kk, ci, ci, st, kk / 2, ci)
                : new Layer("conv", h, w, kk, kk, ci, co, st, kk / 2, 1));
    }

    @Provide
    Arbitrary<ArrayConfig> smallArrays() {
        Arbitrary<Integer> dim = Arbitraries.integers().between(1, 5);
        Arbitrary<Integer> m = Arbitraries.of(2, 4);
        return Combinators.combine(dim, dim, m, Arbitraries.of(ArrayConfig.SerialSkew.class),
                        Arbitraries.of(ArrayConfig.FillDrain.class), Arbitraries.of(ArrayConfig.DepthwiseMapping.class))
                .as((r, c, mm, s, fd, dm) -> ArrayConfig.paperDefault().withArray(r, c).withGroupSize(mm)
                        .withSerialSkew(s).withFillDrain(fd).withDepthwiseMapping(dm));
    }

    @Provide
    Arbitrary<Design> steppedDesigns() {
        return Arbitraries.of(Design.values()).filter(d -> d != Design.PRAGMATIC);
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
