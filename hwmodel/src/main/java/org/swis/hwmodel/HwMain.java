package org.swis.hwmodel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runnable entry point: {@code HwMain [outDir]} (default {@code results}). Runs every design over ResNet-18,
 * MobileNet-v2 and VGG-16 for N = 1..8 (designs that ignore N once), and writes {@code hw_layers_<net>.csv},
 * {@code hw_summary.csv}, {@code hw_table4.csv}, {@code hw_table4.md}, {@code hw_assumptions.md},
 * {@code hw_checks.md} and
 * {@code hw_timing.csv} (wall time of the whole sweep after warm-up; median of several runs).
 */
public final class HwMain {
    static final int WARMUP_SWEEPS = 5;
    static final int MEASURED_SWEEPS = 11;

    private HwMain() {
    }

    /** The full sweep: every built-in network x every design x N = 1..8. */
    public static List<NetworkResult> sweep(List<Topology> nets, ArrayConfig cfg) {
        List<NetworkResult> out = new ArrayList<>();
        for (Topology t : nets) {
            for (Design d : Design.values()) {
                if (d.usesShiftProfile()) {
                    for (int n = 1; n <= 8; n++) {
                        out.add(HardwareModel.run(t, d, ShiftProfile.uniform(n), cfg));
                    }
                } else {
                    out.add(HardwareModel.run(t, d, ShiftProfile.uniform(8), cfg));
                }
            }
        }
        return out;
    }

    /** The built-in networks in output order. */
    static List<Topology> builtinNets() {
        List<Topology> nets = new ArrayList<>();
        for (String n : Topologies.NAMES) {
            nets.add(Topologies.builtin(n));
        }
        return nets;
    }

    /**
     * Writes every deterministic output (all but the timing file) to {@code out}; returns the Table 4 comparison.
     */
    public static Table4Comparison writeResults(Path out, ArrayConfig cfg) throws IOException {
        List<Topology> nets = builtinNets();
        List<NetworkResult> all = sweep(nets, cfg);
        for (Topology t : nets) {
            List<NetworkResult> mine = all.stream().filter(r -> r.topology().equals(t.name())).toList();
            ResultCsv.writeLayers(out.resolve("hw_layers_" + t.name() + ".csv"), mine);
        }
        ResultCsv.writeSummary(out.resolve("hw_summary.csv"), all);

        List<String> assumptions = sweepAssumptions(cfg);
        Table4Comparison t4 = Table4Comparison.run(cfg);
        t4.writeCsv(out.resolve("hw_table4.csv"));
        CsvFiles.writeText(out.resolve("hw_table4.md"), t4.markdown(assumptions));
        StringBuilder am = new StringBuilder("# hwmodel assumptions (printed with every result)\n\n");
        assumptions.forEach(a -> am.append("* ").append(a).append('\n'));
        CsvFiles.writeText(out.resolve("hw_assumptions.md"), am.toString());
        CsvFiles.writeText(out.resolve("hw_checks.md"), ModelChecks.markdown(cfg));
        return t4;
    }

    public static void main(String[] args) throws IOException {
        Path out = Paths.get(args.length > 0 ? args[0] : "results");
        ArrayConfig cfg = ArrayConfig.paperDefault();
        Table4Comparison t4 = writeResults(out, cfg);
        List<Topology> nets = builtinNets();
        List<NetworkResult> all = sweep(nets, cfg);

        // Timing: whole sweep (3 networks x every design x N = 1..8), after warm-up.
        long sink = 0;
        for (int i = 0; i < WARMUP_SWEEPS; i++) {
            sink += sweep(nets, cfg).size();
        }
        long[] ns = new long[MEASURED_SWEEPS];
        for (int i = 0; i < MEASURED_SWEEPS; i++) {
            long t0 = System.nanoTime();
            List<NetworkResult> r = sweep(nets, cfg);
            for (NetworkResult x : r) {
                sink += x.cycles();
            }
            ns[i] = System.nanoTime() - t0;
        }
        long[] sorted = ns.clone();
        Arrays.sort(sorted);
        double medianMs = sorted[sorted.length / 2] / 1e6;
        int layers = all.stream().mapToInt(r -> r.layers().size()).sum();
        CsvFiles.writeCsv(out.resolve("hw_timing.csv"), new String[] {"what", "network_runs", "layer_evaluations",
            "warmup_sweeps", "measured_sweeps", "median_ms", "min_ms", "max_ms", "cpu_model", "cores", "jdk",
            "git_commit"}, List.of(List.of("full sweep: resnet18+mobilenetv2+vgg16, all designs, N=1..8",
                Integer.toString(all.size()), Integer.toString(layers), Integer.toString(WARMUP_SWEEPS),
                Integer.toString(MEASURED_SWEEPS), CsvFiles.num(medianMs, 3), CsvFiles.num(sorted[0] / 1e6, 3),
                CsvFiles.num(sorted[sorted.length - 1] / 1e6, 3), cpuModel(),
                Integer.toString(Runtime.getRuntime().availableProcessors()),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), gitCommit())));

        System.out.println(t4.markdown(sweepAssumptions(cfg)));
        System.out.printf(Locale.ROOT, "sweep: %d network runs, %d layer evaluations, median %.3f ms (checksum %d)%n",
                all.size(), layers, medianMs, sink);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** Assumptions of the whole sweep: array, every design's meaning of N, dataflow, statistics, cost table. */
    static List<String> sweepAssumptions(ArrayConfig cfg) {
        OperandStatistics stats = OperandStatistics.defaultActivations();
        List<String> a = new ArrayList<>();
        for (String line : HardwareModel.assumptions(Design.PRAGMATIC, ShiftProfile.uniform(8), cfg, stats)) {
            if (!line.startsWith("design ")) {
                a.add(line);
            }
        }
        StringBuilder designs = new StringBuilder("designs:");
        for (Design d : Design.values()) {
            designs.append(' ').append(d.label()).append(" (N = ").append(d.meaningOfN()).append(");");
        }
        a.add(1, designs.toString());
        a.addAll(HardwareModel.bundledCost().describe(cfg));
        return a;
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getClass().getSimpleName() + ")";
        }
        return "unknown";
    }

    static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0 || s.length() != 40) {
                return "unavailable";
            }
            return s;
        } catch (IOException e) {
            return "unavailable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unavailable";
        }
    }
}
