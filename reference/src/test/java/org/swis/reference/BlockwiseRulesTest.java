package org.swis.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.swis.reference.baseline.WeightTruncation;
import org.swis.reference.metrics.ErrorMetrics;
import org.swis.reference.tensor.FilterShape;
import org.swis.reference.tensor.Layout;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.Quantizer;
import org.swis.reference.tensor.QuantizerConfig;
import org.swis.reference.tensor.WeightTensor;

/**
 * The rules a block-at-a-time encoder relies on: a tensor processed in blocks of whole filters, with
 * the whole tensor's scales, gives exactly what the whole-tensor reference gives.
 */
class BlockwiseRulesTest {
    private static final Random RANDOM = new Random(2021);

    /** The layout rule written out once more as explicit loops per layout, independent of {@link Layout#sourceStrides}. */
    private static float canonicalByLoops(Layout layout, float[] data, int[] s, int f, int y, int x, int ch) {
        return switch (layout) {
            case OIHW -> data[((f * s[1] + ch) * s[2] + y) * s[3] + x];
            case OHWI -> data[((f * s[1] + y) * s[2] + x) * s[3] + ch];
            case HWIO -> data[((y * s[1] + x) * s[2] + ch) * s[3] + f];
            case HWCM -> data[((y * s[1] + x) * s[2] + f / s[3]) * s[3] + f % s[3]];
            case ONE_HWC -> data[(y * s[2] + x) * s[3] + f];
            case OI -> data[f * s[1] + ch];
            case IO -> data[ch * s[1] + f];
        };
    }

    @Test
    void everyLayoutMapsToCanonicalOrderAsTheExplicitLoopsDo() {
        for (Layout layout : Layout.values()) {
            for (int trial = 0; trial < 20; trial++) {
                int[] shape = new int[layout.rank()];
                int count = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = layout == Layout.ONE_HWC && i == 0 ? 1 : 1 + RANDOM.nextInt(6);
                    count *= shape[i];
                }
                float[] data = new float[count];
                for (int i = 0; i < count; i++) {
                    data[i] = i;
                }
                WeightTensor t = WeightTensor.fromLayout("t", data, shape, layout);
                assertEquals(new FilterShape(t.filters(), t.channels(), t.kh(), t.kw()), layout.canonicalDims(shape),
                        layout.toString());
                int k = 0;
                for (int f = 0; f < t.filters(); f++)
                    for (int y = 0; y < t.kh(); y++)
                        for (int x = 0; x < t.kw(); x++)
                            for (int ch = 0; ch < t.channels(); ch++)
                                assertEquals(canonicalByLoops(layout, data, shape, f, y, x, ch), t.get(k++),
                                        layout + " " + Arrays.toString(shape) + " at " + f + "," + y + "," + x + "," + ch);
            }
        }
    }

    @Test
    void quantizingBlocksOfFiltersWithTheTensorScalesEqualsQuantizingTheTensor() {
        int filters = 9;
        int per = 2 * 3 * 5;
        float[] data = new float[filters * per];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (RANDOM.nextGaussian() * (1 + i / per));
        }
        WeightTensor w = new WeightTensor("w", filters, 5, 2, 3, data);
        for (QuantizerConfig.Granularity g : QuantizerConfig.Granularity.values()) {
            for (QuantizerConfig.MagnitudeRange r : QuantizerConfig.MagnitudeRange.values()) {
                QuantizedTensor whole = Quantizer.quantize(w, new QuantizerConfig(g, r));
                for (int block = 1; block <= filters; block++) {
                    for (int f0 = 0; f0 < filters; f0 += block) {
                        int f1 = Math.min(filters, f0 + block);
                        WeightTensor part = new WeightTensor("w", f1 - f0, 5, 2, 3,
                                Arrays.copyOfRange(data, f0 * per, f1 * per));
                        double[] scales = new double[f1 - f0];
                        for (int f = f0; f < f1; f++) {
                            scales[f - f0] = whole.scale(f);
                        }
                        QuantizedTensor q = Quantizer.quantize(part, scales, r);
                        for (int i = 0; i < q.size(); i++) {
                            assertEquals(whole.value(f0 * per + i), q.value(i), g + " " + r + " block " + block);
                        }
                    }
                }
            }
        }
    }

    @Test
    void errorMetricsAccumulatedPairByPairEqualTheWholeArrayMetricsBitForBit() {
        double[] ref = new double[1001];
        double[] approx = new double[ref.length];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = RANDOM.nextGaussian();
            approx[i] = ref[i] + RANDOM.nextGaussian() * 1e-3;
        }
        ErrorMetrics.Accumulator a = new ErrorMetrics.Accumulator();
        for (int i = 0; i < ref.length; i++) {
            a.add(ref[i], approx[i]);
        }
        ErrorMetrics expected = ErrorMetrics.of(ref, approx);
        assertEquals(expected, a.result());
        // the independent definition: plain sums in index order
        double sq = 0;
        for (int i = 0; i < ref.length; i++) {
            sq += (ref[i] - approx[i]) * (ref[i] - approx[i]);
        }
        assertEquals(sq, expected.squaredError(), 0);
    }

    @Test
    void minSseWindowFromTheHistogramIsTheWindowOfLeastPerWeightSquaredError() {
        for (int trial = 0; trial < 200; trial++) {
            int[] mags = new int[1 + RANDOM.nextInt(40)];
            long[] hist = new long[256];
            for (int i = 0; i < mags.length; i++) {
                mags[i] = RANDOM.nextInt(trial % 2 == 0 ? 256 : 40);
                hist[mags[i]]++;
            }
            for (int n = 1; n <= 8; n++) {
                int best = -1;
                long bestSse = Long.MAX_VALUE;
                for (int lo = 0; lo + n <= 8; lo++) {
                    long sse = 0;
                    for (int u : mags) {
                        int top = (1 << n) - 1;
                        long e = u - ((long) Math.min(u >> lo, top) << lo);
                        sse += e * e;
                    }
                    if (sse < bestSse) {
                        bestSse = sse;
                        best = lo;
                    }
                }
                assertEquals(best, WeightTruncation.minSseWindow(hist, n), Arrays.toString(mags) + " N=" + n);
            }
        }
    }
}
