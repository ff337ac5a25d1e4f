package org.swis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swis.cli.quality.QualityTiming;

/** {@code swis quality --timing}: one row per run appended, a foreign file refused, the CSV unchanged by it. */
class QualityTimingTest {
    @TempDir
    Path dir;

    @Test
    void rowsAccumulateAndCsvIsTheSameWithOrWithoutTiming() throws Exception {
        Path m = CommandsTest.model(dir, "m");
        Path timing = dir.resolve("timing.csv");
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        SwisCommandTest.Run r = SwisCommandTest.run("quality", "-q", m.toString(), "--grid", "quick", "-o", a.toString(),
                "--timing", timing.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(0, SwisCommandTest.run("quality", "-q", m.toString(), "--grid", "quick", "-o", b.toString(),
                "--timing", timing.toString()).code());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        List<String> lines = Files.readAllLines(timing);
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertEquals(String.join(",", QualityTiming.HEADER), lines.get(0));
        for (String row : lines.subList(1, 3)) {
            // the test model: 8x6x3x3 conv + 10x12 linear = 432 + 120 weights, 2 layers, quick grid, 8 vectors
            assertTrue(row.startsWith("m,552,2,quick,8,"), row);
            String[] f = row.split(",");
            long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            assertEquals(heapMb, Long.parseLong(f[9]), 1.0, row);
            assertEquals("1", f[10], row);
            if (Files.exists(Path.of("/proc/self/status"))) {
                assertTrue(Long.parseLong(f[8]) > 0, row);
            }
        }
    }

    @Test
    void anotherTableIsRefusedBeforeAnyWork() throws Exception {
        Path m = CommandsTest.model(dir, "m");
        Path timing = dir.resolve("timing.csv");
        Files.writeString(timing, "model,layer\nx,y\n");
        SwisCommandTest.Run r = SwisCommandTest.run("quality", "-q", m.toString(), "--grid", "quick", "--timing", timing.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(timing + ": header: expected " + String.join(",", QualityTiming.HEADER)), r.err());
        assertEquals("model,layer\nx,y\n", Files.readString(timing));
    }

    @Test
    void peakRssIsReadFromProcStatus() {
        long kb = QualityTiming.peakRssKb();
        if (Files.exists(Path.of("/proc/self/status"))) {
            // at least the heap already touched by this JVM
            long used = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1024;
            assertTrue(kb >= used / 2, kb + " KiB vs " + used + " KiB used heap");
        } else {
            assertEquals(-1, kb);
        }
    }
}
