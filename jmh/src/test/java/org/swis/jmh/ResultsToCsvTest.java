package org.swis.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swis.reference.SwisInputException;

class ResultsToCsvTest {
    private static String result(String bench, String params, double score, String unit) {
        return "{\"jmhVersion\":\"1.37\",\"benchmark\":\"org.swis.jmh." + bench + "\",\"mode\":\"avgt\",\"threads\":1,"
                + "\"forks\":1,\"jvm\":\"/usr/bin/java\",\"jvmArgs\":[\"--add-modules\",\"jdk.incubator.vector\"],"
                + "\"jdkVersion\":\"17.0.15\",\"vmName\":\"OpenJDK 64-Bit Server VM\",\"vmVersion\":\"17.0.15\","
                + "\"params\":{" + params + "},\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":0.5,"
                + "\"scoreUnit\":\"" + unit + "\"}}";
    }

    @Test
    void kernelRowsGetGmacsAndTheRatioToTheFastestInt8OfTheSameShapeAndBatch(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("k.json");
        Files.writeString(json, "[" + String.join(",",
                result("KernelBenchmark.run", "\"kernel\":\"int8-vector\",\"shape\":\"llm-4096x4096\",\"n\":\"4\",\"batch\":\"1\"", 2000, "us/op"),
                result("KernelBenchmark.run", "\"kernel\":\"int8-scalar\",\"shape\":\"llm-4096x4096\",\"n\":\"4\",\"batch\":\"1\"", 16000, "us/op"),
                result("KernelBenchmark.run", "\"kernel\":\"swis-vector\",\"shape\":\"llm-4096x4096\",\"n\":\"4\",\"batch\":\"1\"", 4000, "us/op"))
                + "]");
        Path out = dir.resolve("kernels.csv");
        ResultsToCsv.write(out, ResultsToCsv.read(json), new ResultsToCsv.Environment("cpu", 2, 256, "abc"));
        List<CSVRecord> recs = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(out)).getRecords();
        assertEquals(3, recs.size());
        CSVRecord swis = recs.get(2);
        assertEquals("swis-vector", swis.get("kernel"));
        assertEquals("int8-vector", swis.get("baseline"));
        assertEquals(0.5, Double.parseDouble(swis.get("ratio_vs_best_int8")), 1e-9);
        assertEquals(4096.0 * 4096 / 4000 / 1e3, Double.parseDouble(swis.get("gmac_per_s")), 1e-3);
        assertEquals("", recs.get(0).get("n"));
        assertEquals("abc", swis.get("git_commit"));
        assertEquals("256", swis.get("vector_bits"));
    }

    @Test
    void decomposeRowsGetWeightsPerSecondRatioToReferenceAndThreadSpeedup(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("d.json");
        String common = "\"scheme\":\"swis\",\"n\":\"4\",\"m\":\"4\",\"alpha\":\"1\"";
        Files.writeString(json, "[" + String.join(",",
                result("DecomposeBenchmark.decompose", "\"kernel\":\"reference\"," + common + ",\"threads\":\"1\",\"shape\":\"16x4096\"", 1000, "ms/op"),
                result("DecomposeBenchmark.decompose", "\"kernel\":\"table-vector\"," + common + ",\"threads\":\"1\",\"shape\":\"256x4096\"", 10, "ms/op"),
                result("DecomposeBenchmark.decompose", "\"kernel\":\"table-vector\"," + common + ",\"threads\":\"2\",\"shape\":\"256x4096\"", 5.5, "ms/op"))
                + "]");
        Path out = dir.resolve("decompose.csv");
        ResultsToCsv.write(out, ResultsToCsv.read(json), new ResultsToCsv.Environment("cpu", 2, 256, "abc"));
        List<CSVRecord> recs = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(out)).getRecords();
        CSVRecord two = recs.get(2);
        double fast = 256.0 * 4096 / 5.5 / 1e3;
        assertEquals(fast, Double.parseDouble(two.get("mweights_per_s")), fast * 1e-3);
        assertEquals(fast / (16.0 * 4096 / 1000 / 1e3), Double.parseDouble(two.get("ratio_vs_reference")), 1);
        assertEquals(10 / 5.5, Double.parseDouble(two.get("speedup_vs_1_thread")), 1e-3);
        assertTrue(Files.list(dir).noneMatch(p -> p.toString().endsWith(".tmp")));
    }

    @Test
    void aFileThatIsNotJmhJsonIsRejectedWithItsName(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"not\":\"an array\"}");
        SwisInputException e = assertThrows(SwisInputException.class, () -> ResultsToCsv.read(bad));
        assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
    }
}
