package org.swis.cli.hw;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.swis.io.InputException;
import org.swis.io.WeightKind;
import org.swis.io.model.Model;
import org.swis.io.model.ModelLayer;
import org.swis.hwmodel.Design;
import org.swis.hwmodel.ShiftProfile;
import org.swis.hwmodel.Topology;
import org.swis.hwmodel.WeightShape;
import org.swis.reference.schedule.FilterScheduler;
import org.swis.reference.schedule.Schedule;
import org.swis.reference.schedule.ScheduleConfig;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.Scheme;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.Quantizer;
import org.swis.reference.tensor.QuantizerConfig;

/**
 * A real model for the hardware model: its conv / depthwise weight shapes (linear layers are not
 * modelled, docs/HWMODEL.md) with strides and an input size, and shift profiles scheduled on its
 * real INT8 weights (paper §4.3: per-filter counts, filters sharing an array column group share N).
 */
public final class RealWeightsTopology {
    private RealWeightsTopology() {
    }

    /** Strides of the two shared models (not stored in their manifests), from their public architectures. */
    public static final Map<String, Map<String, Integer>> KNOWN_STRIDES = Map.of(
            "cifar10_resnet20", Map.of("module.layer2.0.conv1.weight", 2, "module.layer3.0.conv1.weight", 2),
            "vww_mobilenet_v1_025", Map.of("conv2d/kernel:0", 2, "depthwise_conv2d_1/depthwise_kernel:0", 2,
                    "depthwise_conv2d_3/depthwise_kernel:0", 2, "depthwise_conv2d_5/depthwise_kernel:0", 2,
                    "depthwise_conv2d_11/depthwise_kernel:0", 2));

    /** Input sizes of the two shared models. */
    public static final Map<String, int[]> KNOWN_INPUTS = Map.of("cifar10_resnet20", new int[] {32, 32},
            "vww_mobilenet_v1_025", new int[] {96, 96});

    /** A layer of a real model that the hardware model does not cost, with the reason. */
    public record Skipped(String layer, String kind, String shape, String reason) {
    }

    /** Why the hardware model does not cost layer {@code l}, or null when it does (conv and depthwise layers). */
    static String notModelled(ModelLayer l) {
        return l.kind() == WeightKind.LINEAR
                ? "linear layers are not modelled (no convolution to map onto the array; docs/HWMODEL.md)" : null;
    }

    /** The layers of {@code model} that {@link #topology} leaves out, in model order. */
    public static List<Skipped> skipped(Model model) {
        List<Skipped> out = new ArrayList<>();
        for (ModelLayer l : model.layers()) {
            String reason = notModelled(l);
            if (reason != null) {
                out.add(new Skipped(l.name(), l.kind().manifestName(), org.swis.io.Shapes.format(l.shape()), reason));
            }
        }
        return out;
    }

    /** The topology of a model's conv and depthwise layers ({@link #skipped} lists the others). */
    public static Topology topology(Model model, Map<String, Integer> strides, int h, int w) throws InputException {
        List<WeightShape> shapes = new ArrayList<>();
        for (ModelLayer l : model.layers()) {
            if (notModelled(l) != null) {
                continue;
            }
            int stride = strides.getOrDefault(l.name(), 1);
            int[] dims = l.shape();
            switch (l.layout()) {
                case OIHW -> shapes.add(WeightShape.oihw(l.name(), dims, stride,
                        l.kind() == WeightKind.DEPTHWISE ? dims[0] : 1));
                case HWIO -> shapes.add(WeightShape.hwio(l.name(), dims, stride));
                case HWCM -> shapes.add(WeightShape.depthwiseHwcm(l.name(), dims, stride));
                default -> throw new InputException(model.source(), "tensor '" + l.name() + "' layout",
                        "OIHW, HWIO or HWCM for a " + l.kind().manifestName() + " layer", l.layout().name());
            }
        }
        for (String name : strides.keySet()) {
            if (shapes.stream().noneMatch(s -> s.name().equals(name))) {
                throw new InputException("--stride", "layer '" + name + "'", "a conv or depthwise layer of " + model.source(),
                        "no such layer");
            }
        }
        if (shapes.isEmpty()) {
            throw new InputException(model.source(), "tensors", "at least one conv or depthwise layer", "none");
        }
        return Topology.fromWeightShapes(model.name(), shapes, h, w);
    }

    /**
     * The filter scheduler's per-filter counts for every conv / depthwise layer at average {@code target}
     * (M = 4, alpha 1, 8 array columns; double-shift designs use the even-count schedule), listed in the
     * scheduler's array order so that each group of column filters shares one count.
     */
    public static ShiftProfile scheduled(Model model, Design design, double target, int columns) {
        Scheme scheme = design.consecutive() ? Scheme.SWIS_C : Scheme.SWIS;
        DecompositionConfig cfg = DecompositionConfig.defaults().withScheme(scheme);
        ScheduleConfig sc = new ScheduleConfig(target, columns, 1, Math.min(8, (int) Math.ceil(target) + 1));
        Map<String, int[]> counts = new HashMap<>();
        for (ModelLayer l : model.layers()) {
            if (notModelled(l) != null) {
                continue;
            }
            QuantizedTensor q = l.int8() != null ? l.int8() : Quantizer.quantize(l.weights(), QuantizerConfig.DEFAULT);
            Schedule s = design.shiftsPerCycle() == 2 ? FilterScheduler.scheduleDoubleShift(q, cfg, sc)
                    : FilterScheduler.schedule(q, cfg, sc);
            int[] perFilter = s.shiftsPerFilter();
            int[] order = s.order();
            int[] arrayOrder = new int[perFilter.length];
            for (int p = 0; p < order.length; p++) {
                arrayOrder[p] = perFilter[order[p]];
            }
            counts.put(l.name(), arrayOrder);
        }
        String label = "scheduled N=" + org.swis.cli.report.Formats.target(target) + (design.shiftsPerCycle() == 2 ? " (even)" : "");
        return ShiftProfile.perFilter(label, target, counts, ShiftProfile.mix(target));
    }
}
