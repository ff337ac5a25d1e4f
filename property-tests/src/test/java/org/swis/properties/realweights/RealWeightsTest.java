package org.swis.properties.realweights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.swis.io.Manifest;
import org.swis.io.ManifestEntry;
import org.swis.io.NpzReader;
import org.swis.io.SharedData;
import org.swis.reference.baseline.WeightTruncation;
import org.swis.reference.metrics.ErrorMetrics;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.Scheme;
import org.swis.reference.tensor.Layout;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.Quantizer;
import org.swis.reference.tensor.QuantizerConfig;
import org.swis.reference.tensor.WeightTensor;

/**
 * The paper's Table 1 ordering on real weights (CIFAR-10 ResNet-20 from ../shared/weights): for every
 * layer, N = 2..5 and M = 1, 4, RMSE(SWIS) &lt;= RMSE(SWIS-C), and both well below layer-wise weight
 * truncation at the same N: at most 0.6 of its RMSE (RMSE against the float weights, per-tensor INT8,
 * alpha = 1). The truncation baseline here is the strongest one (window chosen by least squared error,
 * SPEC §5.1), so the gap is smaller than the paper's Table 1: the worst layer measured 0.54 (SWIS-C,
 * N = 2, M = 4, layer3.1.conv1) when this test was written; SWIS alone stayed below 0.48.
 */
class RealWeightsTest {
    private static final List<WeightTensor> LAYERS = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        Path dir = SharedData.model("cifar10_resnet20").orElse(null);
        if (dir == null || !Files.isRegularFile(dir.resolve("weights.npz"))) {
            return;
        }
        Manifest manifest = Manifest.read(dir.resolve("manifest.csv"));
        try (NpzReader npz = NpzReader.open(dir.resolve("weights.npz"))) {
            for (ManifestEntry e : manifest.entries()) {
                LAYERS.add(WeightTensor.fromLayout(e.name(), npz.read(e.name()).toFloats(), e.shape(), Layout.parse(e.layout().name())));
            }
        }
    }

    @Test
    void swisBeatsSwisCAndBothBeatTruncationOnEveryResnet20Layer() {
        assumeTrue(!LAYERS.isEmpty(),
                "skipped: shared/weights/cifar10_resnet20 is absent; " + SharedData.ABSENT);
        assertThat(LAYERS).hasSize(20);
        int checked = 0;
        for (WeightTensor w : LAYERS) {
            QuantizedTensor q = Quantizer.quantize(w, QuantizerConfig.DEFAULT);
            double[] original = new double[w.size()];
            for (int i = 0; i < original.length; i++) {
                original[i] = w.get(i);
            }
            for (int n = 2; n <= 5; n++) {
                double trunc = ErrorMetrics.of(original,
                        WeightTruncation.apply(q, n, WeightTruncation.WindowRule.MIN_SSE).truncated().dequantize()).rmse();
                for (int m : new int[] {1, 4}) {
                    double swis = rmse(original, q, Scheme.SWIS, m, n);
                    double swisC = rmse(original, q, Scheme.SWIS_C, m, n);
                    String where = String.format(Locale.ROOT, "%s N=%d M=%d: SWIS %.6f SWIS-C %.6f trunc %.6f",
                            w.name(), n, m, swis, swisC, trunc);
                    assertThat(swis).as(where).isLessThanOrEqualTo(swisC);
                    assertThat(swisC).as(where).isLessThanOrEqualTo(0.6 * trunc);
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(20 * 4 * 2);
    }

    private static double rmse(double[] original, QuantizedTensor q, Scheme s, int m, int n) {
        return ErrorMetrics.of(original,
                Decomposer.decompose(q, new DecompositionConfig(s, m, Alpha.ONE), n).reconstructed().dequantize()).rmse();
    }
}
