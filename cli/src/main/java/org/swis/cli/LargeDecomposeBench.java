package org.swis.cli;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.swis.cli.bench.SparseSafetensors;
import org.swis.cli.report.TextTable;

/**
 * {@code swis bench --large-decompose}: the bounded-memory claim of {@code swis decompose}, measured.
 * Writes a sparse {@link SparseSafetensors} model (by default 18 x 32768 x 1024 float32 = 2.25 GiB, as in
 * {@code LargeSafetensorsDecomposeTest}), runs {@code swis decompose -q --csv --layout OI -o} on it in a
 * child JVM limited to {@code -Xmx512m} once per decomposer, and writes one CSV row per run: machine,
 * JDK, threads, commit, heap limit, sizes, wall seconds, exit code and the SHA-256 of the output (equal
 * for every decomposer when they agree, which the bench checks).
 */
final class LargeDecomposeBench {
    static final List<String> COLUMNS = List.of("jdk", "vm", "cpu_model", "cores", "threads", "git_commit", "xmx",
            "input_bytes", "tensors", "weights", "kernel", "seconds", "exit_code", "output_bytes", "output_sha256");
    static final String XMX = "512m";

    /** The model measured: tensors x filters x channels, dense filters per tensor. */
    record Model(int tensors, int filters, int channels, int denseRows) {
        static final Model DEFAULT = new Model(18, 32768, 1024, 16);

        long weights() {
            return (long) tensors * filters * channels;
        }
    }

    private LargeDecomposeBench() {
    }

    /**
     * Runs the measurement and writes {@code out} (atomically).
     *
     * @param kernels decomposer names, one child run each
     * @return the rows written
     */
    static List<List<String>> run(Path repo, Path out, Model model, List<String> kernels, Progress progress)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("swis-large-decompose");
        try {
            Path input = dir.resolve("large.safetensors");
            long inputBytes = SparseSafetensors.size(model.tensors(), model.filters(), model.channels());
            if (Files.getFileStore(dir).getUsableSpace() < inputBytes) {
                throw new IllegalStateException("the temporary directory " + dir + " has less than " + inputBytes
                        + " bytes free for the (sparse) model");
            }
            SparseSafetensors.write(input, model.tensors(), model.filters(), model.channels(), model.denseRows(), 2021);
            List<List<String>> rows = new ArrayList<>();
            String firstSha = null;
            for (String kernel : kernels) {
                Path output = dir.resolve(kernel + ".swis");
                List<String> cmd = List.of(BenchCommand.javaBinary(), "-Xmx" + XMX, "--add-modules", "jdk.incubator.vector",
                        "-cp", System.getProperty("java.class.path"), SwisCommand.class.getName(), "decompose", "-q",
                        "--csv", "--layout", "OI", "--kernel", kernel, "-o", output.toString(), input.toString());
                Progress.Task task = progress.start("bench: decompose " + inputBytes + " bytes at -Xmx" + XMX + " with "
                        + kernel, 1);
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(kernel + ".log").toFile())
                        .start();
                int rc = p.waitFor();
                double seconds = (System.nanoTime() - t0) / 1e9;
                task.finish();
                if (rc != 0 || !Files.isRegularFile(output)) {
                    throw new IllegalStateException("swis decompose with --kernel " + kernel + " exited " + rc + ": "
                            + Files.readString(dir.resolve(kernel + ".log"), StandardCharsets.UTF_8).strip());
                }
                String sha = sha256(output);
                if (firstSha == null) {
                    firstSha = sha;
                } else if (!firstSha.equals(sha)) {
                    throw new IllegalStateException("decomposer " + kernel + " wrote a different container than "
                            + kernels.get(0) + " (SHA-256 " + sha + " vs " + firstSha + ")");
                }
                rows.add(List.of(System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"),
                        ReproduceCommand.cpuModel(), Integer.toString(Runtime.getRuntime().availableProcessors()),
                        Integer.toString(Runtime.getRuntime().availableProcessors()), ReproduceCommand.gitCommit(repo), XMX,
                        Long.toString(inputBytes), Integer.toString(model.tensors()), Long.toString(model.weights()), kernel,
                        String.format(Locale.ROOT, "%.1f", seconds), Integer.toString(rc), Long.toString(Files.size(output)), sha));
                Files.delete(output);
            }
            AtomicFiles.writeString(out, TextTable.csv(COLUMNS, rows));
            return rows;
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        try (var in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 20];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
