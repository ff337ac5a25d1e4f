package org.swis.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swis.io.TestFiles;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Streaming design check: a 2.25 GiB safetensors file (18 tensors of 128 MiB, sparse on disk, so
 * cheap to create) is listed by {@code swis inspect} in a child JVM limited to -Xmx512m. Holding
 * all tensors would need 2.25 GiB of heap; streaming needs one tensor (128 MiB). Offsets above 2^31
 * exercise the long-offset, per-tensor memory mapping.
 */
class LargeSafetensorsStreamingTest {
    private static final int TENSORS = 18;
    private static final long FLOATS = 32L << 20; // 128 MiB per tensor

    @TempDir
    Path dir;

    @Test
    void aFileLargerThan2GiBIsListedWith512MiBOfHeap() throws Exception {
        StringBuilder h = new StringBuilder("{");
        for (int i = 0; i < TENSORS; i++) {
            long b = i * FLOATS * 4;
            h.append(i == 0 ? "" : ",").append("\"t").append(i).append("\":{\"dtype\":\"F32\",\"shape\":[")
                    .append(FLOATS / 1024).append(",1024],\"data_offsets\":[").append(b).append(',')
                    .append(b + FLOATS * 4).append("]}");
        }
        byte[] header = h.append('}').toString().getBytes(StandardCharsets.UTF_8);
        long total = 8 + header.length + TENSORS * FLOATS * 4;
        Path p = dir.resolve("big.safetensors");
        assumeTrue(Files.getFileStore(dir).getUsableSpace() > total,
                "needs " + total + " bytes of (sparse) space in the temp directory");
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.write(TestFiles.safetensors(new String(header, StandardCharsets.UTF_8), new byte[0]));
            f.setLength(total); // the data section is a hole of zeros
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process proc = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "org.swis.cli.SwisCommand", "inspect", "--csv", "--layout", "OI", p.toString())
                .redirectErrorStream(true).start();
        byte[] out = proc.getInputStream().readAllBytes();
        assertTrue(proc.waitFor(120, TimeUnit.SECONDS), "child JVM finished");
        String text = new String(out, StandardCharsets.UTF_8);
        assertEquals(0, proc.exitValue(), text);
        List<String> lines = text.lines().toList();
        assertEquals(TENSORS + 1, lines.size(), text);
        assertEquals("t17,32768x1024,float32,OI,33554432,0.00000000,0.00000000,0.00000000,0.00000000",
                lines.get(TENSORS));
    }
}
