package org.swis.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swis.reference.SwisInputException;

class ResultsToCsvTest {
    private static List<CSVRecord> records(Path csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(csv)).getRecords();
    }

    /** A ratio column and its interval columns ({@code <column>_low}, {@code <column>_high}), as hand-derived. */
    private static void assertInterval(CSVRecord r, String column, String value, String low, String high) {
        assertEquals(value, r.get(column), column);
        assertEquals(low, r.get(column + "_low"), column + "_low");
        assertEquals(high, r.get(column + "_high"), column + "_high");
    }

    private static String result(String bench, String params, double score, String unit) {
        return result(bench, params, score, 0.5, 1, 3, unit);
    }

    private static String result(String bench, String params, double score, double error, int forks, int iterations,
                                 String unit) {
        return "{\"jmhVersion\":\"1.37\",\"benchmark\":\"org.swis.jmh." + bench + "\",\"mode\":\"avgt\",\"threads\":1,"
                + "\"forks\":" + forks + ",\"measurementIterations\":" + iterations + ",\"jvm\":\"/usr/bin/java\",\"jvmArgs\":[\"--add-modules\",\"jdk.incubator.vector\"],"
                + "\"jdkVersion\":\"17.0.15\",\"vmName\":\"OpenJDK 64-Bit Server VM\",\"vmVersion\":\"17.0.15\","
                + "\"params\":{" + params + "},\"primaryMetric\":{\"score\":" + score + ",\"scoreError\":" + error + ","
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
        ResultsToCsv.write(out, ResultsToCsv.read(json), new ResultsToCsv.Environment("cpu", 2, 256));
        List<CSVRecord> recs = records(out);
        assertEquals(3, recs.size());
        CSVRecord swis = recs.get(2);
        assertEquals("swis-vector", swis.get("kernel"));
        assertEquals("int8-vector", swis.get("baseline"));
        assertEquals(0.5, Double.parseDouble(swis.get("ratio_vs_best_int8")), 1e-9);
        assertEquals(4096.0 * 4096 / 4000 / 1e3, Double.parseDouble(swis.get("gmac_per_s")), 1e-3);
        assertEquals("", recs.get(0).get("n"));
        assertEquals("unknown", swis.get("git_commit"), "no build stamp beside k.json");
        assertEquals("unknown", swis.get("git_dirty"));
        assertEquals("quick", swis.get("run"), "1 fork x 3 iterations");
        assertEquals("256", swis.get("vector_bits"));
    }

    /**
     * JMH -t 2 rows (each thread its own call): the rate is the two threads' sum and the ratio is taken against the
     * int8 row of the same thread count; weight_bits is the layout's size (8 for the compact units at M = 4, any
     * N &lt;= 4, and for int8).
     */
    @Test
    void twoThreadRowsAreComparedWithTwoThreadInt8AndCarryTheLayoutBits(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("k.json");
        String shape = "\"shape\":\"llm-4096x4096\",\"n\":\"2\",\"batch\":\"1\"";
        Files.writeString(json, "[" + String.join(",",
                result("KernelBenchmark.run", "\"kernel\":\"int8-scalar\"," + shape, 2000, "us/op"),
                result("KernelBenchmark.run", "\"kernel\":\"int8-scalar\"," + shape, 2500, "us/op").replace("\"threads\":1", "\"threads\":2"),
                result("KernelBenchmark.run", "\"kernel\":\"swis-scalar\"," + shape, 5000, "us/op").replace("\"threads\":1", "\"threads\":2"))
                + "]");
        Path out = dir.resolve("kernels.csv");
        ResultsToCsv.write(out, ResultsToCsv.read(json), new ResultsToCsv.Environment("cpu", 2, 256));
        List<CSVRecord> recs = records(out);
        CSVRecord swis = recs.get(2);
        assertEquals("2", swis.get("threads"));
        assertEquals(0.5, Double.parseDouble(swis.get("ratio_vs_best_int8")), 1e-9, "2500 / 5000, not 2000 / 5000");
        assertEquals(2 * 4096.0 * 4096 / 5000 / 1e3, Double.parseDouble(swis.get("gmac_per_s")), 1e-3);
        assertEquals("8.000", swis.get("weight_bits"));
        assertEquals("8", recs.get(0).get("weight_bits"));
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
        ResultsToCsv.write(out, ResultsToCsv.read(json), new ResultsToCsv.Environment("cpu", 2, 256));
        List<CSVRecord> recs = records(out);
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

    @Test
    void everyRatioCarriesTheIntervalOfItsTwoScoresAndTheJarStamp(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("kernels-jdk17.json");
        String shape = "\"shape\":\"llm-4096x4096\",\"n\":\"4\",\"batch\":\"1\"";
        Files.writeString(json, "[" + String.join(",",
                result("KernelBenchmark.run", "\"kernel\":\"int8-vector\"," + shape, 2000, 100, 3, 5, "us/op"),
                result("KernelBenchmark.run", "\"kernel\":\"int8-scalar\"," + shape, 16000, 300, 3, 5, "us/op"),
                result("KernelBenchmark.run", "\"kernel\":\"swis-vector\"," + shape, 4000, 200, 3, 5, "us/op"))
                + "]");
        new BuildStamp("0123456789abcdef0123456789abcdef01234567", "false",
                "my.jar=" + "ab".repeat(32), "jmh/run-benchmarks.sh").write(dir.resolve("kernels-jdk17.build.properties"));
        Path out = dir.resolve("kernels.csv");
        ResultsToCsv.write(out, ResultsToCsv.read(json), new ResultsToCsv.Environment("cpu", 2, 256));
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(out));
        assertEquals(ResultsToCsv.KERNEL_HEADER, parser.getHeaderNames());
        for (String column : List.of("score", "score_error", "ratio_vs_best_int8_low", "ratio_vs_best_int8_high",
                "gmac_per_s_low", "gmac_per_s_high", "run", "git_commit", "git_dirty", "user_jars", "command", "jmh_iterations")) {
            assertTrue(parser.getHeaderNames().contains(column), column);
        }
        List<CSVRecord> recs = parser.getRecords();
        CSVRecord int8 = recs.get(0);
        CSVRecord swis = recs.get(2);
        // 2000 ± 100 over 4000 ± 200: [1900 / 4200, 2100 / 3800] = [0.45238, 0.55263]
        assertInterval(swis, "ratio_vs_best_int8", "0.5", "0.4523", "0.5527");
        assertEquals("200.0", swis.get("score_error"));
        // 16.777216 M MAC over 4 ± 0.2 ms: [16.777216 / 4.2, 16.777216 / 3.8] GMAC/s = [3.99457, 4.41506]
        assertEquals("3.994", swis.get("gmac_per_s_low"));
        assertEquals("4.416", swis.get("gmac_per_s_high"));
        // the best int8 row against itself: exactly 1
        assertEquals("1", int8.get("ratio_vs_best_int8_low"));
        assertEquals("1", int8.get("ratio_vs_best_int8_high"));
        // int8-scalar: 2000 ± 100 over 16000 ± 300: [1900 / 16300, 2100 / 15700] = [0.116564, 0.133758]
        assertEquals("0.1165", recs.get(1).get("ratio_vs_best_int8_low"));
        assertEquals("0.1338", recs.get(1).get("ratio_vs_best_int8_high"));
        assertEquals("full", swis.get("run"), "3 forks x 5 iterations");
        assertEquals("5", swis.get("jmh_iterations"));
        assertEquals("0123456789abcdef0123456789abcdef01234567", swis.get("git_commit"));
        assertEquals("false", swis.get("git_dirty"));
        assertEquals("my.jar=" + "ab".repeat(32), swis.get("user_jars"));
        assertEquals("jmh/run-benchmarks.sh", swis.get("command"));
    }

    @Test
    void decomposeSpeedupAndReferenceRatioIntervals(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("d.json");
        String common = "\"scheme\":\"swis\",\"n\":\"4\",\"m\":\"4\",\"alpha\":\"1\"";
        Files.writeString(json, "[" + String.join(",",
                result("DecomposeBenchmark.decompose", "\"kernel\":\"reference\"," + common + ",\"threads\":\"1\",\"shape\":\"16x4096\"", 1000, 20, 3, 5, "ms/op"),
                result("DecomposeBenchmark.decompose", "\"kernel\":\"table-vector\"," + common + ",\"threads\":\"1\",\"shape\":\"256x4096\"", 10, 0.5, 3, 5, "ms/op"),
                result("DecomposeBenchmark.decompose", "\"kernel\":\"table-vector\"," + common + ",\"threads\":\"2\",\"shape\":\"256x4096\"", 5.5, 0.5, 3, 5, "ms/op"))
                + "]");
        Path out = dir.resolve("decompose.csv");
        ResultsToCsv.write(out, ResultsToCsv.read(json), new ResultsToCsv.Environment("cpu", 2, 256));
        CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(Files.newBufferedReader(out));
        assertEquals(ResultsToCsv.DECOMPOSE_HEADER, parser.getHeaderNames());
        List<CSVRecord> recs = parser.getRecords();
        CSVRecord one = recs.get(1);
        // (1000 ± 20 ms per 65,536) vs (10 ± 0.5 ms per 1,048,576): 16 x [980 / 10.5, 1020 / 9.5] = [1493.33, 1717.89]
        assertInterval(one, "ratio_vs_reference", "1600", "1493", "1718");
        // 1,048,576 weights in 10 ± 0.5 ms: [99.864, 110.376] M weights/s
        assertEquals("99.86", one.get("mweights_per_s_low"));
        assertEquals("110.4", one.get("mweights_per_s_high"));
        // two threads: 10 ± 0.5 over 5.5 ± 0.5 = [9.5 / 6, 10.5 / 5] = [1.58333, 2.1]
        CSVRecord two = recs.get(2);
        assertInterval(two, "speedup_vs_1_thread", "1.818", "1.583", "2.1");
        assertEquals("1", one.get("speedup_vs_1_thread_low"));
        // the reference row's own ratio is exactly 1
        assertEquals("1", recs.get(0).get("ratio_vs_reference_low"));
    }

    /**
     * SWIS_BENCH_PROCESSES rows: a one-thread row of one of two processes is compared with the one-thread row of the
     * process that ran alone, although JMH copied the runner's -Djmh.ignoreLock=true into its fork arguments; and the
     * alone row is the one-thread base of the two-thread row, not a row of the pair.
     */
    @Test
    void aRowOfTwoProcessesIsComparedWithTheProcessThatRanAlone(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("d.json");
        String common = "\"kernel\":\"table-vector\",\"scheme\":\"swis\",\"n\":\"4\",\"m\":\"4\",\"alpha\":\"1\",\"shape\":\"256x4096\"";
        String pair = result("DecomposeBenchmark.decompose", common + ",\"threads\":\"1\",\"processes\":\"2\"", 16, 0.5, 6, 5, "ms/op")
                .replace("\"jvmArgs\":[", "\"jvmArgs\":[\"-Djmh.ignoreLock=true\",");
        Files.writeString(json, "[" + String.join(",",
                pair,
                result("DecomposeBenchmark.decompose", common + ",\"threads\":\"1\",\"processes\":\"1\"", 10, 0.5, 6, 5, "ms/op"),
                result("DecomposeBenchmark.decompose", common + ",\"threads\":\"2\",\"processes\":\"1\"", 5.5, 0.5, 6, 5, "ms/op"))
                + "]");
        Path out = dir.resolve("decompose.csv");
        ResultsToCsv.write(out, ResultsToCsv.read(json), new ResultsToCsv.Environment("cpu", 2, 256));
        List<CSVRecord> recs = records(out);
        CSVRecord inPair = recs.get(0);
        assertEquals("2", inPair.get("processes"));
        // 10 ± 0.5 over 16 ± 0.5: 0.625, [9.5 / 16.5, 10.5 / 15.5] = [0.57576, 0.67742]
        assertInterval(inPair, "speedup_vs_1_thread", "0.625", "0.5757", "0.6775");
        assertEquals("1", recs.get(1).get("processes"));
        assertEquals("1.818", recs.get(2).get("speedup_vs_1_thread"), "10 / 5.5, against the process that ran alone");
    }
}
