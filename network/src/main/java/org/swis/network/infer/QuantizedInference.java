package org.swis.network.infer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.swis.io.graph.NetworkModel;
import org.swis.io.graph.Node;
import org.swis.kernels.GemmKernel;
import org.swis.kernels.KernelRegistry;
import org.swis.reference.SwisInputException;

/**
 * A network with integer conv2d / linear nodes (SPEC §13.5). Each MAC node quantizes its float input
 * with the calibrated scale ({@link Calibration#quantize}), computes the exact integer sum
 * ({@link IntegerConv}), and requantizes {@code y = (actScale · filterScale[f]) · acc} in double, then bias,
 * BatchNorm and activation ({@link Epilogue}), stored float32. The other nodes run in float32 exactly as
 * in {@link FloatInference}. With {@code weightsOnly}, activations stay float and each MAC node is the float
 * convolution of the weights {@code (float) (filterScale[f] · w_int)}.
 *
 * <p>Images are processed in sub-batches of at most {@link #MAX_BATCH}; every output depends only on its own
 * image, so results are identical for any batching and any number of threads calling concurrently. The
 * integer weights are prepared for the kernel once, in the constructor; nothing is mutated after it.
 */
public final class QuantizedInference {
    /** Images per GEMM sub-batch. */
    public static final int MAX_BATCH = 16;

    private final NetworkPlan plan;
    private final boolean weightsOnly;
    private final Map<String, MacStep> steps = new HashMap<>();
    private final Map<String, Integer> lastUse;
    private final PhaseClock clock = new PhaseClock();
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /** A MAC node ready to run: either its integer conv and requantization, or its float weights. */
    private record MacStep(NetworkPlan.MacNode node, IntegerConv conv, double actScale, boolean unsigned,
                           double[] multiplier, FloatConv floatConv) {
    }

    /**
     * @param m           the network
     * @param c           the input scales of every conv2d / linear node (may be null when {@code weightsOnly})
     * @param layers      the integer weights of every conv2d / linear node, by node name
     * @param weightsOnly float activations and dequantized integer weights (SPEC §13.6)
     */
    public QuantizedInference(NetworkModel m, Calibration c, Map<String, IntegerLayer> layers, boolean weightsOnly) {
        this(m, c, layers, weightsOnly, KernelRegistry.fastestGemm());
    }

    /** With a chosen GEMM kernel (every kernel is exact, so the results do not depend on it). */
    public QuantizedInference(NetworkModel m, Calibration c, Map<String, IntegerLayer> layers, boolean weightsOnly,
                              GemmKernel kernel) {
        plan = new NetworkPlan(m);
        this.weightsOnly = weightsOnly;
        if (layers == null || (!weightsOnly && c == null)) {
            throw new SwisInputException("quantized inference", layers == null ? "no integer layers" : "no calibration",
                    "integer layers for every conv2d / linear node and, unless weights-only, a calibration");
        }
        for (NetworkPlan.MacNode n : plan.mac.values()) {
            String name = n.node().name();
            IntegerLayer l = layers.get(name);
            if (l == null) {
                throw new SwisInputException("integer layers", name + " (missing)", "an integer layer for every conv2d / linear node");
            }
            ConvGeometry g = n.geometry();
            double[] fs = l.filterScale();
            if (weightsOnly) {
                var lw = l.weights();
                if (lw.filters() != g.filters() || lw.channels() != g.channels() || lw.kh() != g.kh() || lw.kw() != g.kw()) {
                    throw new SwisInputException("integer layer of node '" + name + "'",
                            lw.filters() + "x" + lw.kh() + "x" + lw.kw() + "x" + lw.channels(),
                            "filters x kh x kw x channels = " + g.filters() + "x" + g.kh() + "x" + g.kw() + "x" + g.channels());
                }
                int[] w = lw.decoded();
                float[] fw = new float[w.length];
                int k = g.k();
                for (int i = 0; i < w.length; i++) {
                    fw[i] = (float) (fs[i / k] * w[i]);
                }
                steps.put(name, new MacStep(n, null, 0, false, null, new FloatConv(g, fw)));
            } else {
                double s = c.scale(name);
                boolean u = c.unsigned(name);
                double[] mult = new double[g.filters()];
                for (int f = 0; f < mult.length; f++) {
                    mult[f] = s * fs[f];
                }
                steps.put(name, new MacStep(n, new IntegerConv(g, l, u, kernel, name), s, u, mult, null));
            }
        }
        lastUse = plan.lastUse();
    }

    /** Where the time went so far, summed over threads ({@link PhaseClock}); {@link PhaseClock#reset} between runs. */
    public PhaseClock clock() {
        return clock;
    }

    /** MACs of one image computed by the kernels' GEMM (integer mode; 0 for weights-only). */
    public long kernelMacsPerImage() {
        long n = 0;
        for (MacStep s : steps.values()) {
            n += s.conv() == null ? 0 : s.conv().kernelMacs();
        }
        return n;
    }

    /** The logits of one preprocessed image. */
    public float[] logits(float[] input) {
        return logits(List.of(input))[0];
    }

    /** The logits of each image, in order; identical to calling {@link #logits(float[])} per image. */
    public float[][] logits(List<float[]> batch) {
        float[][] out = new float[batch.size()][];
        for (int i = 0; i < batch.size(); i++) {
            plan.requireInput(batch.get(i), i);
        }
        for (int from = 0; from < batch.size(); from += MAX_BATCH) {
            List<float[]> part = batch.subList(from, Math.min(batch.size(), from + MAX_BATCH));
            float[][] y = run(part);
            System.arraycopy(y, 0, out, from, y.length);
        }
        return out;
    }

    private float[][] run(List<float[]> images) {
        int n = images.size();
        Map<String, float[][]> t = new HashMap<>();
        t.put(plan.graph.input().tensor(), images.toArray(new float[0][]));
        List<Node> nodes = plan.graph.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            MacStep step = steps.get(node.name());
            float[][] y;
            if (step != null) {
                float[][] x = t.get(step.node().input());
                y = weightsOnly ? floatStep(step, x) : integerStep(step, x, scratch.get(), clock);
            } else {
                long t0 = System.nanoTime();
                List<String> ins = node.inputs();
                Hwc[] shapes = new Hwc[ins.size()];
                for (int j = 0; j < shapes.length; j++) {
                    shapes[j] = plan.shapes.get(ins.get(j));
                }
                float[][] a = t.get(ins.get(0));
                float[][] b = ins.size() > 1 ? t.get(ins.get(1)) : null;
                y = new float[n][];
                for (int j = 0; j < n; j++) {
                    y[j] = NonMacOps.run(node, shapes, a[j], b == null ? null : b[j]);
                }
                clock.add(PhaseClock.Phase.OTHER, System.nanoTime() - t0);
            }
            t.put(node.output(), y);
            for (String in : node.inputs()) {
                if (lastUse.get(in) == i) {
                    t.remove(in);
                }
            }
        }
        return t.get(plan.graph.output());
    }

    private static float[][] floatStep(MacStep s, float[][] x) {
        float[][] y = new float[x.length][];
        for (int j = 0; j < x.length; j++) {
            y[j] = s.floatConv().run(x[j], s.node().epilogue());
        }
        return y;
    }

    private static float[][] integerStep(MacStep s, float[][] x, Scratch scratch, PhaseClock clock) {
        long t0 = System.nanoTime();
        ConvGeometry g = s.node().geometry();
        IntegerConv conv = s.conv();
        int[] q = scratch.ints(Scratch.INPUT, x.length * conv.paddedSize());
        conv.fillPads(q, x.length);
        for (int j = 0; j < x.length; j++) {
            conv.quantize(x[j], s.actScale(), q, j);
        }
        clock.add(PhaseClock.Phase.QUANTIZE, System.nanoTime() - t0);
        int outSize = g.out().size();
        long[] acc = scratch.sums(x.length * outSize);
        conv.sumsOfQuantized(q, x.length, acc, scratch, clock);
        long t1 = System.nanoTime();
        int filters = g.filters();
        double[] mult = s.multiplier();
        Epilogue e = s.node().epilogue();
        float[][] y = new float[x.length][outSize];
        for (int j = 0; j < x.length; j++) {
            float[] yj = y[j];
            int o = j * outSize;
            for (int p = 0; p < outSize; p += filters) {
                e.applyPixel(acc, o + p, mult, yj, p, filters);
            }
        }
        clock.add(PhaseClock.Phase.EPILOGUE, System.nanoTime() - t1);
        return y;
    }
}
