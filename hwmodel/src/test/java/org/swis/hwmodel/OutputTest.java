package org.swis.hwmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTest {

    private static List<NetworkResult> sample() {
        ArrayConfig cfg = ArrayConfig.paperDefault();
        Topology t = Topologies.builtin("vgg16");
        return List.of(HardwareModel.run(t, Design.SWIS_DS, ShiftProfile.evenMix(2.5), cfg),
                HardwareModel.run(t, Design.PRAGMATIC, ShiftProfile.uniform(8), cfg),
                HardwareModel.run(t, Design.FXP8, ShiftProfile.uniform(8), cfg));
    }

    @Test
    void csvOutputIsByteIdenticalAcrossRunsAndLocales(@TempDir Path dir) throws IOException {
        Locale saved = Locale.getDefault();
        try {
            ResultCsv.writeLayers(dir.resolve("a.csv"), sample());
            ResultCsv.writeSummary(dir.resolve("s1.csv"), sample());
            Locale.setDefault(Locale.GERMANY);
            ResultCsv.writeLayers(dir.resolve("b.csv"), sample());
            ResultCsv.writeSummary(dir.resolve("s2.csv"), sample());
        } finally {
            Locale.setDefault(saved);
        }
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.csv")), Files.readAllBytes(dir.resolve("b.csv")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("s1.csv")), Files.readAllBytes(dir.resolve("s2.csv")));
        List<String> lines = Files.readAllLines(dir.resolve("a.csv"));
        assertEquals(1 + 3 * 13, lines.size());
        assertTrue(lines.get(0).startsWith("Network,Design,Shift profile,Layer name"));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")), "temp files left behind");
        }
    }

    @Test
    void summaryRowCarriesTheHeadlineMetrics() {
        NetworkResult r = sample().get(0);
        List<String> row = ResultCsv.summaryRow(r);
        assertEquals(ResultCsv.SUMMARY_HEADER.length, row.size());
        assertEquals(Long.toString(r.cycles()), row.get(5));
        assertEquals(String.format(Locale.ROOT, "%.3f", 1e9 / r.cycles()), row.get(7));
        assertEquals(2.5, r.effectiveShifts(), 1e-12); // VGG filter counts are multiples of 32: mix is exact
    }

    @Test
    void entryPointWritesEveryResultFileIdenticallyTwice(@TempDir Path dir) throws IOException {
        ArrayConfig cfg = ArrayConfig.paperDefault();
        HwMain.writeResults(dir.resolve("a"), cfg);
        HwMain.writeResults(dir.resolve("b"), cfg);
        List<String> names = List.of("hw_layers_resnet18.csv", "hw_layers_mobilenetv2.csv", "hw_layers_vgg16.csv",
                "hw_summary.csv", "hw_table4.csv", "hw_table4.md", "hw_assumptions.md", "hw_checks.md");
        for (String n : names) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(n)),
                    Files.readAllBytes(dir.resolve("b").resolve(n)), n);
        }
        // 3 networks x (7 designs x N = 1..8 + 4 designs once) = 180 summary rows
        assertEquals(1 + 180, Files.readAllLines(dir.resolve("a/hw_summary.csv")).size());
        assertEquals(1 + 41, Files.readAllLines(dir.resolve("a/hw_table4.csv")).size());
        // ResNet-18: 20 layers x 60 runs
        assertEquals(1 + 20 * 60, Files.readAllLines(dir.resolve("a/hw_layers_resnet18.csv")).size());
    }
}
