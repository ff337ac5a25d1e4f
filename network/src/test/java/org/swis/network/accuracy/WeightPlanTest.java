package org.swis.network.accuracy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.swis.io.graph.Activation;
import org.swis.io.graph.Graph;
import org.swis.io.graph.NetworkModel;
import org.swis.io.graph.Node;
import org.swis.kernels.KernelRegistry;
import org.swis.network.accuracy.Method.Family;
import org.swis.network.accuracy.Method.Schedule;
import org.swis.network.infer.IntegerLayer;
import org.swis.reference.baseline.WeightTruncation;
import org.swis.reference.demo.SyntheticLayer;
import org.swis.reference.layer.LayerWeights;
import org.swis.reference.schedule.FilterScheduler;
import org.swis.reference.schedule.ScheduleConfig;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.Scheme;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.Quantizer;
import org.swis.reference.tensor.QuantizerConfig;
import org.swis.reference.tensor.WeightTensor;

/** The weight plans against the reference's own decomposition, scheduler and storage rules. */
class WeightPlanTest {
    /** conv a: 24 filters x 6 channels x 3x3 (partial groups at M = 4); linear b: 10 x 24. */
    static final WeightTensor A = SyntheticLayer.laplace("a", 24, 6, 3, 0.05, 7);
    static final WeightTensor B = SyntheticLayer.laplace("b", 10, 24, 1, 0.1, 8);
    static final WeightPlan.Options OPTIONS = new WeightPlan.Options(4, Alpha.ONE, KernelRegistry.fastestDecomposer(), 1);

    static NetworkModel model() {
        return model(A, B);
    }

    /** input -> conv (3x3, pad 1, relu) -> global average pool -> flatten -> linear, on a 4x4 input. */
    static NetworkModel model(WeightTensor conv, WeightTensor linear) {
        int c = conv.channels();
        int f = conv.filters();
        double[] zero = new double[c];
        double[] one = new double[c];
        java.util.Arrays.fill(one, 1);
        Graph.Preprocess pre = new Graph.Preprocess(0, 0, 0, 0, 1, zero, one);
        Node cn = new Node.Conv2d(conv.name(), List.of("input"), conv.name(), new int[] {4, 4, f}, conv.name(), "OHWI", null,
                new int[] {1, 1}, new int[] {1, 1, 1, 1}, new int[] {1, 1}, 1, null, Activation.RELU);
        Node pool = new Node.GlobalAvgPool("pool", List.of(conv.name()), "pool", new int[] {1, 1, f});
        Node flat = new Node.Flatten("flat", List.of("pool"), "flat", new int[] {f});
        Node lin = new Node.Linear(linear.name(), List.of("flat"), linear.name(), new int[] {linear.filters()}, linear.name(), "OI",
                null, Activation.NONE);
        Graph g = new Graph("t", new Graph.Input("input", 4, 4, c, pre), List.of(cn, pool, flat, lin), linear.name(),
                linear.filters(), 0);
        return new NetworkModel(g, Map.of(conv.name(), conv, linear.name(), linear), Map.of(), Map.of());
    }

    static QuantizedTensor int8(WeightTensor w) {
        return Quantizer.quantize(w, QuantizerConfig.DEFAULT);
    }

    /** conv d: 8 single-channel filters 3x3 (one input channel, SPEC 2.3); linear e: 10 x 8. */
    static final WeightTensor D = SyntheticLayer.laplace("d", 8, 1, 3, 0.05, 11);
    static final WeightTensor E = SyntheticLayer.laplace("e", 10, 8, 1, 0.1, 12);

    @Test
    void singleChannelFiltersTakeTheirOwnGroupSize() {
        WeightPlan.Options one = new WeightPlan.Options(4, Alpha.ONE, KernelRegistry.fastestDecomposer(), 1, 1);
        WeightPlan p = WeightPlan.of(model(D, E), Method.of(Family.SWIS, 3, false), n -> true, one);
        // groups of one weight: SWIS with 3 shifts keeps every magnitude of at most three set bits exactly
        QuantizedTensor q = int8(D);
        int[] got = p.layers().get("d").weights().decoded();
        int exact = 0;
        for (int i = 0; i < got.length; i++) {
            int w = (q.negatives()[i] ? -1 : 1) * q.magnitudes()[i];
            if (Integer.bitCount(q.magnitudes()[i]) <= 3) {
                assertEquals(w, got[i], "weight " + i);
                exact++;
            }
        }
        assertEquals(true, exact > 40, exact + " weights of at most three bits");
        assertArrayEquals(LayerWeights.of(Decomposer.decompose(q, new DecompositionConfig(Scheme.SWIS, 1, Alpha.ONE), 3)).decoded(),
                got);
        // the linear layer has 8 channels: still groups of M = 4
        assertArrayEquals(LayerWeights.of(Decomposer.decompose(int8(E), new DecompositionConfig(Scheme.SWIS, 4, Alpha.ONE), 3))
                .decoded(), p.layers().get("e").weights().decoded());
        // stored bits (SPEC 4.1): 72 one-weight groups of 3N + 1 + N bits, 20 groups of 3N + 4 + 4N
        double bits = (72.0 * (9 + 1 + 3) + 20.0 * (9 + 4 + 12)) / (D.size() + E.size());
        assertEquals(bits, p.bitsPerWeight(), 1e-12);
        // the default groups 4 taps (SPEC 2.3): the plan differs from the one-weight plan on this layer
        WeightPlan taps = WeightPlan.of(model(D, E), Method.of(Family.SWIS, 3, false), n -> true, OPTIONS);
        assertArrayEquals(LayerWeights.of(Decomposer.decompose(q, new DecompositionConfig(Scheme.SWIS, 4, Alpha.ONE), 3)).decoded(),
                taps.layers().get("d").weights().decoded());
        assertEquals(false, java.util.Arrays.equals(got, taps.layers().get("d").weights().decoded()));
    }

    @Test
    void unscheduledSwisEqualsTheReferenceDecomposition() {
        for (Family f : new Family[] {Family.SWIS, Family.SWIS_C}) {
            WeightPlan p = WeightPlan.of(model(), Method.of(f, 3, false), n -> true, OPTIONS);
            Scheme s = f == Family.SWIS ? Scheme.SWIS : Scheme.SWIS_C;
            for (WeightTensor w : List.of(A, B)) {
                LayerWeights expected = LayerWeights.of(Decomposer.decompose(int8(w), new DecompositionConfig(s, 4, Alpha.ONE), 3));
                assertArrayEquals(expected.decoded(), p.layers().get(w.name()).weights().decoded(), f + " " + w.name());
            }
            // Stored bits: every group of a filter stores 3N + M + MN bits (SWIS) or 3 + M + MN (SWIS-C), SPEC §4.1.
            long groupsA = 24L * 9 * 2;
            long groupsB = 10L * 6;
            long perGroup = f == Family.SWIS ? 3 * 3 + 4 + 4 * 3 : 3 + 4 + 4 * 3;
            double bits = (double) (groupsA + groupsB) * perGroup / (A.size() + B.size());
            assertEquals(bits, p.bitsPerWeight(), 1e-12);
            assertEquals(3.0, p.serialPasses(), 1e-12);
        }
    }

    @Test
    void scheduledShiftsEqualTheReferenceScheduler() {
        for (Schedule sch : new Schedule[] {Schedule.SS, Schedule.DS}) {
            for (int columns : new int[] {4, 8}) {
                Method m = Method.scheduled(Family.SWIS, 2.5, sch, columns, false);
                WeightPlan p = WeightPlan.of(model(), m, n -> true, OPTIONS);
                for (WeightTensor w : List.of(A, B)) {
                    QuantizedTensor q = int8(w);
                    DecompositionConfig cfg = new DecompositionConfig(Scheme.SWIS, 4, Alpha.ONE);
                    ScheduleConfig sc = new ScheduleConfig(2.5, columns, 1, 0);
                    int[] expected = (sch == Schedule.DS ? FilterScheduler.scheduleDoubleShift(q, cfg, sc)
                            : FilterScheduler.schedule(q, cfg, sc)).shiftsPerFilter();
                    IntegerLayer l = p.layers().get(w.name());
                    assertArrayEquals(expected, l.weights().shiftsPerFilter(), m.id() + " " + w.name());
                    assertArrayEquals(LayerWeights.of(Decomposer.decompose(q, cfg, expected)).decoded(), l.weights().decoded());
                }
            }
        }
    }

    @Test
    void baselinesUseTheReferenceRules() {
        WeightPlan t = WeightPlan.of(model(), Method.of(Family.WEIGHT_TRUNC, 3, false), n -> true, OPTIONS);
        QuantizedTensor q = int8(A);
        WeightTruncation.Result r = WeightTruncation.apply(q, 3, WeightTruncation.WindowRule.MIN_SSE);
        int[] expected = new int[q.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = r.truncated().negative(i) ? -r.truncated().magnitude(i) : r.truncated().magnitude(i);
        }
        assertArrayEquals(expected, t.layers().get("a").weights().decoded());
        assertEquals(4.0, t.bitsPerWeight(), 1e-12);

        // Activation truncation keeps the int8 weights and truncates only uint8 inputs: b bits where unsigned, 8 elsewhere.
        WeightPlan a = WeightPlan.of(model(), Method.of(Family.ACT_TRUNC, 5, false), n -> n.equals("b"), OPTIONS);
        assertEquals(8, a.layers().get("a").activationBits());
        assertEquals(5, a.layers().get("b").activationBits());
        assertEquals((8.0 * A.size() + 5.0 * B.size()) / (A.size() + B.size()), a.serialPasses(), 1e-12);

        // int8: the per-tensor scale of every filter, |w| <= 127.
        WeightPlan i8 = WeightPlan.of(model(), Method.int8(false), n -> true, OPTIONS);
        double s = q.scale(0);
        for (double f : i8.layers().get("a").filterScale()) {
            assertEquals(s, f);
        }
        for (int v : i8.layers().get("a").weights().decoded()) {
            assertEquals(true, Math.abs(v) <= 127);
        }
    }

    @Test
    void givenInt8WeightsAreTakenAsTheyAre() {
        NetworkModel m = model();
        QuantizedTensor given = Quantizer.quantize(A, new QuantizerConfig(QuantizerConfig.Granularity.PER_CHANNEL,
                QuantizerConfig.MagnitudeRange.INT8));
        NetworkModel withInt8 = new NetworkModel(m.graph(), m.weights(), Map.of("a", given), m.aux());
        WeightPlan p = WeightPlan.of(withInt8, Method.int8(false), n -> true, OPTIONS);
        for (int f = 0; f < A.filters(); f++) {
            assertEquals(given.scale(f), p.layers().get("a").filterScale()[f]);
        }
        int[] expected = new int[given.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = given.negative(i) ? -given.magnitude(i) : given.magnitude(i);
        }
        assertArrayEquals(expected, p.layers().get("a").weights().decoded());
    }

    @Test
    void methodIdsRoundTrip() {
        for (String name : MethodGrid.NAMES) {
            for (Method m : MethodGrid.of(name)) {
                assertEquals(m, Method.parse(m.id()), m.id());
            }
        }
        assertEquals("swis-c:3.5:ds:16+w", Method.scheduled(Family.SWIS_C, 3.5, Schedule.DS, 16, true).id());
    }
}
