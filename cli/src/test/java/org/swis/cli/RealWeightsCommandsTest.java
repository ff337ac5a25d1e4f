package org.swis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.swis.io.container.EncodedLayer;
import org.swis.io.container.SwisContainer;
import org.swis.io.SharedData;

/** decompose and hw on the shared real weights (skipped with a reason when shared/weights is absent). */
class RealWeightsCommandsTest {
    @TempDir
    Path dir;

    static Path folder(String name) {
        Optional<Path> w = SharedData.weights();
        assumeTrue(w.isPresent(), SharedData.ABSENT);
        Path f = w.get().resolve(name);
        assumeTrue(Files.isRegularFile(f.resolve("weights.npz")), f + "/weights.npz absent");
        return f;
    }

    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SwisCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, String.join(" ", args) + ": " + err);
        return new String[] {out.toString(), err.toString()};
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cifar10_resnet20", "vww_mobilenet_v1_025"})
    void decomposeWritesEveryTensorWithTheManifestsLayoutsAndKinds(String model) throws Exception {
        Path f = folder(model);
        Path out = dir.resolve(model + ".swis");
        String[] r = run("decompose", "-q", f.toString(), "--scheme", "swis-c", "--schedule", "2.5", "-o", out.toString());
        List<String> manifest = Files.readAllLines(f.resolve("manifest.csv"));
        List<EncodedLayer> back = SwisContainer.read(out);
        assertEquals(manifest.size() - 1, back.size());
        for (int i = 0; i < back.size(); i++) {
            String row = manifest.get(i + 1);
            EncodedLayer l = back.get(i);
            assertTrue(row.startsWith(l.name() + ","), row);
            assertTrue(row.contains("," + l.kind().manifestName() + ","), row);
            assertTrue(row.contains("\"" + l.layout() + " ("), row);
            assertEquals(l.size(), SwisContainer.reconstruct(l, out.toString()).length);
        }
        assertTrue(r[0].lines().anyMatch(line -> line.startsWith("*")), r[0]);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cifar10_resnet20", "vww_mobilenet_v1_025"})
    void hwRunsTheRealModelWithKnownInputAndStrides(String model) {
        Path f = folder(model);
        String[] r = run("hw", "-q", f.toString(), "--design", "SWIS-SS", "-N", "3", "--schedule", "2.5", "--csv");
        assertTrue(r[0].contains(model + ",SWIS-SS,uniform N=3,3.000,"), r[0]);
        assertTrue(r[0].contains(model + ",SWIS-SS,scheduled N=2.5,"), r[0]);
        // the one linear layer of each manifest (ResNet-20's module.linear.weight 10x64, VWW's dense/kernel:0 256x2)
        String linear = model.equals("cifar10_resnet20") ? "module.linear.weight,linear,10x64," : "dense/kernel:0,linear,256x2,";
        assertTrue(r[0].contains("\nLayers not modelled\nnetwork,layer,kind,shape,reason\n" + model + "," + linear
                + "linear layers are not modelled"), r[0]);
    }
}
