package org.swis.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.swis.reference.analysis.LosslessProbability;
import org.swis.reference.baseline.ActivationTruncation;
import org.swis.reference.baseline.UniformRtn;
import org.swis.reference.baseline.WeightTruncation;
import org.swis.reference.metrics.ErrorMetrics;
import org.swis.reference.swis.GroupLayout;
import org.swis.reference.tensor.Layout;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.Quantizer;
import org.swis.reference.tensor.QuantizerConfig;
import org.swis.reference.tensor.WeightTensor;

class TensorAndBaselineExamplesTest {

    @Test
    void quantizerRoundsHalfAwayFromZeroAndClamps() {
        // absmax 127 -> scale 1 (exact). 0.5 -> 1; -1.5 -> -2; 0.49 -> 0 (stored +0).
        float[] w = {127f, 0.5f, -1.5f, -0.49f};
        QuantizedTensor q = Quantizer.quantize(new WeightTensor("t", 1, 4, 1, 1, w), QuantizerConfig.DEFAULT);
        assertEquals(127, q.value(0));
        assertEquals(1, q.value(1));
        assertEquals(-2, q.value(2));
        assertEquals(0, q.value(3));
        assertFalse(q.negative(3));
        assertEquals(1.0, q.scale(0), 0);
    }

    @Test
    void perChannelScalesAreIndependentAndFullRangeUses255() {
        float[] w = {1f, -0.5f, 4f, 2f};
        QuantizedTensor q = Quantizer.quantize(new WeightTensor("t", 2, 2, 1, 1, w),
                new QuantizerConfig(QuantizerConfig.Granularity.PER_CHANNEL, QuantizerConfig.MagnitudeRange.FULL_8BIT));
        assertEquals(255, q.value(0));
        assertEquals(-128, q.value(1)); // 0.5 / (1/255) = 127.5 -> 128
        assertEquals(255, q.value(2));
        assertEquals(128, q.value(3));
    }

    @Test
    void int8InputIsTakenAsIs() {
        QuantizedTensor q = QuantizedTensor.fromInt8("t", new byte[] {-128, 127, 0, -1}, new int[] {1, 4}, Layout.OI,
                new double[] {0.5});
        assertEquals(128, q.magnitude(0));
        assertTrue(q.negative(0));
        assertEquals(-64.0, q.dequantize()[0], 0);
    }

    @Test
    void layoutsMapToCanonicalOhwi() {
        // OIHW (2,3,1,2): value = 100*o + 10*i + x. Canonical index ((o*1+0)*2+x)*3+i.
        float[] oihw = new float[12];
        for (int o = 0; o < 2; o++)
            for (int i = 0; i < 3; i++)
                for (int x = 0; x < 2; x++)
                    oihw[(o * 3 + i) * 2 + x] = 100 * o + 10 * i + x;
        WeightTensor t = WeightTensor.fromLayout("t", oihw, new int[] {2, 3, 1, 2}, Layout.OIHW);
        assertEquals(3, t.channels());
        assertEquals(121, t.get((1 * 2 + 1) * 3 + 2), 0);
        // HWIO (1,2,3,2): same values.
        float[] hwio = new float[12];
        for (int x = 0; x < 2; x++)
            for (int i = 0; i < 3; i++)
                for (int o = 0; o < 2; o++)
                    hwio[(x * 3 + i) * 2 + o] = 100 * o + 10 * i + x;
        assertArrayEquals(t.toArray(), WeightTensor.fromLayout("t", hwio, new int[] {1, 2, 3, 2}, Layout.HWIO).toArray());
        // HWCM (1,1,2,3): filter = c*3+m, one channel.
        WeightTensor dw = WeightTensor.fromLayout("dw", new float[] {0, 1, 2, 10, 11, 12}, new int[] {1, 1, 2, 3}, Layout.HWCM);
        assertEquals(6, dw.filters());
        assertEquals(1, dw.channels());
        assertEquals(11, dw.get(4), 0);
        // IO (3,2) dense: filter o reads in i.
        WeightTensor io = WeightTensor.fromLayout("d", new float[] {0, 100, 10, 110, 20, 120}, new int[] {3, 2}, Layout.IO);
        assertArrayEquals(new float[] {0, 10, 20, 100, 110, 120}, io.toArray());
    }

    @Test
    void groupsRunAlongChannelsWithPaddingOrAlongTapsForSingleChannelFilters() {
        GroupLayout conv = new GroupLayout(4, 6, 2); // 2 taps x ceil(6/4) = 4 groups
        assertEquals(4, conv.groupsPerFilter());
        assertEquals(4, conv.element(1, 0)); // tap 0, channel 4
        assertEquals(GroupLayout.PAD, conv.element(1, 2)); // channel 6 does not exist
        assertEquals(6, conv.element(2, 0)); // tap 1, channel 0 -> index 6
        assertEquals(2, conv.realSlots(3));
        GroupLayout depthwise = new GroupLayout(4, 1, 9); // ceil(9/4) = 3 groups along taps
        assertEquals(3, depthwise.groupsPerFilter());
        assertEquals(8, depthwise.element(2, 0));
        assertEquals(GroupLayout.PAD, depthwise.element(2, 1));
    }

    @Test
    void weightTruncationDropsLowBitsAndClipsHighOnes() {
        // window [2,3] (lo 2, N 2): 13 = 0b1101 -> floor(13/4)=3 -> 12; 100 -> min(25,3)=3 -> 12; 3 -> 0.
        assertEquals(12, WeightTruncation.truncate(13, 2, 2));
        assertEquals(12, WeightTruncation.truncate(100, 2, 2));
        assertEquals(0, WeightTruncation.truncate(3, 2, 2));
        QuantizedTensor q = QuantizedTensor.fromInt8("t", new byte[] {96, 64, 8, 4}, new int[] {1, 4}, Layout.OI, new double[] {1});
        // MAX_ABS: bitlength(96) = 7, N = 2 -> lo = 5: 96 -> 96, 64 -> 64, 8 -> 0, 4 -> 0.
        assertEquals(5, WeightTruncation.apply(q, 2, WeightTruncation.WindowRule.MAX_ABS).lo());
        // MIN_SSE over lo = 0..6: lo 5 -> errors (0,0,8,4) SSE 80; lo 4 -> 96->48, 64->48 (clip at 3*16), 8->0, 4->0:
        // SSE 2304+256+64+16; lo 6: 96->64, 64->64: SSE 1024+64+16; lower lo clip 96 by >= 72. lo 5 is the least.
        assertEquals(5, WeightTruncation.apply(q, 2, WeightTruncation.WindowRule.MIN_SSE).lo());
    }

    @Test
    void activationTruncationKeepsTheTopBits() {
        assertEquals(0b1010_0000, ActivationTruncation.truncate(0b1010_1111, 3));
        assertEquals(255, ActivationTruncation.truncate(255, 8));
    }

    @Test
    void rtnPerGroupChargesOneScalePerGroup() {
        // 1 filter, 8 channels, M = 4, k = 4 (Q = 7): 2 scales of 16 bits over 8 weights -> 4 + 4 = 8 bits/weight.
        float[] w = {7, 3.5f, -1, 0, 0.875f, 0.4375f, 0, -0.875f};
        UniformRtn.Result r = UniformRtn.quantize(new WeightTensor("t", 1, 8, 1, 1, w), 4, UniformRtn.Granularity.PER_GROUP, 4);
        assertEquals(8.0, r.bitsPerWeight(), 0);
        // group 0 scale 1: 3.5 -> 4 (half away); -1 -> -1. group 1 scale 0.875/7 = 0.125: 0.4375 -> 3.5 -> 4 -> 0.5.
        assertEquals(4.0, r.reconstruction()[1], 1e-12);
        assertEquals(-1.0, r.reconstruction()[2], 1e-12);
        assertEquals(0.5, r.reconstruction()[5], 0);
    }

    @Test
    void errorMetricsByHand() {
        ErrorMetrics e = ErrorMetrics.of(new double[] {1, 2, 3, 4}, new double[] {1, 1, 3, 6});
        // errors 0, 1, 0, -2: SSE 5, MSE 1.25, signed -1, max 2, signal 30 -> SQNR 10 log10(6)
        assertEquals(1.25, e.mse(), 0);
        assertEquals(-1, e.signedError(), 0);
        assertEquals(2, e.maxAbsError(), 0);
        assertEquals(10 * Math.log10(6), e.sqnrDb(), 1e-12);
        assertEquals(8, e.plus(e).count());
    }

    @Test
    void losslessProbabilitiesMatchThePaperTable() {
        // paper Eq. 8-10 evaluated by hand (SPEC §3.6): N = 2 -> 0.1445 / 0.0625 / 0.0156; N = 4 -> 0.6367 / 0.1875 / 0.0625.
        assertEquals(0.1445, LosslessProbability.swis(2), 5e-5);
        assertEquals(0.0625, LosslessProbability.swisC(2), 5e-5);
        assertEquals(0.0156, LosslessProbability.layerWise(2), 5e-5);
        assertEquals(0.6367, LosslessProbability.swis(4), 5e-5);
        assertEquals(0.1875, LosslessProbability.swisC(4), 5e-5);
        assertEquals(0.75, LosslessProbability.swisC(7), 0);
    }
}
