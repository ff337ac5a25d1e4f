package org.swis.hwmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the counting model (docs/HWMODEL.md §3.5). */
class ModelPropertiesTest {
    private static final OperandStatistics STATS = OperandStatistics.defaultActivations();

    @Provide
    Arbitrary<Layer> layers() {
        return HwArbitraries.layers(5, 5, 40, 70, 70, 3);
    }

    @Provide
    Arbitrary<ArrayConfig> configs() {
        return HwArbitraries.arrays(16, 2, 4, 8, 16);
    }

    @Provide
    Arbitrary<Design> profileDesigns() {
        return HwArbitraries.designs(Design::usesShiftProfile);
    }

    @Property(tries = 300)
    void cyclesAreNonDecreasingInN(@ForAll("layers") Layer l, @ForAll("configs") ArrayConfig cfg,
                                   @ForAll("profileDesigns") Design d, @ForAll @IntRange(min = 1, max = 7) int n) {
        long a = CountingModel.count(l, d, ShiftProfile.uniform(n), cfg, STATS).cycles();
        long b = CountingModel.count(l, d, ShiftProfile.uniform(n + 1), cfg, STATS).cycles();
        assertTrue(a <= b, () -> d + " N=" + n + ": " + a + " > N+1: " + b);
    }

    @Property(tries = 300)
    void cyclesAreNonDecreasingInLayerSize(@ForAll("layers") Layer l, @ForAll("configs") ArrayConfig cfg,
                                           @ForAll Design d, @ForAll @IntRange(min = 1, max = 8) int n,
                                           @ForAll @IntRange(min = 0, max = 2) int which,
                                           @ForAll @IntRange(min = 1, max = 9) int grow) {
        Layer big = switch (which) {
            case 0 -> new Layer("b", l.ifmapHeight() + grow, l.ifmapWidth(), l.filterHeight(), l.filterWidth(),
                    l.channels(), l.numFilters(), l.stride(), l.padding(), l.groups());
            case 1 -> l.isDepthwise() ? new Layer("b", l.ifmapHeight(), l.ifmapWidth() + grow, l.filterHeight(),
                    l.filterWidth(), l.channels(), l.numFilters(), l.stride(), l.padding(), l.groups())
                    : new Layer("b", l.ifmapHeight(), l.ifmapWidth(), l.filterHeight(), l.filterWidth(),
                    l.channels() + grow, l.numFilters(), l.stride(), l.padding(), 1);
            default -> l.isDepthwise() ? new Layer("b", l.ifmapHeight(), l.ifmapWidth(), l.filterHeight(),
                    l.filterWidth(), l.channels() + grow, l.numFilters() + grow, l.stride(), l.padding(),
                    l.groups() + grow)
                    : new Layer("b", l.ifmapHeight(), l.ifmapWidth(), l.filterHeight(), l.filterWidth(),
                    l.channels(), l.numFilters() + grow, l.stride(), l.padding(), 1);
        };
        ShiftProfile p = ShiftProfile.uniform(n);
        long a = CountingModel.count(l, d, p, cfg, STATS).cycles();
        long b = CountingModel.count(big, d, p, cfg, STATS).cycles();
        assertTrue(a <= b, () -> d + " " + l + " -> " + big + ": " + a + " > " + b);
    }

    @Property(tries = 300)
    void doubleShiftIsNeverSlowerThanSingleShift(@ForAll("layers") Layer l, @ForAll("configs") ArrayConfig cfg,
                                                 @ForAll @IntRange(min = 1, max = 8) int lo,
                                                 @ForAll @IntRange(min = 0, max = 99) int pct) {
        double target = Math.min(8.0, lo + pct / 100.0);
        for (ShiftProfile p : List.of(ShiftProfile.uniform(lo), ShiftProfile.mix(target),
                ShiftProfile.evenMix(target))) {
            assertTrue(CountingModel.count(l, Design.SWIS_DS, p, cfg, STATS).cycles()
                    <= CountingModel.count(l, Design.SWIS_SS, p, cfg, STATS).cycles(), p.label());
            assertTrue(CountingModel.count(l, Design.SWIS_C_DS, p, cfg, STATS).cycles()
                    <= CountingModel.count(l, Design.SWIS_C_SS, p, cfg, STATS).cycles(), p.label());
        }
    }

    @Property(tries = 300)
    void onePassCyclesEqualScaleSimOsFormulaForDenseLayers(@ForAll("layers") Layer l,
                                                           @ForAll("configs") ArrayConfig cfg) {
        if (l.isDepthwise()) {
            l = new Layer("dense", l.ifmapHeight(), l.ifmapWidth(), l.filterHeight(), l.filterWidth(), l.channels(),
                    l.numFilters(), l.stride(), l.padding(), 1);
        }
        ArrayConfig v2 = cfg.withFillDrain(ArrayConfig.FillDrain.SCALESIM_V2);
        long r = v2.rows();
        long c = v2.cols();
        long t = (long) l.filterHeight() * l.filterWidth() * ((l.channels() + v2.groupSize() - 1) / v2.groupSize());
        long folds = ((l.outPixels() + r - 1) / r) * ((l.numFilters() + c - 1) / c);
        long scaleSim = folds * (t + r + c - 2) - 1; // SCALE-Sim v2 OS, docs/HWMODEL.md §3.2
        assertEquals(scaleSim, CountingModel.count(l, Design.FXP8, ShiftProfile.uniform(8), v2, STATS).cycles());
        assertEquals(scaleSim, CountingModel.count(l, Design.SWIS_SS, ShiftProfile.uniform(1), v2, STATS).cycles());
        assertEquals(scaleSim, CountingModel.count(l, Design.SWIS_DS, ShiftProfile.uniform(2), v2, STATS).cycles());
    }

    @Property(tries = 300)
    void trafficTotalsAreConserved(@ForAll("layers") Layer l, @ForAll("configs") ArrayConfig configured,
                                   @ForAll Design d, @ForAll @IntRange(min = 1, max = 8) int n) {
        LayerCounts c = CountingModel.count(l, d, ShiftProfile.uniform(n), configured, STATS);
        ArrayConfig cfg = d.arrayFor(configured); // scalar-PE designs have M = 1
        LayerMapping map = LayerMapping.of(l, cfg);
        // every fold reads its filter group's stored weights once; every activation vector once per filter group
        assertEquals(c.filterStorageBits() * c.rowFolds(), c.sramFilterReadBits());
        assertEquals((long) map.filterGroups() * l.outPixels() * map.vectorsPerOutput() * cfg.groupSize()
                * cfg.activationBits(), c.sramIfmapReadBits());
        assertEquals(l.ofmapElements() * cfg.outputBits(), c.sramOfmapWriteBits());
        // what DRAM delivers is written into the SRAMs; outputs leave through DRAM once
        assertEquals(c.dramIfmapReadBits(), c.sramIfmapWriteBits());
        assertEquals(c.dramFilterReadBits(), c.sramFilterWriteBits());
        assertEquals(c.dramOfmapWriteBits(), c.sramOfmapReadBits());
        assertEquals(c.sramOfmapWriteBits(), c.dramOfmapWriteBits());
        // every stored bit comes from DRAM at least once, and no more often than it is read from SRAM
        assertTrue(c.dramFilterReadBits() >= c.filterStorageBits());
        assertTrue(c.dramFilterReadBits() <= c.sramFilterReadBits());
        assertTrue(c.dramIfmapReadBits() >= l.ifmapElements() * cfg.activationBits());
        // PE-cycles: active never exceeds what the array offers (SCALE-Sim v2 reports the last cycle's index, one
        // less than the number of cycles, hence + 1)
        long offered = c.cycles() + (cfg.fillDrain() == ArrayConfig.FillDrain.SCALESIM_V2 ? 1 : 0);
        assertTrue(c.activePeCycles() <= (long) cfg.rows() * cfg.cols() * offered);
        assertTrue(c.computeUtilisation() > 0
                && c.computeUtilisation() * c.cycles() <= offered * (1.0 + 1e-12));
    }

    @Property(tries = 30)
    void networkTotalsAreTheSumOfLayers(@ForAll Design d, @ForAll @IntRange(min = 1, max = 8) int n,
                                        @ForAll("netNames") String net) {
        NetworkResult r = HardwareModel.run(Topologies.builtin(net), d, ShiftProfile.uniform(n),
                ArrayConfig.paperDefault());
        long cyc = 0;
        long dram = 0;
        double pj = 0;
        for (LayerResult lr : r.layers()) {
            cyc += lr.counts().cycles();
            dram += lr.counts().dramBits();
            LayerEnergy e = lr.energy();
            pj += e.peActivePj() + e.peIdlePj() + e.sramIfmapPj() + e.sramFilterPj() + e.sramOfmapPj() + e.dramPj();
        }
        assertEquals(cyc, r.cycles());
        assertEquals(dram, r.dramBits());
        assertEquals(pj, r.energy().totalPj(), 1e-6 * pj);
        assertEquals(Topologies.builtin(net).macs(), r.macs());
    }

    @Provide
    Arbitrary<String> netNames() {
        return Arbitraries.of(Topologies.NAMES);
    }
}
