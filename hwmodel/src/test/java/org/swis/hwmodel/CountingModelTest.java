package org.swis.hwmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CountingModelTest {
    private static final ArrayConfig CFG = ArrayConfig.paperDefault();
    private static final OperandStatistics STATS = OperandStatistics.defaultActivations();

    private static LayerCounts count(Layer l, Design d, ShiftProfile p) {
        return CountingModel.count(l, d, p, CFG, STATS);
    }

    @Test
    void vggConv0OnePassIsScaleSimOsCycles() {
        // 32x32x3 -> 64, 3x3 pad 1: E*F = 1024 -> 128 row folds, 64 filters -> 8 filter groups, T = 9*ceil(3/4) = 9.
        Layer l = Topologies.builtin("vgg16").layers().get(0);
        LayerCounts c = count(l, Design.FXP8, ShiftProfile.uniform(8));
        assertEquals(1024, c.folds());
        assertEquals(1024L * (9 + 8 + 8 - 2) - 1, c.cycles());
        // SWIS-SS at N=3 stretches every fold by 3 (operands forwarded after their hold)
        assertEquals(1024L * 3 * (9 + 14) - 1, count(l, Design.SWIS_SS, ShiftProfile.uniform(3)).cycles());
        // forwarded next cycle: the skew is paid once
        LayerCounts next = CountingModel.count(l, Design.SWIS_SS, ShiftProfile.uniform(3),
                CFG.withSerialSkew(ArrayConfig.SerialSkew.FORWARD_NEXT_CYCLE), STATS);
        assertEquals(1024L * (27 + 14) - 1, next.cycles());
        // SCALE-Sim v1 analytic form: 2R + C + T - 2 per fold
        LayerCounts v1 = CountingModel.count(l, Design.FXP8, ShiftProfile.uniform(8),
                CFG.withFillDrain(ArrayConfig.FillDrain.SCALESIM_V1), STATS);
        assertEquals(1024L * (16 + 8 + 9 - 2), v1.cycles());
    }

    @Test
    void scalarFxpArrayIsScaleSimWithOneLanePerPe() {
        Layer l = Topologies.builtin("vgg16").layers().get(1); // 32x32x64 -> 64
        LayerCounts c = count(l, Design.FXP8_SCALAR, ShiftProfile.uniform(8));
        assertEquals(1024L * (9 * 64 + 14) - 1, c.cycles());
        assertEquals(1.0, c.stepsPerVector());
    }

    @Test
    void doubleShiftHalvesStepsAndOddNWastesAHalfStep() {
        Layer l = Layer.dense("l", 14, 14, 3, 3, 256, 256, 1, 1);
        assertEquals(2.0, count(l, Design.SWIS_DS, ShiftProfile.uniform(4)).stepsPerVector());
        assertEquals(3.0, count(l, Design.SWIS_DS, ShiftProfile.uniform(5)).stepsPerVector());
        assertEquals(3.0, count(l, Design.SWIS_DS, ShiftProfile.uniform(6)).stepsPerVector());
        assertEquals(5.0, count(l, Design.SWIS_SS, ShiftProfile.uniform(5)).stepsPerVector());
        // 2.5 passes on DS from the 4/6 even mix (paper §3.1, MBv2 DS5 cell)
        assertEquals(2.5, count(l, Design.SWIS_DS, ShiftProfile.evenMix(5)).stepsPerVector(), 1e-12);
        assertEquals(5.0, count(l, Design.SWIS_DS, ShiftProfile.evenMix(5)).effectiveShifts(), 1e-12);
    }

    @Test
    void bitFusion4x8TakesTwoCyclesPerFourWideVector() {
        Layer l = Layer.dense("l", 14, 14, 3, 3, 64, 64, 1, 1);
        assertEquals(2.0, count(l, Design.BITFUSION_4X8, ShiftProfile.uniform(8)).stepsPerVector());
        assertEquals(16.0, count(l, Design.LOOM, ShiftProfile.uniform(2)).stepsPerVector());
    }

    @Test
    void storedBitsPerGroupFollowPaperSection33() {
        // M signs + 3N shifts + M*N masks; SWIS-C one 3-bit offset (paper §3.3; SPEC §4.1)
        assertEquals(4 + 9 + 12, CountingModel.filterBitsPerVector(Design.SWIS_SS, 3, 4));
        assertEquals(4 + 3 + 12, CountingModel.filterBitsPerVector(Design.SWIS_C_DS, 3, 4));
        assertEquals(4 * 5, CountingModel.filterBitsPerVector(Design.WGT_TRUNC, 4, 4));
        assertEquals(32, CountingModel.filterBitsPerVector(Design.FXP8, 1, 4));
        assertEquals(16, CountingModel.filterBitsPerVector(Design.BITFUSION_4X8, 1, 4));
        // compression vs 8 bit for M=4, N=1: 8 / 2.75 = 2.91 (SPEC §4.1: 1 + N + 3N/M bits) on a layer with C_in % 4 == 0
        Layer l = Layer.dense("l", 7, 7, 3, 3, 512, 512, 1, 1);
        double ratio = (double) count(l, Design.FXP8, ShiftProfile.uniform(1)).filterStorageBits()
                / count(l, Design.SWIS_SS, ShiftProfile.uniform(1)).filterStorageBits();
        assertEquals(8 / 2.75, ratio, 1e-12);
    }

    @Test
    void depthwiseTapsOnLanesUsesOneColumn() {
        Layer dw = Topologies.builtin("mobilenetv2").layers().get(1); // features.1.dw: 112x112x32, 3x3, s1
        assertTrue(dw.isDepthwise());
        LayerCounts c = count(dw, Design.FXP8, ShiftProfile.uniform(8));
        // 32 channels, each its own filter group on one column; 12544/8 = 1568 row folds; ceil(9/4) = 3 vectors
        assertEquals(32 * 1568, c.folds());
        assertEquals(32L * 1568 * (3 + 14) - 1, c.cycles());
        double util = (double) dw.macs() / (8.0 * 8 * 4 * c.cycles());
        assertEquals(util, c.computeUtilisation(), 1e-12);
        assertEquals(1.0 / 8, c.mappingEfficiency(), 1e-12);
        LayerCounts oneLane = CountingModel.count(dw, Design.FXP8, ShiftProfile.uniform(8),
                CFG.withDepthwiseMapping(ArrayConfig.DepthwiseMapping.ONE_LANE), STATS);
        assertEquals(32L * 1568 * (9 + 14) - 1, oneLane.cycles());
    }

    @Test
    void conv1PadsThreeChannelsToOneGroup() {
        Layer conv1 = Topologies.builtin("resnet18").layers().get(0);
        LayerCounts c = count(conv1, Design.SWIS_SS, ShiftProfile.uniform(2));
        // 64 filters x 49 taps x 1 group (3 channels padded to 4) x (4 + 6 + 8) bits
        assertEquals(64L * 49 * 18, c.filterStorageBits());
    }

    @Test
    void shiftProfilesRealiseFractionalTargetsPerFilterGroup() {
        Layer l = Layer.dense("l", 8, 8, 3, 3, 64, 64, 1, 1);
        int[] f = new int[8];
        java.util.Arrays.fill(f, 8);
        assertArrayEquals(new int[] {2, 2, 2, 2, 3, 3, 3, 3}, ShiftProfile.mix(2.5).filterGroupShifts(l, 8, f));
        assertArrayEquals(new int[] {2, 2, 2, 2, 2, 2, 4, 4}, ShiftProfile.evenMix(2.5).filterGroupShifts(l, 8, f));
        assertArrayEquals(new int[] {2, 2, 2, 2, 4, 4, 4, 4}, ShiftProfile.evenMix(3).filterGroupShifts(l, 8, f));
        assertArrayEquals(new int[] {3, 3, 3, 3, 3, 3, 3, 3}, ShiftProfile.mix(3).filterGroupShifts(l, 8, f));
    }

    @Test
    void perFilterScheduleMustShareNWithinAFilterGroup() {
        Layer l = Layer.dense("l", 8, 8, 3, 3, 16, 10, 1, 1);
        int[] ok = {2, 2, 2, 2, 2, 2, 2, 2, 4, 4};
        ShiftProfile p = ShiftProfile.perFilter("sched", 2.4, Map.of("l", ok), ShiftProfile.uniform(3));
        LayerCounts c = count(l, Design.SWIS_SS, p);
        assertEquals((8 * 2 + 2 * 4) / 10.0, c.effectiveShifts(), 1e-12);
        assertEquals(2.4, p.nominal());
        int[] bad = {2, 2, 2, 3, 2, 2, 2, 2, 4, 4};
        ShiftProfile q = ShiftProfile.perFilter("sched", 2.4, Map.of("l", bad), ShiftProfile.uniform(3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> count(l, Design.SWIS_SS, q));
        assertTrue(e.getMessage().contains("filter 3") && e.getMessage().contains("filter group 0"), e.getMessage());
        ShiftProfile shortArr = ShiftProfile.perFilter("s", 2, Map.of("l", new int[] {2}), ShiftProfile.uniform(3));
        assertThrows(IllegalArgumentException.class, () -> count(l, Design.SWIS_SS, shortArr));
        assertThrows(IllegalArgumentException.class, () -> ShiftProfile.uniform(9));
        assertThrows(IllegalArgumentException.class, () -> ShiftProfile.mix(0.5));
    }

    @Test
    void pragmaticWaitsForTheSlowestLane() {
        double[] p = new double[9];
        p[0] = 0.5;
        p[2] = 0.5;
        OperandStatistics.PopcountHistogram h = new OperandStatistics.PopcountHistogram(p);
        // two lanes: both zero (1/4) -> 1 cycle, else 2 cycles
        assertEquals(1.75, h.expectedMaxSteps(2), 1e-12);
        assertEquals(1.0, OperandStatistics.PopcountHistogram.zeroOrUniform(1.0).expectedMaxSteps(32), 1e-12);
        double[] all = new double[9];
        all[8] = 1;
        assertEquals(8.0, new OperandStatistics.PopcountHistogram(all).expectedMaxSteps(5), 1e-12);
        OperandStatistics.PopcountHistogram real = OperandStatistics.PopcountHistogram.ofValues(new int[] {0, 3, -7, 1});
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25, 0, 0, 0, 0, 0}, real.probability(), 1e-12);
        // more lanes in lock-step never make a step shorter
        OperandStatistics.PopcountHistogram d = OperandStatistics.PopcountHistogram.zeroOrUniform(0.5);
        assertTrue(d.expectedMaxSteps(32) > d.expectedMaxSteps(4));
        assertThrows(IllegalArgumentException.class, () -> new OperandStatistics.PopcountHistogram(new double[9]));
    }

    @Test
    void pragmaticLayerCyclesUseExpectedSteps() {
        Layer l = Layer.dense("l", 8, 8, 3, 3, 16, 8, 1, 1);
        double steps = OperandStatistics.PopcountHistogram.zeroOrUniform(0.5).expectedMaxSteps(8 * 4);
        LayerCounts c = count(l, Design.PRAGMATIC, ShiftProfile.uniform(1));
        long v = 9 * 4;
        assertEquals(8 * (long) Math.ceil(steps * (v + 14)) - 1, c.cycles());
    }

    @Test
    void pragmaticOnWeightsLockStepsTheColumns() {
        Layer l = Layer.dense("l", 8, 8, 3, 3, 16, 8, 1, 1);
        double[] p = new double[9];
        p[1] = 0.5;
        p[3] = 0.5;
        OperandStatistics.PopcountHistogram h = new OperandStatistics.PopcountHistogram(p);
        OperandStatistics w = new OperandStatistics(OperandStatistics.SerialOperand.WEIGHTS, h, Map.of(), 8);
        ArrayConfig narrow = CFG.withArray(8, 1);
        // C*M = 4 lanes in lock-step: all four at popcount 1 with probability 1/16, else 3 steps
        double steps = 1.0 / 16 + 3 * 15.0 / 16;
        assertEquals(steps, CountingModel.count(l, Design.PRAGMATIC, ShiftProfile.uniform(1), narrow, w)
                .stepsPerVector(), 1e-12);
        // a layer-specific histogram overrides the default
        double[] zero = new double[9];
        zero[0] = 1;
        OperandStatistics w2 = w.withLayer("l", new OperandStatistics.PopcountHistogram(zero));
        assertEquals(1.0, CountingModel.count(l, Design.PRAGMATIC, ShiftProfile.uniform(1), narrow, w2)
                .stepsPerVector(), 1e-12);
    }
}
