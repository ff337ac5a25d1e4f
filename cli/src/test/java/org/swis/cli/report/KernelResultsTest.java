package org.swis.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelResultsTest {
    @Test
    void swisRatiosFormOneSeriesPerJdkShapeAndBatchAndSkipYardsticks(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("kernels.csv");
        Files.writeString(csv, String.join("\n",
                "jdk,kernel,shape,n,batch,gmac_per_s,ratio_vs_best_int8",
                "17.0.15,swis-vector,llm-4096x4096,2,1,4.0,0.40",
                "17.0.15,swis-vector,llm-4096x4096,4,1,2.0,0.20",
                "17.0.15,int8-vector,llm-4096x4096,,1,10.0,1.0",
                "25.0.3,swis-vector,llm-4096x4096,2,16,9.0,0.90",
                "25.0.3,swis-vector,llm-4096x4096,3,16,8.0,0.80",
                "25.0.3,swis-vector,resnet18-layer4,4,1,1.0,0.30",
                ""));
        List<Map<String, String>> rows = KernelResults.rows(csv);
        assertEquals(6, rows.size());
        Map<String, TreeMap<Integer, Double>> s = KernelResults.swisRatios(rows);
        // the resnet18 series has one point only and is dropped; int8 is a yardstick
        assertEquals(List.of("swis-vector llm-4096x4096 batch 1 (JDK 17)", "swis-vector llm-4096x4096 batch 16 (JDK 25)"),
                List.copyOf(s.keySet()));
        assertEquals(0.20, s.get("swis-vector llm-4096x4096 batch 1 (JDK 17)").get(4), 0);
        assertEquals(List.of("17.0.15", "int8-vector", "llm-4096x4096", "", ""),
                KernelResults.table(rows, List.of("jdk", "kernel", "shape", "missing", "n")).get(2));
    }
}
