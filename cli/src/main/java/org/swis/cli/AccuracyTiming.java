package org.swis.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.swis.network.accuracy.AccuracyRun;
import org.swis.network.infer.PhaseClock;

/**
 * The speed of an accuracy run (SPEC §14.5): per method, the wall time to plan the integer weights, then
 * {@code runs} timed passes over the evaluated images (images decoded and preprocessed once beforehand when
 * they fit the cache; calibration and planning excluded), their mean, standard deviation and 95 % interval of
 * the mean (Student t, runs − 1 degrees of freedom), images per second with the interval, the worker
 * threads' CPU seconds per run, where the thread-time goes per image (quantize, im2col, GEMM, direct
 * depthwise/grouped loop, epilogue, other nodes) and the GEMM's rate in GMAC/s per thread, with the machine,
 * JDK, threads, batch and commit (last column).
 */
final class AccuracyTiming {
    static final String HEADER = "model,set,method,mode,images,runs,plan_s,mean_s,stdev_s,ci95_low_s,ci95_high_s,"
            + "images_per_s,images_per_s_ci95_low,images_per_s_ci95_high,run_s,cpu_s_per_run,"
            + "quantize_ms_per_image,im2col_ms_per_image,gemm_ms_per_image,direct_ms_per_image,epilogue_ms_per_image,"
            + "other_ms_per_image,gemm_mmac_per_image,gemm_gmac_per_thread_s,inputs_decoded_before,"
            + "threads,batch,cpu,cores,jdk,commit";

    /** Two-sided 95 % Student t quantiles for 1..30 degrees of freedom. */
    private static final double[] T95 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060,
        2.056, 2.052, 2.048, 2.045, 2.042};

    private AccuracyTiming() {
    }

    /** t_{0.975, df}; beyond 30 degrees of freedom 1.96 + 2.4 / df (within 0.002 of the exact quantile). */
    static double t95(int df) {
        if (df < 1) {
            return Double.NaN;
        }
        return df <= T95.length ? T95[df - 1] : 1.96 + 2.4 / df;
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
            AccuracyRun.Timing t = r.timing();
            double[] runs = t == null ? new double[] {r.inferenceSeconds()} : t.runSeconds();
            int n = runs.length;
            double mean = 0;
            for (double x : runs) {
                mean += x;
            }
            mean /= n;
            double var = 0;
            for (double x : runs) {
                var += (x - mean) * (x - mean);
            }
            double sd = n > 1 ? Math.sqrt(var / (n - 1)) : Double.NaN;
            double half = n > 1 ? t95(n - 1) * sd / Math.sqrt(n) : Double.NaN;
            // a lower bound at or below 0 s leaves the images/s interval unbounded above ("inf")
            StringBuilder list = new StringBuilder();
            for (double x : runs) {
                list.append(list.length() == 0 ? "" : ";").append(String.format(Locale.ROOT, "%.3f", x));
            }
            double cpuRun = Double.NaN;
            if (t != null) {
                cpuRun = 0;
                for (double c : t.cpuSeconds()) {
                    cpuRun += c / n;
                }
            }
            b.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%d,%d,%.3f,%.3f,%s,%s,%s,%.1f,%s,%s,%s,%.3f,", out.model(),
                    out.set(), r.method().id(), r.method().mode(), images, n, r.planSeconds(), mean, num(sd, "%.3f"),
                    num(mean - half, "%.3f"), num(mean + half, "%.3f"), images / mean,
                    num(images / (mean + half), "%.1f"), mean - half > 0 ? num(images / (mean - half), "%.1f")
                            : Double.isNaN(half) ? "" : "inf", list, cpuRun));
            long[] ph = t == null ? null : t.phaseNanos();
            double perImage = (double) images * n;
            for (int i = 0; i < PhaseClock.NAMES.size(); i++) {
                b.append(ph == null ? "" : String.format(Locale.ROOT, "%.4f", ph[i] / 1e6 / perImage)).append(',');
            }
            long macs = t == null ? 0 : t.kernelMacsPerImage();
            double gemmNanos = ph == null ? 0 : ph[PhaseClock.Phase.GEMM.ordinal()];
            b.append(macs == 0 ? "" : String.format(Locale.ROOT, "%.3f", macs / 1e6)).append(',');
            b.append(macs == 0 || gemmNanos == 0 ? "" : String.format(Locale.ROOT, "%.2f", macs * perImage / gemmNanos))
                    .append(',');
            b.append(t != null && t.decodedBefore()).append(',');
            b.append(String.format(Locale.ROOT, "%d,%d,%s,%d,%s,%s%n", threads, batch, cpu,
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), commit));
        }
        return b.toString();
    }

    private static String num(double v, String f) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, f, v) : "";
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
