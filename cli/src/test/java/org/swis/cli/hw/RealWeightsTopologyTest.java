package org.swis.cli.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.swis.hwmodel.Layer;
import org.swis.hwmodel.Topology;
import org.swis.io.SharedData;
import org.swis.io.model.Model;
import org.swis.io.model.ModelLoader;

/**
 * The hardware model's topology of the two shared real models, read through io's model loader and
 * manifest (skipped with a reason when ../shared is absent). MAC counts are hand-derived from the
 * public architectures, not from the code under test.
 */
class RealWeightsTopologyTest {
    static Model model(String name) throws Exception {
        Path dir = SharedData.model(name).orElse(null);
        assumeTrue(dir != null && Files.isRegularFile(dir.resolve(ModelLoader.WEIGHTS_FILE)),
                "shared/weights/" + name + " absent: real-model topology not checked; " + SharedData.ABSENT);
        return ModelLoader.load(dir, null, null, msg -> { });
    }

    @Test
    void realResnet20ManifestGivesKnownMacs() throws Exception {
        Map<String, Integer> strides = Map.of("module.layer2.0.conv1.weight", 2, "module.layer3.0.conv1.weight", 2);
        Topology t = RealWeightsTopology.topology(model("cifar10_resnet20"), strides, 32, 32);
        assertEquals(19, t.layers().size());
        // 442,368 (conv1) + 6 x 2,359,296 + 1,179,648 + 5 x 2,359,296 + 1,179,648 + 5 x 2,359,296
        assertEquals(40_550_400L, t.macs());
    }

    @Test
    void realVwwManifestHasDepthwiseLayers() throws Exception {
        Topology t = RealWeightsTopology.topology(model("vww_mobilenet_v1_025"), Map.of(), 96, 96);
        assertEquals(27, t.layers().size());
        assertEquals(13, t.layers().stream().filter(Layer::isDepthwise).count());
        Layer dw0 = t.layers().get(1);
        assertEquals(8, dw0.groups());
        assertEquals(96, dw0.ifmapHeight());
    }
}
