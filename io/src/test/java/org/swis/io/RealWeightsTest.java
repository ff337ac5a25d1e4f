package org.swis.io;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import org.swis.reference.tensor.Layout;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The two real networks in shared/weights load with the names, order, shapes and element counts of
 * their manifest.csv, and the manifest's min/max/mean/std (computed by numpy at conversion time)
 * match ours: min/max exactly as floats, mean/std to 1e-6 relative (numpy sums pairwise in float64
 * for std, we sum sequentially in double).
 */
class RealWeightsTest {
    static Path folder(String net) {
        Path root = SharedData.weights().orElse(null);
        assumeTrue(root != null, SharedData.ABSENT);
        Path d = root.resolve(net);
        assumeTrue(Files.isRegularFile(d.resolve("weights.npz")), "no " + d.resolve("weights.npz"));
        return d;
    }

    @ParameterizedTest
    @ValueSource(strings = {"cifar10_resnet20", "vww_mobilenet_v1_025"})
    void npzMatchesItsManifest(String net) throws Exception {
        Path d = folder(net);
        Manifest m = Manifest.read(d.resolve("manifest.csv"));
        List<ManifestEntry> rows = m.entries();
        try (NpzReader r = NpzReader.open(d.resolve("weights.npz"))) {
            for (ManifestEntry e : rows) {
                Tensor t = r.next();
                assertEquals(e.name(), t.name());
                assertArrayEquals(e.shape(), t.shape(), e.name());
                assertEquals(e.count(), t.count(), e.name());
                assertEquals(e.dtype(), t.dtype(), e.name());
                TensorStats s = TensorStats.of(t);
                assertEquals((float) e.min().getAsDouble(), (float) s.min(), e.name() + " min");
                assertEquals((float) e.max().getAsDouble(), (float) s.max(), e.name() + " max");
                assertEquals(e.mean().getAsDouble(), s.mean(), 1e-6 * e.std().getAsDouble(), e.name() + " mean");
                assertEquals(e.std().getAsDouble(), s.std(), 1e-6 * e.std().getAsDouble(), e.name() + " std");
                assertEquals(e.zeros().getAsLong(), s.zeros(), e.name() + " zeros");
                t.withLayout(e.layout());
            }
            assertNull(r.next(), "no tensors beyond the manifest");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cifar10_resnet20", "vww_mobilenet_v1_025"})
    void manifestLayoutsFollowTheReadme(String net) throws Exception {
        Manifest m = Manifest.read(folder(net).resolve("manifest.csv"));
        for (ManifestEntry e : m.entries()) {
            Layout expected;
            if (net.startsWith("cifar")) {
                expected = e.kind() == WeightKind.LINEAR ? Layout.OI : Layout.OIHW;
            } else {
                expected = e.kind() == WeightKind.LINEAR ? Layout.IO
                        : e.kind() == WeightKind.DEPTHWISE ? Layout.HWCM : Layout.HWIO;
            }
            assertEquals(expected, e.layout(), e.name());
        }
    }
}
