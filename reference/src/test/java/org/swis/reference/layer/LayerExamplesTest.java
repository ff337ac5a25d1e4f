package org.swis.reference.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.swis.reference.SwisInputException;
import org.swis.reference.baseline.WeightTruncation;
import org.swis.reference.encode.GroupStreamCodec;
import org.swis.reference.mac.AccumulatorWidths;
import org.swis.reference.mac.ActivationType;
import org.swis.reference.mac.MacConfig;
import org.swis.reference.mac.Overflow;
import org.swis.reference.mac.PeMode;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.DecomposedTensor;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.Scheme;
import org.swis.reference.tensor.QuantizedTensor;

class LayerExamplesTest {
    private static QuantizedTensor tensor(int filters, int channels, int kh, int kw, int... canonical) {
        return IntegerWeights.tensor("w", filters, channels, kh, kw, canonical);
    }

    private static LayerWeights exact(QuantizedTensor t, int m) {
        return LayerWeights.of(Decomposer.decompose(t, new DecompositionConfig(Scheme.SWIS, m, Alpha.ONE), 8));
    }

    @Test
    void gemmByHand() {
        // W = [[1, -2, 3], [0, 255, -255]], X = [[1, 2], [3, 4], [5, 6]].
        LayerWeights w = exact(tensor(2, 3, 1, 1, 1, -2, 3, 0, 255, -255), 2);
        LayerResult r = LinearLayer.gemm(w, new int[][] {{1, 2}, {3, 4}, {5, 6}}, MacConfig.of(PeMode.SS, ActivationType.UINT8));
        assertArrayEquals(new long[] {10, 12, -510, -510}, r.outputs());
        assertArrayEquals(new int[] {2, 2}, r.shape());
        // 2 groups per filter (3 channels, M = 2, one padded slot), 8 cycles each on SS.
        assertArrayEquals(new long[] {16, 16}, r.cyclesPerFilter());
        assertEquals(64, r.layerCycles());
        LayerResult ds = LinearLayer.gemm(w, new int[][] {{1, 2}, {3, 4}, {5, 6}}, MacConfig.of(PeMode.DS, ActivationType.UINT8));
        assertEquals(32, ds.layerCycles());
    }

    @Test
    void depthwiseGroupsAlongTapsByHand() {
        // One channel, 3x3 input 1..9, 2x2 kernel of ones (N = 1 represents 1 exactly); M = 4 covers the 4 taps.
        LayerWeights w = LayerWeights.of(Decomposer.decompose(tensor(1, 1, 2, 2, 1, 1, 1, 1),
                new DecompositionConfig(Scheme.SWIS, 4, Alpha.ONE), 1));
        assertTrue(w.layout().alongTaps());
        assertEquals(1, w.groupsPerFilter());
        int[][][][] x = {{{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}}};
        LayerResult r = Conv2d.forward(w, x, new Conv2dParams(1, 1, 0, 0, 1, 1, 1), MacConfig.of(PeMode.SS, ActivationType.UINT8));
        assertArrayEquals(new long[] {12, 16, 24, 28}, r.outputs());
    }

    @Test
    void paddingIsZeroAndStrideDilationMatchTheDirectLoop() {
        // 3x3 ones kernel, pad 1 on a 2x2 all-ones image: every output sees the 4 pixels.
        LayerWeights ones = exact(tensor(1, 1, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1), 4);
        LayerResult r = Conv2d.forward(ones, new int[][][][] {{{{1, 1}, {1, 1}}}}, new Conv2dParams(1, 1, 1, 1, 1, 1, 1),
                MacConfig.of(PeMode.DS, ActivationType.UINT8));
        assertArrayEquals(new long[] {4, 4, 4, 4}, r.outputs());

        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        int[] wv = new int[4 * 3 * 3 * 3];
        for (int i = 0; i < wv.length; i++) {
            wv[i] = rnd.nextInt(511) - 255;
        }
        QuantizedTensor t = tensor(4, 3, 3, 3, wv);
        int[][][][] x = new int[2][6][7][6];
        for (int[][][] a : x) for (int[][] b : a) for (int[] c : b) for (int i = 0; i < c.length; i++) c[i] = rnd.nextInt(256) - 128;
        Conv2dParams p = new Conv2dParams(2, 1, 1, 2, 2, 1, 2);
        DecomposedTensor d = Decomposer.decompose(t, new DecompositionConfig(Scheme.SWIS_C, 4, Alpha.ONE), 3);
        LayerWeights w = LayerWeights.of(d);
        LayerResult got = Conv2d.forward(w, x, p, MacConfig.of(PeMode.DS, ActivationType.INT8));
        assertArrayEquals(PlainLayers.conv2d(w.decoded(), 4, 3, 3, 3, x, p), got.outputs());
        // The same weights through the packed stream give the same layer.
        LayerWeights back = LayerWeights.decode(GroupStreamCodec.encode(d), 3, 3, 3);
        assertArrayEquals(got.outputs(), Conv2d.forward(back, x, p, MacConfig.of(PeMode.SS, ActivationType.INT8)).outputs());
    }

    @Test
    void weightTruncationCodesDecodeToTheBaseline() {
        QuantizedTensor t = tensor(2, 3, 1, 1, 200, -37, 5, 255, 0, -129);
        WeightTruncation.Result r = WeightTruncation.apply(t, 3, WeightTruncation.WindowRule.MIN_SSE);
        LayerWeights w = LayerWeights.weightTruncation(t, 4, r);
        for (int i = 0; i < t.size(); i++) {
            assertEquals(r.truncated().value(i), w.decoded()[i]);
        }
    }

    @Test
    void outputAccumulatorOverflowIsReportedPerOutput() {
        // 4 inputs of 255 x weight 255 = 260100 per output; a 19-bit output accumulator holds up to 262143,
        // but after 5 inputs (325125) it does not.
        LayerWeights w = exact(tensor(1, 5, 1, 1, 255, 255, 255, 255, 255), 4);
        MacConfig c = MacConfig.of(PeMode.DS, ActivationType.UINT8).withWidths(new AccumulatorWidths(64, 64, 64, 19));
        LayerResult r = LinearLayer.gemm(w, new int[][] {{255}, {255}, {255}, {255}, {255}}, c);
        assertEquals(325125, r.outputs()[0]);
        assertEquals(1, r.overflows().size());
        Overflow o = r.overflows().get(0);
        assertEquals(Overflow.Stage.OUTPUT_ACCUMULATOR, o.stage());
        assertEquals(1, o.group());
        assertEquals(325125, o.value());
    }

    @Test
    void badShapesNameTheField() {
        LayerWeights w = exact(tensor(2, 3, 1, 1, 1, 2, 3, 4, 5, 6), 2);
        assertEquals("activations.rows", assertThrows(SwisInputException.class,
                () -> LinearLayer.gemm(w, new int[][] {{1}, {2}}, MacConfig.of(PeMode.SS, ActivationType.UINT8))).field());
        assertEquals("groups", assertThrows(SwisInputException.class,
                () -> Conv2d.forward(w, new int[][][][] {{{{1}}, {{1}}, {{1}}}}, new Conv2dParams(1, 1, 0, 0, 1, 1, 3),
                        MacConfig.of(PeMode.SS, ActivationType.UINT8))).field());
        LayerWeights one = exact(tensor(1, 1, 1, 1, 1), 1);
        // Stride 2 never reads pixel (0, 1), but it is still checked.
        assertEquals("activations[0][0][0][1]", assertThrows(SwisInputException.class,
                () -> Conv2d.forward(one, new int[][][][] {{{{1, 300}}}}, new Conv2dParams(2, 2, 0, 0, 1, 1, 1),
                        MacConfig.of(PeMode.SS, ActivationType.UINT8))).field());
        assertEquals("output height", assertThrows(SwisInputException.class,
                () -> new Conv2dParams(1, 1, 0, 0, 1, 1, 1).outH(2, 3)).field());
    }
}
