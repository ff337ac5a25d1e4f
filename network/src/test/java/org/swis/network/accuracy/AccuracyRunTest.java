package org.swis.network.accuracy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.swis.io.dataset.LabelledSet;
import org.swis.io.graph.NetworkFolder;
import org.swis.io.graph.NetworkModel;
import org.swis.kernels.KernelRegistry;
import org.swis.reference.swis.Alpha;

/**
 * Whole-network runs on the embedded ResNet-20 and CIFAR-10 images (data/): equalities that follow
 * from the rules (SWIS at N = 8 is lossless, so it predicts exactly like INT8; predictions do not
 * depend on threads or batching) and orderings that must hold by wide margins. No accuracy figure
 * of the code's own output is hard-coded.
 */
class AccuracyRunTest {
    static NetworkModel model;
    static LabelledSet set;
    static CalibrationSet calib;

    static Path data() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("data").resolve("cifar10_resnet20"))) {
                return d.resolve("data");
            }
        }
        return null;
    }

    @BeforeAll
    static void load() throws Exception {
        Path data = data();
        assumeTrue(data != null, "the project's data/ folder (embedded ResNet-20 and images) was not found");
        model = NetworkFolder.load(data.resolve("cifar10_resnet20"));
        set = LabelledSet.open(data.resolve("cifar10_test_1000"), 10);
        Path c = CalibrationSet.sibling(data.resolve("cifar10_test_1000"));
        calib = c != null ? CalibrationSet.separate(c, 32) : CalibrationSet.subset(data.resolve("cifar10_test_1000"), set.size());
    }

    static AccuracyRun.Result run(List<String> methods, int limit, int threads, int batch) throws Exception {
        List<Method> list = methods.stream().map(Method::parse).collect(Collectors.toList());
        return AccuracyRun.run(model, set, calib, new AccuracyRun.Options(list, limit, threads, batch,
                new WeightPlan.Options(4, Alpha.ONE, KernelRegistry.fastestDecomposer(), 1), null));
    }

    static double top1(AccuracyRun.Result r, String id) {
        return r.rows().stream().filter(x -> x.method().id().equals(id) && !x.wholeSet()).findFirst().orElseThrow()
                .top1Percent();
    }

    @Test
    void swisAtEightShiftsPredictsExactlyLikeInt8() throws Exception {
        AccuracyRun.Result r = run(List.of("int8", "swis:8", "swis-c:8", "int8+w", "swis:8+w"), 32, 2, 16);
        Map<String, int[]> p = r.predictions();
        assertArrayEquals(p.get("int8"), p.get("swis:8"));
        assertArrayEquals(p.get("int8"), p.get("swis-c:8"));
        assertArrayEquals(p.get("int8+w"), p.get("swis:8+w"));
    }

    @Test
    void predictionsDoNotDependOnThreadsOrBatching() throws Exception {
        List<String> methods = List.of("swis:3:ss:8", "swis-c:2.5:ds:16", "act-trunc:4", "rtn:4+w");
        AccuracyRun.Result a = run(methods, 24, 1, 1);
        AccuracyRun.Result b = run(methods, 24, 2, 7);
        for (String m : methods) {
            assertArrayEquals(a.predictions().get(m), b.predictions().get(m), m);
        }
    }

    @Test
    void orderingsThatMustHold() throws Exception {
        AccuracyRun.Result r = run(List.of("fp32", "int8", "swis:4:ss:8", "wgt-trunc:2", "act-trunc:2"), 150, 2, 16);
        double fp32 = top1(r, "fp32");
        double int8 = top1(r, "int8");
        // The checkpoint records 91.78 % on clean CIFAR-10; these are lossy JPEGs (datasets README: roughly ten points lower).
        assertTrue(fp32 >= 70, "fp32 " + fp32);
        assertTrue(Math.abs(int8 - fp32) <= 5, "int8 " + int8 + " vs fp32 " + fp32);
        assertTrue(top1(r, "swis:4:ss:8") >= int8 - 5, "SWIS at 4 shifts stays near int8");
        assertTrue(top1(r, "wgt-trunc:2") <= int8 - 20, "2-bit weight truncation loses most of the accuracy");
        assertTrue(top1(r, "act-trunc:2") <= int8 - 20, "2-bit activations lose most of the accuracy");
        assertEquals(150, r.evaluated().length);
    }
}
