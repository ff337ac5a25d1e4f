package org.swis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code swis accuracy} on the embedded model and images: outputs, determinism, bad input. */
class AccuracyCommandTest {
    @TempDir
    Path dir;

    static SwisCommandTest.Run run(String... args) {
        return SwisCommandTest.run(args);
    }

    @Test
    void embeddedDefaultWritesCsvPlotAndPredictions() throws Exception {
        Path csv = dir.resolve("acc.csv");
        Path pred = dir.resolve("pred.csv");
        String[] args = {"-q", "accuracy", "--methods", "fp32,int8,swis:3:ss:8", "--limit", "16", "--calib-limit", "16", "-o", csv.toString(),
            "--plot-dir", dir.toString(), "--predictions", pred.toString()};
        SwisCommandTest.Run r = run(args);
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("model,set,images,method"));
        assertTrue(lines.get(2).startsWith("cifar10_resnet20,cifar10_test_1000,16,int8,"), lines.get(2));
        assertTrue(Files.exists(dir.resolve("accuracy_cifar10_resnet20_cifar10_test_1000_top1.png")));
        List<String> p = Files.readAllLines(pred);
        assertEquals(17, p.size());
        assertEquals("file,label,fp32,int8,swis:3:ss:8", p.get(0));
        byte[] first = Files.readAllBytes(csv);
        assertEquals(0, run(args).code());
        assertEquals(new String(first), Files.readString(csv), "a rerun writes the same bytes");
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        SwisCommandTest.Run r = run("accuracy", "--methods", "swis:9");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--methods"), r.err());
        r = run("accuracy", "--grid", "nope");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("quick, table3, full"), r.err());
        r = run("accuracy", dir.toString(), "--data", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("graph.json"), r.err());
        r = run("accuracy", "--methods", "int8", "-o", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("a folder"), r.err());
        r = run("accuracy", "--methods", "int8", "-o", dir.resolve("missing/x.csv").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("existing parent folder"), r.err());
        assertFalse(Files.exists(dir.resolve("missing")));
    }
}
