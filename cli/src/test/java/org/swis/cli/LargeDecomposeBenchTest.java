package org.swis.cli;


import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swis.cli.bench.SparseSafetensors;

/** The large-decompose bench on a small model: one row per decomposer, same container bytes, CSV as documented. */
class LargeDecomposeBenchTest {
    @TempDir
    Path dir;

    @Test
    void everyDecomposerWritesTheSameContainerAndOneRowEach() throws Exception {
        LargeDecomposeBench.Model small = new LargeDecomposeBench.Model(2, 64, 40, 5);
        Path csv = dir.resolve("decompose_large.csv");
        List<String> kernels = List.of("reference", "table-scalar");
        List<List<String>> rows = LargeDecomposeBench.run(dir, csv, small, kernels,
                new Progress(new PrintWriter(new StringWriter()), true, false));
        assertEquals(2, rows.size());
        int sha = LargeDecomposeBench.COLUMNS.indexOf("output_sha256");
        assertEquals(rows.get(0).get(sha), rows.get(1).get(sha));
        assertEquals("reference", rows.get(0).get(LargeDecomposeBench.COLUMNS.indexOf("kernel")));
        assertEquals(Long.toString(SparseSafetensors.size(2, 64, 40)),
                rows.get(1).get(LargeDecomposeBench.COLUMNS.indexOf("input_bytes")));
        assertEquals("0", rows.get(1).get(LargeDecomposeBench.COLUMNS.indexOf("exit_code")));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size());
        assertEquals(String.join(",", LargeDecomposeBench.COLUMNS), lines.get(0));
    }
}
