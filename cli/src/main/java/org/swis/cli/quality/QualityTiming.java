package org.swis.cli.quality;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The time and memory of one {@code swis quality} run (SPEC §9), one CSV row per run: wall seconds
 * of the engine (model loading excluded), the CPU seconds the process spent meanwhile (all its
 * threads: the engine's one, GC, JIT), the system's 1-minute load average when the engine started (a
 * wall time taken on a busy machine says so), the process's peak resident set (Linux {@code VmHWM}, the figure
 * {@code /usr/bin/time -v} reports as "Maximum resident set size"), the heap limit, and the machine,
 * JDK, threads (the engine runs on one), JVM options and commit. Rows accumulate over runs, so the
 * spread of repeated runs is the measurement's uncertainty.
 */
public final class QualityTiming {
    public static final String[] HEADER = {"model", "weights", "layers", "grid", "vectors", "engine_s", "engine_cpu_s",
        "load_avg_1m", "peak_rss_mb",
        "max_heap_mb", "threads", "cpu", "cores", "jdk", "jvm_args", "commit"};

    private QualityTiming() {
    }

    /** One run. */
    public record Run(String model, long weights, int layers, String grid, int vectors, double engineSeconds,
                      double engineCpuSeconds, double loadAverage, long peakRssKb, long maxHeapBytes, String cpu, int cores, String jdk, String jvmArgs, String commit) {
    }

    /** The header line followed by {@code run} (no existing file) or the existing rows followed by it. */
    public static String append(String existing, Run run) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
        try (CSVPrinter p = new CSVPrinter(out, format)) {
            if (existing == null) {
                p.printRecord((Object[]) HEADER);
            } else {
                out.write(existing);
            }
            p.printRecord(run.model(), run.weights(), run.layers(), run.grid(), run.vectors(),
                    String.format(Locale.ROOT, "%.1f", run.engineSeconds()),
                    run.engineCpuSeconds() < 0 ? "" : String.format(Locale.ROOT, "%.1f", run.engineCpuSeconds()),
                    run.loadAverage() < 0 ? "" : String.format(Locale.ROOT, "%.2f", run.loadAverage()),
                    run.peakRssKb() < 0 ? "" : String.format(Locale.ROOT, "%.0f", run.peakRssKb() / 1024.0),
                    String.format(Locale.ROOT, "%.0f", run.maxHeapBytes() / (1024.0 * 1024.0)), 1, run.cpu(), run.cores(),
                    run.jdk(), run.jvmArgs(), run.commit());
        } catch (IOException e) {
            throw new IllegalStateException("writing CSV to memory failed", e);
        }
        return out.toString();
    }

    /** Whether {@code text} starts with this table's header line (so a new row may be appended). */
    public static boolean hasHeader(String text) {
        String first = text.lines().findFirst().orElse("");
        return first.equals(String.join(",", HEADER));
    }

    /** Peak resident set of this process in KiB from /proc/self/status (VmHWM), or -1 where there is none. */
    public static long peakRssKb() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8);
            for (String l : lines) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.substring(6).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
