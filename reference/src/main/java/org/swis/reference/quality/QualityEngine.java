package org.swis.reference.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.swis.reference.baseline.UniformRtn;
import org.swis.reference.baseline.WeightTruncation;
import org.swis.reference.encode.GroupStreamCodec;
import org.swis.reference.metrics.ErrorMetrics;
import org.swis.reference.schedule.FilterScheduler;
import org.swis.reference.schedule.Schedule;
import org.swis.reference.schedule.ScheduleConfig;
import org.swis.reference.swis.DecomposedTensor;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.Scheme;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.Quantizer;
import org.swis.reference.tensor.QuantizerConfig;
import org.swis.reference.tensor.WeightTensor;

/**
 * The equal-bits comparison of one model (SPEC §9): for every layer and for the whole model, the
 * weight error (against the float weights) and the output error (against the float layer on random
 * activations) of INT8, SWIS and SWIS-C (unscheduled, single-shift and double-shift schedules),
 * layer-wise weight truncation and uniform RTN INT-k, with the exact stored bits per weight.
 *
 * <p>All layers are quantized per tensor to INT8 (|q| &lt;= 127) first, as in the paper, except layers
 * whose model gives int8 weights, which are taken as they are (SPEC §1.3). Output
 * error: each filter's dot product with {@code activationVectors} random receptive fields whose
 * entries are i.i.d. uint8, 0 with probability 1/2 (post-ReLU sparsity) and otherwise uniform in
 * 1..255, drawn from {@link SplittableRandom} with the grid's seed and the layer index.
 */
public final class QualityEngine {
    private QualityEngine() {
    }

    /** Runs the grid over the layers; reports each finished layer to {@code progress}. */
    public static List<QualityRow> run(String model, List<NamedLayer> layers, QualityGrid grid, Consumer<String> progress) {
        List<QualityRow> rows = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            rows.addAll(layer(model, layers.get(l), l, grid));
            progress.accept(layers.get(l).name());
        }
        rows.addAll(modelTotals(model, rows));
        return rows;
    }

    static List<QualityRow> layer(String model, NamedLayer layer, int index, QualityGrid grid) {
        WeightTensor w = layer.weights();
        QuantizedTensor q = layer.int8() != null ? layer.int8() : Quantizer.quantize(w, QuantizerConfig.DEFAULT);
        double[] original = new double[w.size()];
        for (int i = 0; i < original.length; i++) {
            original[i] = w.get(i);
        }
        Outputs outputs = new Outputs(w, original, grid.activationVectors(), grid.seed() * 1_000_003L + index);
        List<QualityRow> rows = new ArrayList<>();
        Row row = (method, m, target, schedule, bits, approx) -> rows.add(new QualityRow(model, layer.name(), layer.kind(),
                method, m, target, schedule, w.size(), bits, ErrorMetrics.of(original, approx), outputs.error(approx)));

        row.add("int8", 0, 8, "-", 8.0 * w.size(), q.dequantize());
        for (Scheme scheme : Scheme.values()) {
            for (int m : grid.groupSizes()) {
                DecompositionConfig config = new DecompositionConfig(scheme, m, grid.alpha());
                // Only each N's per-filter costs and reconstructed magnitudes are kept: the group codes
                // of one decomposition (one object per group, M = 1: one per weight) are dropped before
                // the next N, so memory is one layer's decomposition, not eight.
                int groupsPerFilter = Decomposer.layoutOf(q, m).groupsPerFilter();
                long[][] cost = new long[q.filters()][9];
                int[][] mags = new int[9][];
                for (int n = 1; n <= 8; n++) {
                    DecomposedTensor d = Decomposer.decompose(q, config, n);
                    for (int f = 0; f < q.filters(); f++) {
                        cost[f][n] = d.filterCost(f);
                    }
                    mags[n] = d.reconstructedMagnitudes();
                }
                double[] filterWeight = FilterScheduler.filterWeights(q);
                for (double target : grid.targets()) {
                    if (target == Math.rint(target)) {
                        int[] uniform = new int[q.filters()];
                        java.util.Arrays.fill(uniform, (int) target);
                        row.add(scheme.id(), m, target, "none", bits(config, groupsPerFilter, uniform), reconstruct(q, mags, uniform));
                    }
                    Schedule ss = FilterScheduler.schedule(cost, filterWeight, ScheduleConfig.of(target));
                    row.add(scheme.id(), m, target, "ss", bits(config, groupsPerFilter, ss.shiftsPerFilter()), reconstruct(q, mags, ss.shiftsPerFilter()));
                    if (target >= 2) {
                        Schedule ds = FilterScheduler.scheduleDoubleShift(cost, filterWeight, ScheduleConfig.of(target));
                        row.add(scheme.id(), m, target, "ds", bits(config, groupsPerFilter, ds.shiftsPerFilter()), reconstruct(q, mags, ds.shiftsPerFilter()));
                    }
                }
            }
        }
        for (int n : grid.truncationBits()) {
            WeightTruncation.Result t = WeightTruncation.apply(q, n, WeightTruncation.WindowRule.MIN_SSE);
            row.add("trunc", 0, n, "-", (n + 1.0) * w.size(), t.truncated().dequantize());
        }
        for (int k : grid.rtnBits()) {
            UniformRtn.Result r = UniformRtn.quantize(w, k, UniformRtn.Granularity.PER_CHANNEL, 1);
            row.add("rtn-channel", 0, k, "-", r.bitsPerWeight() * w.size(), r.reconstruction());
            for (int m : grid.groupSizes()) {
                if (m >= 4) {
                    UniformRtn.Result g = UniformRtn.quantize(w, k, UniformRtn.Granularity.PER_GROUP, m);
                    row.add("rtn-group", m, k, "-", g.bitsPerWeight() * w.size(), g.reconstruction());
                }
            }
        }
        return rows;
    }

    @FunctionalInterface
    private interface Row {
        void add(String method, int m, double target, String schedule, double bits, double[] approx);
    }

    /** Stored bits of a decomposition with {@code config} whose filter f has {@code shifts[f]} shifts. */
    static double bits(DecompositionConfig config, int groupsPerFilter, int[] shifts) {
        long bits = 0;
        for (int n : shifts) {
            bits += GroupStreamCodec.bitsPerGroup(config.scheme(), config.m(), n) * groupsPerFilter;
        }
        return bits;
    }

    /** Dequantized weights with filter f taken from the reconstruction at its own shift count ({@code mags[n]}). */
    static double[] reconstruct(QuantizedTensor q, int[][] mags, int[] shifts) {
        int[] out = new int[q.size()];
        int per = q.filterSize();
        for (int f = 0; f < q.filters(); f++) {
            System.arraycopy(mags[shifts[f]], f * per, out, f * per, per);
        }
        return q.withMagnitudes(out).dequantize();
    }

    /** Whole-model rows: every configuration's layer sums merged (errors by sums, bits by totals). */
    static List<QualityRow> modelTotals(String model, List<QualityRow> layerRows) {
        Map<String, QualityRow> totals = new LinkedHashMap<>();
        for (QualityRow r : layerRows) {
            totals.merge(r.configKey(), new QualityRow(model, "*", "*", r.method(), r.m(), r.target(), r.schedule(),
                    r.weights(), r.storedBits(), r.weightError(), r.outputError()),
                    (a, b) -> new QualityRow(model, "*", "*", a.method(), a.m(), a.target(), a.schedule(),
                            a.weights() + b.weights(), a.storedBits() + b.storedBits(),
                            a.weightError().plus(b.weightError()), a.outputError().plus(b.outputError())));
        }
        return new ArrayList<>(totals.values());
    }

    /** Random activations of one layer and the float layer's outputs on them. */
    static final class Outputs {
        private final int filters;
        private final int per;
        private final int[][] activations;
        private final double[] reference;

        Outputs(WeightTensor w, double[] original, int vectors, long seed) {
            this.filters = w.filters();
            this.per = w.filterSize();
            SplittableRandom rnd = new SplittableRandom(seed);
            activations = new int[vectors][per];
            for (int[] a : activations) {
                for (int i = 0; i < per; i++) {
                    a[i] = rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(255);
                }
            }
            reference = outputs(original);
        }

        double[] outputs(double[] weights) {
            double[] y = new double[filters * activations.length];
            for (int f = 0; f < filters; f++) {
                for (int v = 0; v < activations.length; v++) {
                    double acc = 0;
                    int[] a = activations[v];
                    for (int i = 0; i < per; i++) {
                        acc += weights[f * per + i] * a[i];
                    }
                    y[f * activations.length + v] = acc;
                }
            }
            return y;
        }

        ErrorMetrics error(double[] weights) {
            return ErrorMetrics.of(reference, outputs(weights));
        }
    }
}
