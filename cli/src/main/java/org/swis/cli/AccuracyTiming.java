package org.swis.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.swis.network.accuracy.AccuracyRun;

/**
 * The speed of an accuracy run (SPEC §14.5): per method, the wall time to plan the integer weights
 * and to run the images, images per second, with the machine, JDK, threads, batch and commit.
 */
final class AccuracyTiming {
    static final String HEADER = "model,set,method,mode,images,plan_s,inference_s,images_per_s,threads,batch,cpu,cores,jdk,commit";

    private AccuracyTiming() {
    }

    static String format(AccuracyCommand.Outcome out, int threads, int batch) {
        String root = System.getProperty("swis.root");
        String commit = root == null ? "unknown" : ReproduceCommand.gitCommit(Path.of(root));
        String cpu = ReproduceCommand.cpuModel().replace(',', ' ');
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (AccuracyRun.Row r : out.result().rows()) {
            if (r.wholeSet()) {
                continue;
            }
            int images = r.method().family() == org.swis.network.accuracy.Method.Family.FP32
                    && out.result().calibration().excluded() ? wholeImages(out) : r.images();
            b.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%d,%.3f,%.3f,%.1f,%d,%d,%s,%d,%s,%s%n", out.model(), out.set(),
                    r.method().id(), r.method().mode(), images, r.planSeconds(), r.inferenceSeconds(),
                    images / r.inferenceSeconds(), threads, batch, cpu, Runtime.getRuntime().availableProcessors(),
                    Runtime.version(), commit));
        }
        return b.toString();
    }

    /** fp32 with an excluded calibration subset runs every row once (see AccuracyRun). */
    private static int wholeImages(AccuracyCommand.Outcome out) {
        for (AccuracyRun.Row r : out.result().rows()) {
            if (r.wholeSet()) {
                return r.images();
            }
        }
        return 0;
    }
}
