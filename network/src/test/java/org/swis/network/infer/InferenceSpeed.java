package org.swis.network.infer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.swis.io.graph.NetworkModel;
import org.swis.reference.layer.LayerWeights;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.Quantizer;
import org.swis.reference.tensor.QuantizerConfig;

/**
 * Not a test: measures ResNet-20 images per second (float, int8 on 1 and 2 threads). Run from the
 * test class path: {@code java --add-modules jdk.incubator.vector -cp ... org.swis.network.infer.InferenceSpeed [seconds]}.
 */
public final class InferenceSpeed {
    private InferenceSpeed() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        SharedFixtures.Cifar data = SharedFixtures.cifar();
        NetworkModel m = data.model();
        FloatInference f = new FloatInference(m);
        Calibration c = Calibration.of(f, data.images().subList(50, 60));
        Map<String, IntegerLayer> layers = new HashMap<>();
        f.plan().mac.forEach((name, n) -> {
            QuantizedTensor t = Quantizer.quantize(n.weights(), QuantizerConfig.DEFAULT);
            double[] s = new double[t.filters()];
            for (int i = 0; i < s.length; i++) {
                s[i] = t.scale(i);
            }
            layers.put(name, IntegerLayer.of(LayerWeights.full8(t, 4), s));
        });
        QuantizedInference q = new QuantizedInference(m, c, layers, false);
        List<float[]> batch = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            batch.add(data.images().get(i % data.images().size()));
        }
        long t0 = System.nanoTime();
        int n = 0;
        while (System.nanoTime() - t0 < 1e9 * Math.min(2, seconds)) {
            f.logits(batch.get(n % 64));
            n++;
        }
        System.out.printf("float, 1 thread: %.1f images/s%n", n / ((System.nanoTime() - t0) / 1e9));
        // CPU time of this thread: robust to other processes sharing the cores
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 3; round++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            int images = 0;
            while (mx.getCurrentThreadCpuTime() - cpu0 < 1e9 * seconds) {
                images += q.logits(batch).length;
            }
            System.out.printf("int8 full8, 1 thread: %.1f images per CPU second (%.1f per wall second)%n",
                    images / ((mx.getCurrentThreadCpuTime() - cpu0) / 1e9), images / ((System.nanoTime() - wall0) / 1e9));
        }
        for (int threads : new int[] {1, 2}) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int round = 0; round < 2; round++) {
                long start = System.nanoTime();
                long images = 0;
                while (System.nanoTime() - start < 1e9 * seconds) {
                    List<Future<float[][]>> fs = new ArrayList<>();
                    for (int t = 0; t < threads; t++) {
                        fs.add(pool.submit(() -> q.logits(batch)));
                    }
                    for (Future<float[][]> x : fs) {
                        images += x.get().length;
                    }
                }
                System.out.printf("int8 full8, %d thread(s)%s: %.1f images/s%n", threads, round == 0 ? " (warm-up)" : "",
                        images / ((System.nanoTime() - start) / 1e9));
            }
            pool.shutdown();
        }
    }
}
