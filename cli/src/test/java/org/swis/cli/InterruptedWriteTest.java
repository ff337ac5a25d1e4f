package org.swis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swis.io.TestFiles;

/**
 * A run stopped by a signal while writing leaves no temporary file ({@link AtomicFiles}: the shutdown hook
 * deletes the pending ones). {@code swis decompose -o} runs in a child JVM (as in
 * {@link LargeSafetensorsDecomposeTest}) on a tensor the reference decomposer needs many seconds for; as soon
 * as its {@code .m.swis.*.tmp} file exists the child gets SIGTERM ({@link Process#destroy()} on Linux; SIGINT
 * runs the same shutdown hooks). Afterwards the output folder is empty: no target, no temporary file.
 */
class InterruptedWriteTest {
    @TempDir
    Path dir;

    @Test
    void sigtermDuringDecomposeLeavesNoTemporaryFile() throws Exception {
        int filters = 2048;
        int channels = 1024;
        float[] w = CommandsTest.laplace(filters * channels, 7);
        Path input = dir.resolve("wide.npy");
        Files.write(input, TestFiles.npy(1, "<f4", false, new int[] {filters, channels}, TestFiles.f32(w)));
        Path outDir = Files.createDirectory(dir.resolve("out"));
        Path output = outDir.resolve("m.swis");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process proc = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "org.swis.cli.SwisCommand", "decompose", "-q", "--layout", "OI", "--kernel", "reference",
                "--threads", "1", "-o", output.toString(), input.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            Path tmp = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (tmp == null && proc.isAlive() && System.nanoTime() < deadline) {
                tmp = temporaries(outDir).stream().findFirst().orElse(null);
                if (tmp == null) {
                    Thread.sleep(20);
                }
            }
            assertTrue(tmp != null, "the child started writing: " + Files.readString(dir.resolve("child.log")));
            assertTrue(proc.isAlive(), "the child is still writing when signalled");
            proc.destroy(); // SIGTERM
            assertTrue(proc.waitFor(60, TimeUnit.SECONDS), "child JVM ended");
            assertNotEquals(0, proc.exitValue(), "ended by the signal: " + Files.readString(dir.resolve("child.log")));
            assertEquals(List.of(), temporaries(outDir), "no temporary file left");
            assertFalse(Files.exists(output), "no partial output");
            try (Stream<Path> s = Files.list(outDir)) {
                assertEquals(0, s.count());
            }
        } finally {
            proc.destroyForcibly();
        }
    }

    private static List<Path> temporaries(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.getFileName().toString().matches("\\..*\\.tmp")).toList();
        }
    }
}
