package org.swis.network.accuracy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.swis.io.graph.NetworkModel;
import org.swis.io.graph.Node;
import org.swis.kernels.DecomposeKernel;
import org.swis.kernels.SwisCodes;
import org.swis.network.encode.FilterCosts;
import org.swis.network.infer.IntegerLayer;
import org.swis.reference.baseline.UniformRtn;
import org.swis.reference.baseline.WeightTruncation;
import org.swis.reference.encode.GroupStreamCodec;
import org.swis.reference.layer.LayerWeights;
import org.swis.reference.schedule.FilterScheduler;
import org.swis.reference.schedule.ScheduleConfig;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.GroupCode;
import org.swis.reference.swis.GroupLayout;
import org.swis.reference.swis.Scheme;
import org.swis.reference.swis.SupportVector;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.Quantizer;
import org.swis.reference.tensor.QuantizerConfig;
import org.swis.reference.tensor.WeightTensor;

/**
 * The integer weights of every conv / linear node for one {@link Method} (SPEC §14.2), with the
 * stored bits per weight and the serial passes per weight the method costs.
 *
 * @param layers        per conv / linear node name
 * @param bitsPerWeight stored bits per weight over all conv / linear weights (SPEC §4.1, §5)
 * @param serialPasses  bit-serial passes per group, averaged over all weights (SPEC §10.4)
 */
public record WeightPlan(Map<String, IntegerLayer> layers, double bitsPerWeight, double serialPasses) {

    /**
     * Group size, MSE++ weight and the decomposer the plan uses.
     *
     * @param depthwiseM group size of single-channel filters (depthwise, or one input channel; {@code swis
     *                   accuracy --depthwise-m}): {@code m} groups their taps (SPEC §2.3); 1 gives every such
     *                   weight a group of its own, as a PE that takes one depthwise weight per group of M lanes
     *                   would (SPEC §14.2)
     */
    public record Options(int m, Alpha alpha, DecomposeKernel decomposer, int threads, int depthwiseM) {
        /** Single-channel filters grouped by M taps (SPEC §2.3). */
        public Options(int m, Alpha alpha, DecomposeKernel decomposer, int threads) {
            this(m, alpha, decomposer, threads, m);
        }
    }

    /**
     * @param unsignedInput whether a node's input activations are uint8 (activation truncation
     *                      applies only there; a signed input keeps 8 bits)
     */
    public static WeightPlan of(NetworkModel model, Method method, Predicate<String> unsignedInput, Options o) {
        return of(model, method, unsignedInput, o, new java.util.HashMap<>());
    }

    /**
     * As {@link #of(NetworkModel, Method, Predicate, Options)}, reusing the schedulers' cost tables
     * across methods: {@code costTables} maps (node, scheme) to the table of {@link FilterCosts}.
     */
    public static WeightPlan of(NetworkModel model, Method method, Predicate<String> unsignedInput, Options o,
                                Map<String, long[][]> costTables) {
        if (method.family() == Method.Family.FP32) {
            throw new IllegalArgumentException("fp32 has no integer weights");
        }
        Map<String, IntegerLayer> layers = new LinkedHashMap<>();
        double bits = 0;
        double passes = 0;
        long weights = 0;
        for (Node node : model.graph().nodes()) {
            if (!(node instanceof Node.Conv2d) && !(node instanceof Node.Linear)) {
                continue;
            }
            String name = node.name();
            WeightTensor w = model.weights().get(name);
            QuantizedTensor q = int8(model, name);
            Layer l = layer(name, w, q, method, unsignedInput.test(name), o, costTables);
            layers.put(name, l.layer);
            bits += l.bits;
            passes += l.passes;
            weights += w.size();
        }
        return new WeightPlan(layers, bits / weights, passes / weights);
    }

    /**
     * The INT8 tensor every method starts from (SPEC §14.2): the folder's int8 weights as given
     * (SPEC §1.3), else the float weights quantized per tensor with Q = 127 (SPEC §1.2, the paper's
     * layer-wise static INT8).
     */
    public static QuantizedTensor int8(NetworkModel model, String node) {
        QuantizedTensor given = model.int8().get(node);
        return given != null ? given : Quantizer.quantize(model.weights().get(node), QuantizerConfig.DEFAULT);
    }

    private record Layer(IntegerLayer layer, double bits, double passes) {
    }

    private static Layer layer(String name, WeightTensor w, QuantizedTensor q, Method method, boolean unsigned, Options o,
                               Map<String, long[][]> costTables) {
        int m = q.channels() == 1 ? o.depthwiseM() : o.m();
        double[] scales = new double[q.filters()];
        for (int f = 0; f < scales.length; f++) {
            scales[f] = q.scale(f);
        }
        long size = q.size();
        switch (method.family()) {
            case INT8 -> {
                return new Layer(new IntegerLayer(LayerWeights.full8(q, m), scales, 8), 8.0 * size, 8.0 * size);
            }
            case ACT_TRUNC -> {
                int b = (int) method.n();
                int bitsA = unsigned ? b : 8;
                return new Layer(new IntegerLayer(LayerWeights.full8(q, m), scales, bitsA), 8.0 * size, (double) bitsA * size);
            }
            case WEIGHT_TRUNC -> {
                int n = (int) method.n();
                WeightTruncation.Result r = WeightTruncation.apply(q, n, WeightTruncation.WindowRule.MIN_SSE);
                return new Layer(new IntegerLayer(LayerWeights.weightTruncation(q, m, r), scales, 8),
                        (n + 1.0) * size, (double) n * size);
            }
            case RTN -> {
                int k = (int) method.n();
                UniformRtn.Result r = UniformRtn.quantize(w, k, UniformRtn.Granularity.PER_CHANNEL, 1);
                int[] mag = new int[r.levels().length];
                boolean[] neg = new boolean[mag.length];
                for (int i = 0; i < mag.length; i++) {
                    mag[i] = Math.abs(r.levels()[i]);
                    neg[i] = r.levels()[i] < 0;
                }
                QuantizedTensor levels = new QuantizedTensor(w.name(), w.filters(), w.channels(), w.kh(), w.kw(), mag, neg,
                        r.scales());
                return new Layer(new IntegerLayer(LayerWeights.full8(levels, m), r.scales(), 8),
                        r.bitsPerWeight() * size, (k - 1.0) * size);
            }
            case SWIS, SWIS_C -> {
                Scheme scheme = method.family() == Method.Family.SWIS ? Scheme.SWIS : Scheme.SWIS_C;
                DecompositionConfig cfg = new DecompositionConfig(scheme, m, o.alpha());
                GroupLayout layout = new GroupLayout(m, q.channels(), q.taps());
                int[] shifts = shifts(name, q, cfg, layout, method, o, costTables);
                SwisCodes codes = o.decomposer().decompose(q, cfg, shifts, o.threads());
                GroupCode[] groups = new GroupCode[codes.groupCount()];
                for (int g = 0; g < groups.length; g++) {
                    groups[g] = codes.code(g);
                }
                LayerWeights lw = LayerWeights.of(scheme, q, layout, shifts, groups);
                long bits = 0;
                long passes = 0;
                int per = method.schedule() == Method.Schedule.DS ? 2 : 1;
                for (int n : shifts) {
                    bits += GroupStreamCodec.bitsPerGroup(scheme, m, n) * layout.groupsPerFilter();
                    passes += (long) (n + per - 1) / per * q.filterSize();
                }
                return new Layer(new IntegerLayer(lw, scales, 8), bits, passes);
            }
            default -> throw new IllegalStateException(method.family().id());
        }
    }

    /** Per-filter shift counts: uniform N, or the filter schedule (SPEC §6) from the decomposer's cost table. */
    private static int[] shifts(String name, QuantizedTensor q, DecompositionConfig cfg, GroupLayout layout, Method method,
                                Options o, Map<String, long[][]> costTables) {
        int[] shifts = new int[q.filters()];
        if (method.schedule() == Method.Schedule.NONE) {
            Arrays.fill(shifts, (int) method.n());
            return shifts;
        }
        long[][] cost = costTables.computeIfAbsent(name + "\u0000" + cfg.scheme().id(), k -> {
            long[][] c = new long[q.filters()][SupportVector.POSITIONS + 1];
            FilterCosts costs = new FilterCosts(layout, cfg.alpha());
            for (int n = 1; n <= SupportVector.POSITIONS; n++) {
                costs.add(c, 0, q, o.decomposer().decompose(q, cfg, n, o.threads()), n);
            }
            return c;
        });
        ScheduleConfig sc = new ScheduleConfig(method.n(), method.arrayColumns(), 1, 0);
        double[] weight = FilterScheduler.filterWeights(q);
        return (method.schedule() == Method.Schedule.DS
                ? FilterScheduler.scheduleDoubleShift(cost, weight, sc)
                : FilterScheduler.schedule(cost, weight, sc)).shiftsPerFilter();
    }
}
