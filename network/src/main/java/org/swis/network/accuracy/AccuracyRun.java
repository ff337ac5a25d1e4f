package org.swis.network.accuracy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.swis.io.InputException;
import org.swis.io.ProgressSink;
import org.swis.io.dataset.ImagePreprocessor;
import org.swis.io.dataset.LabelledSet;
import org.swis.io.graph.NetworkModel;
import org.swis.network.infer.Calibration;
import org.swis.network.infer.FloatInference;
import org.swis.network.infer.PhaseClock;
import org.swis.network.infer.Predictions;
import org.swis.network.infer.QuantizedInference;

/**
 * Top-1 / top-5 of a network on a labelled set for a list of {@link Method}s (SPEC §14): calibrate
 * the activation scales on the {@link CalibrationSet}, then for each method plan the integer weights
 * ({@link WeightPlan}), run every evaluated image through {@link QuantizedInference} (or
 * {@link FloatInference} for fp32) and compare the predicted class with the label. Images are
 * processed in batches on a thread pool; each image's prediction depends only on the image, so the
 * predictions are identical for any thread count and batch size.
 */
public final class AccuracyRun {
    /** Preprocessed inputs kept in memory up to this many floats (1 GiB); beyond it images are decoded per method. */
    static final long CACHE_FLOATS = 1L << 28;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private AccuracyRun() {
    }

    /**
     * @param methods  methods in run order
     * @param limit    evaluate at most this many images (0 = all)
     * @param threads  worker threads (≥ 1)
     * @param batch    images per inference call
     * @param plan     how integer weights are made
     * @param progress progress per method, or null
     * @param timingRepeats timed runs of each method over the evaluated images (≥ 1; SPEC §14.5)
     */
    public record Options(List<Method> methods, int limit, int threads, int batch, WeightPlan.Options plan,
                          ProgressSink progress, int timingRepeats) {
        public Options(List<Method> methods, int limit, int threads, int batch, WeightPlan.Options plan,
                       ProgressSink progress) {
            this(methods, limit, threads, batch, plan, progress, 1);
        }
    }

    /**
     * The speed of one method (SPEC §14.5).
     *
     * @param runSeconds         wall time of each timed run over the images (inputs decoded beforehand when cached)
     * @param cpuSeconds         per run, CPU time of the worker threads inside the inference calls (sum over threads)
     * @param phaseNanos         thread-time per {@link PhaseClock.Phase} summed over all runs (integer mode), else null
     * @param kernelMacsPerImage MACs per image through the kernels' GEMM (integer mode), else 0
     * @param decodedBefore      true when the inputs were decoded and preprocessed before the timed runs
     */
    public record Timing(double[] runSeconds, double[] cpuSeconds, long[] phaseNanos, long kernelMacsPerImage,
                         boolean decodedBefore) {
    }

    /**
     * One result row.
     *
     * @param images    images evaluated
     * @param correct   top-1 hits
     * @param top5      top-5 hits, or -1 when the network has fewer than 100 classes
     * @param wholeSet  true for the fp32 row over the whole set, calibration images included
     * @param planSeconds      wall time to make the integer weights and prepare the kernels' layouts
     * @param inferenceSeconds wall time of the inference over the images (decoding and preprocessing
     *                         included unless the inputs were cached by an earlier method)
     */
    public record Row(Method method, int images, int correct, int top5, double bitsPerWeight, double serialPasses,
                      boolean wholeSet, double planSeconds, double inferenceSeconds, Timing timing) {
        public Row(Method method, int images, int correct, int top5, double bitsPerWeight, double serialPasses,
                   boolean wholeSet, double planSeconds, double inferenceSeconds) {
            this(method, images, correct, top5, bitsPerWeight, serialPasses, wholeSet, planSeconds, inferenceSeconds, null);
        }

        public double top1Percent() {
            return 100.0 * correct / images;
        }

        public double top5Percent() {
            return top5 < 0 ? Double.NaN : 100.0 * top5 / images;
        }
    }

    /**
     * @param rows        in method order (fp32 may have a second, whole-set row)
     * @param evaluated   the evaluated rows of the set
     * @param predictions per method id, the predicted class of every evaluated image
     * @param calibration the calibration actually used
     */
    public record Result(List<Row> rows, int[] evaluated, Map<String, int[]> predictions, CalibrationSet calibration) {
    }

    public static Result run(NetworkModel model, LabelledSet set, CalibrationSet calib, Options o) throws InputException {
        ImagePreprocessor pre = new ImagePreprocessor(model.graph().input());
        FloatInference fp = new FloatInference(model);
        int offset = model.graph().labelOffset();
        boolean withTop5 = model.graph().labelOutputs() - offset >= 100;

        LabelledSet calibSet = calib.excluded() ? set : LabelledSet.open(calib.folder(), set.classes().size());
        List<float[]> calibInputs = new ArrayList<>();
        for (int r : calib.rows()) {
            calibInputs.add(pre.load(calibSet.image(r)));
        }
        Calibration calibration = Calibration.of(fp, calibInputs);

        int[] evaluated = calib.evaluated(set.size(), o.limit());
        int[] labels = new int[evaluated.length];
        for (int i = 0; i < evaluated.length; i++) {
            labels[i] = set.label(evaluated[i]);
        }
        int perImage = model.graph().input().h() * model.graph().input().w() * model.graph().input().c();
        Inputs inputs = new Inputs(set, pre, evaluated, (long) perImage * evaluated.length <= CACHE_FLOATS);
        int repeats = Math.max(1, o.timingRepeats());

        List<Row> rows = new ArrayList<>();
        Map<String, int[]> predictions = new LinkedHashMap<>();
        Map<String, long[][]> costTables = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, o.threads()));
        try {
            boolean decodedBefore = inputs.decodeAll(pool);
            for (Method method : o.methods()) {
                long t0 = System.nanoTime();
                Engine engine;
                PhaseClock clock = null;
                long macs = 0;
                double bits;
                double passes;
                if (method.family() == Method.Family.FP32) {
                    engine = batch -> {
                        float[][] out = new float[batch.size()][];
                        for (int i = 0; i < out.length; i++) {
                            out[i] = fp.logits(batch.get(i));
                        }
                        return out;
                    };
                    bits = 32;
                    passes = Double.NaN;
                } else {
                    WeightPlan plan = WeightPlan.of(model, method, calibration::unsigned, o.plan(), costTables);
                    QuantizedInference q = new QuantizedInference(model, calibration, plan.layers(), method.weightsOnly());
                    engine = q::logits;
                    if (!method.weightsOnly()) {
                        clock = q.clock();
                        macs = q.kernelMacsPerImage();
                    }
                    bits = plan.bitsPerWeight();
                    passes = plan.serialPasses();
                }
                long t1 = System.nanoTime();
                int[][] top = null;
                int[][] whole = null;
                double[] runs = new double[repeats];
                double[] cpu = new double[repeats];
                for (int rep = 0; rep < repeats; rep++) {
                    LongAdder cpuNanos = new LongAdder();
                    long r0 = System.nanoTime();
                    int[][][] got = classifyOnce(method, engine, set, pre, calib, evaluated, inputs, offset, withTop5, pool,
                            o, cpuNanos);
                    runs[rep] = (System.nanoTime() - r0) / 1e9;
                    cpu[rep] = cpuNanos.sum() / 1e9;
                    if (rep == 0) {
                        top = got[0];
                        whole = got[1];
                    } else if (!java.util.Arrays.deepEquals(top, got[0])) {
                        throw new IllegalStateException(method.id() + ": timed run " + (rep + 1)
                                + " predicted other classes than run 1 (inference must be deterministic)");
                    }
                }
                Timing timing = new Timing(runs, cpu, clock == null ? null : clock.nanos(), macs, decodedBefore);
                int correct = 0;
                int correct5 = withTop5 ? 0 : -1;
                for (int i = 0; i < evaluated.length; i++) {
                    if (top[i][0] == labels[i]) {
                        correct++;
                    }
                    if (withTop5) {
                        for (int c : top[i]) {
                            if (c == labels[i]) {
                                correct5++;
                                break;
                            }
                        }
                    }
                }
                int[] pred = new int[evaluated.length];
                for (int i = 0; i < pred.length; i++) {
                    pred[i] = top[i][0];
                }
                predictions.put(method.id(), pred);
                double plan = (t1 - t0) / 1e9;
                double infer = runs[0];
                rows.add(new Row(method, evaluated.length, correct, correct5, bits, passes, false, plan, infer, timing));
                if (whole != null) {
                    rows.add(wholeSet(whole, set, withTop5, plan, infer));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(rows, evaluated, predictions, calib);
    }

    /** One pass of a method over the images: {top of the evaluated images, top of every row (fp32 whole-set) or null}. */
    private static int[][][] classifyOnce(Method method, Engine engine, LabelledSet set, ImagePreprocessor pre,
                                          CalibrationSet calib, int[] evaluated, Inputs inputs, int offset,
                                          boolean withTop5, ExecutorService pool, Options o, LongAdder cpuNanos)
            throws InputException {
        int[][] top;
        int[][] whole = null;
        if (method.family() == Method.Family.FP32 && calib.excluded()) {
            // One fp32 pass over every row up to the last evaluated one (calibration rows
            // included) gives both the evaluated row and the whole-set row.
            int w = o.limit() > 0 && evaluated.length > 0 ? evaluated[evaluated.length - 1] + 1 : set.size();
            int[] all = new int[w];
            java.util.Arrays.setAll(all, i -> i);
            whole = classify(engine, new Inputs(set, pre, all, false), offset, withTop5, pool, o, method.id(), cpuNanos);
            top = new int[evaluated.length][];
            for (int i = 0; i < top.length; i++) {
                top[i] = whole[evaluated[i]];
            }
        } else {
            top = classify(engine, inputs, offset, withTop5, pool, o, method.id(), cpuNanos);
        }
        return new int[][][] {top, whole};
    }

    /** The fp32 row over rows 0..n−1 of the set, calibration images included. */
    private static Row wholeSet(int[][] top, LabelledSet set, boolean withTop5, double plan, double infer) {
        int correct = 0;
        int correct5 = withTop5 ? 0 : -1;
        for (int i = 0; i < top.length; i++) {
            int label = set.label(i);
            if (top[i][0] == label) {
                correct++;
            }
            if (withTop5) {
                for (int c : top[i]) {
                    if (c == label) {
                        correct5++;
                        break;
                    }
                }
            }
        }
        return new Row(Method.fp32(), top.length, correct, correct5, 32, Double.NaN, true, plan, infer);
    }

    @FunctionalInterface
    private interface Engine {
        float[][] logits(List<float[]> batch);
    }

    /** Top-1 (and top-5) classes of every input, batches spread over the pool. */
    private static int[][] classify(Engine engine, Inputs inputs, int offset, boolean withTop5, ExecutorService pool,
                                    Options o, String label, LongAdder cpuNanos) throws InputException {
        int n = inputs.size();
        int batch = Math.max(1, o.batch());
        int batches = (n + batch - 1) / batch;
        ProgressSink.Step step = o.progress() == null ? null : o.progress().start(label, batches);
        int[][] top = new int[n][];
        List<Future<?>> futures = new ArrayList<>();
        for (int b0 = 0; b0 < n; b0 += batch) {
            int from = b0;
            int to = Math.min(n, b0 + batch);
            futures.add(pool.submit(() -> {
                List<float[]> in = new ArrayList<>(to - from);
                for (int i = from; i < to; i++) {
                    in.add(inputs.get(i));
                }
                long c0 = CPU.getCurrentThreadCpuTime();
                float[][] logits = engine.logits(in);
                cpuNanos.add(CPU.getCurrentThreadCpuTime() - c0);
                for (int i = from; i < to; i++) {
                    top[i] = withTop5 ? Predictions.topK(logits[i - from], offset, 5)
                            : new int[] {Predictions.classOf(logits[i - from], offset)};
                }
                return null;
            }));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
                if (step != null) {
                    step.step("");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedInput u) {
                throw u.input;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(c);
        }
        if (step != null) {
            step.finish();
        }
        return top;
    }

    /** An {@link InputException} carried out of a worker thread. */
    static final class UncheckedInput extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient InputException input;

        UncheckedInput(InputException e) {
            super(e.getMessage(), e);
            this.input = e;
        }
    }

    /** The evaluated images, preprocessed once and kept when they fit {@link #CACHE_FLOATS}. */
    private static final class Inputs {
        private final LabelledSet set;
        private final ImagePreprocessor pre;
        private final int[] rows;
        private final float[][] cache;

        Inputs(LabelledSet set, ImagePreprocessor pre, int[] rows, boolean keep) {
            this.set = set;
            this.pre = pre;
            this.rows = rows;
            this.cache = keep ? new float[rows.length][] : null;
        }

        int size() {
            return rows.length;
        }

        /** Decodes and preprocesses every image into the cache on the pool; false (nothing done) when not cached. */
        boolean decodeAll(ExecutorService pool) throws InputException {
            if (cache == null) {
                return false;
            }
            List<Future<?>> fs = new ArrayList<>();
            int step = 64;
            for (int i0 = 0; i0 < rows.length; i0 += step) {
                int from = i0;
                int to = Math.min(rows.length, i0 + step);
                fs.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        get(i);
                    }
                    return null;
                }));
            }
            try {
                for (Future<?> f : fs) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UncheckedInput u) {
                    throw u.input;
                }
                throw new IllegalStateException(e.getCause());
            }
            return true;
        }

        float[] get(int i) {
            if (cache != null && cache[i] != null) {
                return cache[i];
            }
            float[] x;
            try {
                x = pre.load(set.image(rows[i]));
            } catch (InputException e) {
                throw new UncheckedInput(e);
            }
            if (cache != null) {
                cache[i] = x;
            }
            return x;
        }
    }
}
