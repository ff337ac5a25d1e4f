package org.swis.network.infer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.swis.reference.SwisInputException;

/**
 * The input-activation quantization of every conv2d / linear node (SPEC §13.4): the absmax of the
 * node's float input over the calibration inputs; unsigned (uint8, scale = absmax / 255) when no
 * calibration value is negative, else signed (int8, scale = absmax / 127); absmax 0 gives scale 1.
 * Immutable.
 */
public final class Calibration {
    /** Largest uint8 code. */
    public static final int UINT8_MAX = 255;
    /** Largest int8 magnitude (symmetric: codes −127..127). */
    public static final int INT8_MAX = 127;

    private final Map<String, Double> scale;
    private final Map<String, Boolean> unsigned;

    private Calibration(Map<String, Double> scale, Map<String, Boolean> unsigned) {
        this.scale = Map.copyOf(scale);
        this.unsigned = Map.copyOf(unsigned);
    }

    /** Runs the float network on every calibration input and records each MAC node's input range. */
    public static Calibration of(FloatInference f, List<float[]> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            throw new SwisInputException("calibration inputs", 0, "at least one input");
        }
        NetworkPlan plan = f.plan();
        Map<String, Double> absmax = new LinkedHashMap<>();
        Map<String, Boolean> negative = new LinkedHashMap<>();
        for (String node : plan.mac.keySet()) {
            absmax.put(node, 0.0);
            negative.put(node, false);
        }
        for (float[] in : inputs) {
            Map<String, float[]> t = f.tensors(in);
            for (NetworkPlan.MacNode n : plan.mac.values()) {
                String name = n.node().name();
                double a = absmax.get(name);
                boolean neg = negative.get(name);
                for (float v : t.get(n.input())) {
                    a = Math.max(a, Math.abs((double) v));
                    neg |= v < 0;
                }
                absmax.put(name, a);
                negative.put(name, neg);
            }
        }
        return ofRanges(absmax, negative);
    }

    /**
     * From given ranges: per node the absmax and whether any value was negative.
     */
    public static Calibration ofRanges(Map<String, Double> absmax, Map<String, Boolean> negative) {
        Map<String, Double> s = new LinkedHashMap<>();
        Map<String, Boolean> u = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : absmax.entrySet()) {
            double a = e.getValue();
            if (!(a >= 0) || Double.isInfinite(a)) {
                throw new SwisInputException("calibration absmax of node '" + e.getKey() + "'", a, "a finite value >= 0");
            }
            boolean uns = !negative.getOrDefault(e.getKey(), false);
            u.put(e.getKey(), uns);
            s.put(e.getKey(), a == 0 ? 1.0 : a / (uns ? UINT8_MAX : INT8_MAX));
        }
        return new Calibration(s, u);
    }

    /** The input-activation scale of a conv2d / linear node: x ≈ scale · q. */
    public double scale(String node) {
        Double s = scale.get(node);
        if (s == null) {
            throw new SwisInputException("calibration node", node, "a conv2d or linear node of the calibrated graph");
        }
        return s;
    }

    /** True when the node's input is quantized to uint8 (0..255), false for int8 (−127..127). */
    public boolean unsigned(String node) {
        scale(node);
        return unsigned.get(node);
    }

    /**
     * Quantizes one value (SPEC §13.4): {@code v = x / scale} (one IEEE double division), then
     * {@code q = sign(v) · floor(|v| + 0.5)} (round half away from zero) clamped to 0..255 (unsigned:
     * negative values give 0) or −127..127 (signed); NaN gives 0.
     */
    public static int quantize(float x, double scale, boolean unsigned) {
        double v = x / scale;
        if (unsigned) {
            // v <= 0 and NaN give 0; otherwise floor(v + 0.5), and (int) truncation is floor for w >= 0
            double w = v + 0.5;
            return w >= 1 ? (w >= UINT8_MAX ? UINT8_MAX : (int) w) : 0;
        }
        double w = Math.abs(v) + 0.5;
        int m = w >= INT8_MAX ? INT8_MAX : (int) w;
        return v < 0 ? -m : m;
    }
}
