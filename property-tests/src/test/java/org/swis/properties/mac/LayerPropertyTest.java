package org.swis.properties.mac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.swis.properties.DeepTries;
import org.swis.reference.baseline.ActivationTruncation;
import org.swis.reference.baseline.WeightTruncation;
import org.swis.reference.layer.Conv2d;
import org.swis.reference.layer.Conv2dParams;
import org.swis.reference.layer.IntegerWeights;
import org.swis.reference.layer.LayerResult;
import org.swis.reference.layer.LayerWeights;
import org.swis.reference.layer.LinearLayer;
import org.swis.reference.layer.PlainLayers;
import org.swis.reference.mac.AccumulatorWidths;
import org.swis.reference.mac.ActivationType;
import org.swis.reference.mac.CycleCounts;
import org.swis.reference.mac.MacConfig;
import org.swis.reference.mac.Overflow;
import org.swis.reference.mac.PeMode;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.DecomposedTensor;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.GroupLayout;
import org.swis.reference.swis.Scheme;
import org.swis.reference.tensor.QuantizedTensor;

/** Whole layers through the bit-serial PE against plain integer layers, im2col, closed-form cycles. */
@AddLifecycleHook(DeepTries.class)
class LayerPropertyTest {
    /** A linear layer: weights [out][in] (canonical = row-major), activations [in][batch], per-filter N. */
    record Linear(int out, int in, int m, Scheme scheme, int[] counts, int[] weights, ActivationType type,
                  int[][] activations, PeMode mode) {
    }

    static QuantizedTensor tensor(int filters, int channels, int kh, int kw, int[] canonical) {
        return IntegerWeights.tensor("w", filters, channels, kh, kw, canonical);
    }

    @Provide
    Arbitrary<Linear> linears() {
        Arbitrary<Integer> lengths = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 17)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 257)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(255, 256, 257)));
        return Combinators.combine(Arbitraries.integers().between(1, 3), lengths, Gen.groupSize(),
                Arbitraries.of(Scheme.values()), Gen.activationType(), Arbitraries.integers().between(1, 2), Gen.mode())
                .flatAs((out, in, m, scheme, type, batch, mode) -> Combinators.combine(
                        Arbitraries.integers().between(1, 8).array(int[].class).ofSize(out),
                        Gen.weights(out * in),
                        Gen.activations(type, in * batch)).as((counts, w, a) -> {
                            int[][] x = new int[in][batch];
                            for (int i = 0; i < in; i++) {
                                for (int b = 0; b < batch; b++) {
                                    x[i][b] = a[i * batch + b];
                                }
                            }
                            return new Linear(out, in, m, scheme, counts, w, type, x, mode);
                        }));
    }

    private static DecomposedTensor decompose(Linear l) {
        return Decomposer.decompose(tensor(l.out(), l.in(), 1, 1, l.weights()),
                new DecompositionConfig(l.scheme(), l.m(), Alpha.ONE), l.counts());
    }

    @Property(tries = 150)
    void gemmThroughTheMacEqualsPlainGemmOnDecodedWeightsWithClosedFormCycles(@ForAll("linears") Linear l) {
        DecomposedTensor d = decompose(l);
        LayerWeights w = LayerWeights.of(d);
        int[] decoded = w.decoded();
        QuantizedTensor rec = d.reconstructed();
        for (int i = 0; i < decoded.length; i++) {
            assertEquals(rec.value(i), decoded[i], "decoded weight " + i);
        }
        LayerResult r = LinearLayer.gemm(w, l.activations(), MacConfig.of(l.mode(), l.type()));
        assertArrayEquals(PlainLayers.gemm(decoded, l.out(), l.in(), l.activations()), r.outputs());
        int gpf = w.groupsPerFilter();
        assertEquals(l.in() == 1 ? 1 : (l.in() + l.m() - 1) / l.m(), gpf);
        assertEquals(CycleCounts.layer(l.counts(), gpf, l.mode(), l.activations()[0].length), r.layerCycles());
        for (int f = 0; f < l.out(); f++) {
            assertEquals(CycleCounts.perFilter(gpf, l.counts()[f], l.mode()), r.cyclesPerFilter()[f]);
        }
    }

    @Property(tries = 60)
    void perFilterNLayerEqualsUniformLayerWhenNIsUniform(@ForAll("linears") Linear l) {
        int n = l.counts()[0];
        int[] uniform = new int[l.out()];
        Arrays.fill(uniform, n);
        QuantizedTensor t = tensor(l.out(), l.in(), 1, 1, l.weights());
        DecompositionConfig cfg = new DecompositionConfig(l.scheme(), l.m(), Alpha.ONE);
        MacConfig c = MacConfig.of(l.mode(), l.type());
        LayerResult perFilter = LinearLayer.gemm(LayerWeights.of(Decomposer.decompose(t, cfg, uniform)), l.activations(), c);
        LayerResult single = LinearLayer.gemm(LayerWeights.of(Decomposer.decompose(t, cfg, n)), l.activations(), c);
        assertArrayEquals(single.outputs(), perFilter.outputs());
        assertEquals(single.layerCycles(), perFilter.layerCycles());
    }

    @Property(tries = 150)
    void ssAndDsLayersAgreeInValueAndDsNeverTakesMoreCycles(@ForAll("linears") Linear l) {
        LayerWeights w = LayerWeights.of(decompose(l));
        LayerResult ss = LinearLayer.gemm(w, l.activations(), MacConfig.of(PeMode.SS, l.type()));
        LayerResult ds = LinearLayer.gemm(w, l.activations(), MacConfig.of(PeMode.DS, l.type()));
        assertArrayEquals(ss.outputs(), ds.outputs());
        assertEquals(true, ds.layerCycles() <= ss.layerCycles());
    }

    @Property(tries = 150)
    void outputAccumulatorOverflowIsReportedExactlyWhenARunningSumLeavesTheWidth(
            @ForAll("linears") Linear l, @ForAll("outputBits") int bits) {
        LayerWeights w = LayerWeights.of(decompose(l));
        int[] decoded = w.decoded();
        GroupLayout layout = w.layout();
        int batch = l.activations()[0].length;
        List<String> expected = new ArrayList<>();
        for (int f = 0; f < l.out(); f++) {
            for (int b = 0; b < batch; b++) {
                long run = 0;
                for (int g = 0; g < layout.groupsPerFilter(); g++) {
                    for (int i = 0; i < layout.m(); i++) {
                        int e = layout.element(g, i);
                        if (e != GroupLayout.PAD) {
                            run += (long) decoded[f * l.in() + e] * l.activations()[e][b];
                        }
                    }
                    if (run < -(1L << (bits - 1)) || run >= 1L << (bits - 1)) {
                        expected.add((f * batch + b) + "/" + g + "=" + run);
                    }
                }
            }
        }
        MacConfig c = MacConfig.of(l.mode(), l.type()).withWidths(new AccumulatorWidths(64, 64, 64, bits));
        List<String> got = new ArrayList<>();
        for (Overflow o : LinearLayer.gemm(w, l.activations(), c).overflows()) {
            assertEquals(Overflow.Stage.OUTPUT_ACCUMULATOR, o.stage());
            got.add(o.output() + "/" + o.group() + "=" + o.value());
        }
        got.sort(null);
        expected.sort(null);
        assertEquals(expected, got);
    }

    @Provide
    Arbitrary<Integer> outputBits() {
        return Arbitraries.integers().between(2, 26);
    }

    @Property(tries = 80)
    void truncationBaselinesEqualPlainGemmAndTakeNBitsPassesPerGroup(@ForAll("linears") Linear l,
                                                                     @ForAll("bitsArb") int bits) {
        QuantizedTensor t = tensor(l.out(), l.in(), 1, 1, l.weights());
        // Weight truncation: N-bit window, one pass per kept bit.
        WeightTruncation.Result tr = WeightTruncation.apply(t, bits, WeightTruncation.WindowRule.MIN_SSE);
        LayerWeights wt = LayerWeights.weightTruncation(t, l.m(), tr);
        LayerResult r = LinearLayer.gemm(wt, l.activations(), MacConfig.of(PeMode.SS, l.type()));
        int[] truncatedWeights = new int[t.size()];
        for (int i = 0; i < truncatedWeights.length; i++) {
            truncatedWeights[i] = tr.truncated().value(i);
        }
        assertArrayEquals(PlainLayers.gemm(truncatedWeights, l.out(), l.in(), l.activations()), r.outputs());
        int batch = l.activations()[0].length;
        assertEquals(CycleCounts.truncationLayer(l.out(), wt.groupsPerFilter(), bits, batch), r.layerCycles());
        // Activation truncation (Stripes-like, activation-serial, uint8): full 8-bit weights, truncated activations.
        int[][] unsigned = new int[l.in()][batch];
        int[][] truncated = new int[l.in()][batch];
        for (int i = 0; i < l.in(); i++) {
            for (int b = 0; b < batch; b++) {
                unsigned[i][b] = l.activations()[i][b] & 0xFF;
                truncated[i][b] = ActivationTruncation.truncate(unsigned[i][b], bits);
            }
        }
        LayerWeights full = LayerWeights.full8(t, l.m());
        LayerResult at = LinearLayer.gemm(full, unsigned,
                new MacConfig(PeMode.SS, ActivationType.UINT8, AccumulatorWidths.exact(), bits, false));
        assertArrayEquals(PlainLayers.gemm(l.weights(), l.out(), l.in(), truncated), at.outputs());
        assertEquals(CycleCounts.truncationLayer(l.out(), full.groupsPerFilter(), bits, batch), at.layerCycles());
    }

    @Provide
    Arbitrary<Integer> bitsArb() {
        return Arbitraries.integers().between(1, 8);
    }

    /** A small convolution: any geometry, groups (depthwise when one channel per group), per-filter N. */
    record Conv(int filters, int channels, int kh, int kw, Conv2dParams p, int m, Scheme scheme, int[] counts,
                int[] weights, ActivationType type, int[][][][] x, PeMode mode) {
    }

    @Provide
    Arbitrary<Conv> convs() {
        Arbitrary<Conv2dParams> params = Combinators.combine(Arbitraries.integers().between(1, 2),
                Arbitraries.integers().between(1, 2), Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 2), Arbitraries.integers().between(1, 2), Arbitraries.integers().between(1, 3))
                .as(Conv2dParams::new);
        return Combinators.combine(params, Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 5),
                Arbitraries.integers().between(1, 3), Arbitraries.integers().between(1, 3), Gen.groupSize(),
                Arbitraries.of(Scheme.values()), Gen.activationType()).flatAs((p, perGroup, channels, kh, kw, m, scheme, type) -> {
                    int filters = perGroup * p.groups();
                    int cin = channels * p.groups();
                    return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3),
                            Arbitraries.integers().between(1, 2), Gen.mode(),
                            Arbitraries.integers().between(1, 8).array(int[].class).ofSize(filters),
                            Gen.weights(filters * kh * kw * channels)).flatAs((eh, ew, n, mode, counts, w) -> {
                                int h = Math.max(1, (kh - 1) * p.dilationH() + 1 - 2 * p.padH()) + eh;
                                int wd = Math.max(1, (kw - 1) * p.dilationW() + 1 - 2 * p.padW()) + ew;
                                return Gen.activations(type, n * cin * h * wd).map(a -> {
                                    int[][][][] x = new int[n][cin][h][wd];
                                    int k = 0;
                                    for (int[][][] b : x) for (int[][] c : b) for (int[] r : c) for (int i = 0; i < r.length; i++) r[i] = a[k++];
                                    return new Conv(filters, channels, kh, kw, p, m, scheme, counts, w, type, x, mode);
                                });
                            });
                });
    }

    @Property(tries = 150)
    void convolutionThroughTheMacEqualsIm2colGemmAndTheDirectLoop(@ForAll("convs") Conv c) {
        QuantizedTensor t = tensor(c.filters(), c.channels(), c.kh(), c.kw(), c.weights());
        LayerWeights w = LayerWeights.of(Decomposer.decompose(t, new DecompositionConfig(c.scheme(), c.m(), Alpha.ONE), c.counts()));
        LayerResult r = Conv2d.forward(w, c.x(), c.p(), MacConfig.of(c.mode(), c.type()));
        int[] decoded = w.decoded();
        assertArrayEquals(PlainLayers.conv2d(decoded, c.filters(), c.channels(), c.kh(), c.kw(), c.x(), c.p()), r.outputs());
        // im2col: per image and conv group, the GEMM of the filters' canonical rows with the [tap][channel] columns.
        int per = c.kh() * c.kw() * c.channels();
        int perGroup = c.filters() / c.p().groups();
        int[] shape = r.shape();
        long[] y = r.outputs();
        for (int b = 0; b < c.x().length; b++) {
            for (int cg = 0; cg < c.p().groups(); cg++) {
                int[][] cols = Conv2d.im2col(c.x(), b, cg, c.channels(), c.kh(), c.kw(), c.p());
                int[] rows = Arrays.copyOfRange(decoded, cg * perGroup * per, (cg + 1) * perGroup * per);
                long[] gemm = PlainLayers.gemm(rows, perGroup, per, cols);
                int pixels = shape[2] * shape[3];
                for (int f = 0; f < perGroup; f++) {
                    for (int px = 0; px < pixels; px++) {
                        assertEquals(gemm[f * pixels + px], y[((b * c.filters() + cg * perGroup + f) * pixels) + px]);
                    }
                }
            }
        }
        long positions = (long) shape[0] * shape[2] * shape[3];
        assertEquals(CycleCounts.layer(c.counts(), w.groupsPerFilter(), c.mode(), positions), r.layerCycles());
    }
}
