package org.swis.reference.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.swis.reference.demo.SyntheticLayer;
import org.swis.reference.swis.Alpha;
import org.swis.reference.tensor.WeightTensor;

class QualityEngineTest {
    private static final List<NamedLayer> MODEL = List.of(
            new NamedLayer("a", "conv", SyntheticLayer.laplace("a", 8, 8, 3, 0.05, 1)),
            new NamedLayer("b", "conv", SyntheticLayer.laplace("b", 16, 6, 1, 0.1, 2)));

    @Test
    void runsAreDeterministic() {
        assertEquals(QualityEngine.run("m", MODEL, QualityGrid.quick(), s -> { }),
                QualityEngine.run("m", MODEL, QualityGrid.quick(), s -> { }));
    }

    @Test
    void everyConfigurationHasOneRowPerLayerAndOneModelRow() {
        QualityGrid g = QualityGrid.quick();
        List<QualityRow> rows = QualityEngine.run("m", MODEL, g, s -> { });
        // Per layer: int8 1; per scheme x M: integer targets (2, 4) uniform 2 + ss 3 + ds 3 = 8 -> 2 schemes x 2 M x 8 = 32;
        // trunc 2; rtn: channel 2 + group (M = 4 only) 2 = 4. Total 39 per layer; 3 x 39 rows in all.
        assertEquals(3 * 39, rows.size());
        assertEquals(39, rows.stream().filter(r -> r.layer().equals("*")).count());
    }

    @Test
    void modelRowsAreSumsOfLayerRows() {
        List<QualityRow> rows = QualityEngine.run("m", MODEL, QualityGrid.quick(), s -> { });
        for (QualityRow total : rows) {
            if (!total.layer().equals("*")) {
                continue;
            }
            long weights = 0;
            double bits = 0;
            double sq = 0;
            for (QualityRow r : rows) {
                if (!r.layer().equals("*") && r.configKey().equals(total.configKey())) {
                    weights += r.weights();
                    bits += r.storedBits();
                    sq += r.weightError().squaredError();
                }
            }
            assertEquals(8 * 8 * 9 + 16 * 6, weights);
            assertEquals(weights, total.weights());
            assertEquals(bits, total.storedBits(), 0);
            assertEquals(sq, total.weightError().squaredError(), 0);
        }
    }

    @Test
    void storedBitsFollowTheFormulas() {
        List<QualityRow> rows = QualityEngine.run("m", MODEL.subList(0, 1), QualityGrid.quick(), s -> { });
        for (QualityRow r : rows) {
            if (r.layer().equals("*") || r.schedule().equals("ss") || r.schedule().equals("ds")) {
                continue; // scheduled rows mix shift counts per filter; their bits are checked through the model sums
            }
            double expected = switch (r.method()) {
                case "int8" -> 8;
                // layer a has 8 channels: full groups for M = 1 and 4.
                case "swis" -> 1 + r.target() + 3 * r.target() / r.m();
                case "swis-c" -> 1 + r.target() + 3.0 / r.m();
                case "trunc" -> r.target() + 1;
                case "rtn-channel" -> r.target() + 16.0 / (8 * 9);
                case "rtn-group" -> r.target() + 16.0 / r.m();
                default -> throw new AssertionError(r.method());
            };
            assertEquals(expected, r.bitsPerWeight(), 1e-12, r.toString());
        }
    }

    /**
     * Hand-derived: one filter of four weights (1, -0.5, 0.25, 0.1). INT8 per tensor: scale 1/127,
     * magnitudes floor(|w| * 127 + 0.5) = 127, 64, 32, 13; errors 0, 64/127 - 0.5, 0.25 - 32/127,
     * 0.1 - 13/127; RMSE = 0.0024977511 and SQNR = 10 log10(1.3225 / 2.4955e-5) = 47.2423736 dB (by
     * hand, and in numpy with the float32 weights for the last digits).
     */
    @Test
    void int8ErrorOfAHandDerivedLayer() {
        WeightTensor w = new WeightTensor("h", 1, 4, 1, 1, new float[] {1f, -0.5f, 0.25f, 0.1f});
        QualityRow int8 = row(QualityEngine.run("m", List.of(new NamedLayer("h", "conv", w)), QualityGrid.quick(), s -> { }),
                "h", "int8", 0, 8, "-");
        assertEquals(0.0024977511320277332, int8.weightError().rmse(), 1e-15);
        assertEquals(47.24237360529295, int8.weightError().sqnrDb(), 1e-9);
    }

    /**
     * The RMSE and SQNR of the INT8 rows recomputed in the test from the float weights: its own
     * per-tensor INT8 (SPEC §1: scale = absmax / 127, magnitude = min(127, floor(|w| / scale + 0.5)))
     * and its own sums (SPEC §7). SWIS at N = 8 and truncation to 7 magnitude bits are lossless on INT8
     * magnitudes (|q| <= 127, paper §2), so those rows must carry the same values.
     */
    @Test
    void weightErrorsMatchAnIndependentInt8AndMetric() {
        QualityGrid grid = new QualityGrid(List.of(4), List.of(8.0), List.of(7), List.of(8), Alpha.ONE, 2, QualityGrid.SEED);
        List<QualityRow> rows = QualityEngine.run("m", MODEL, grid, s -> { });
        double modelSq = 0;
        double modelSignal = 0;
        long modelCount = 0;
        for (NamedLayer layer : MODEL) {
            WeightTensor w = layer.weights();
            double absmax = 0;
            for (int i = 0; i < w.size(); i++) {
                absmax = Math.max(absmax, Math.abs((double) w.get(i)));
            }
            double scale = absmax / 127;
            double sq = 0;
            double signal = 0;
            for (int i = 0; i < w.size(); i++) {
                double x = w.get(i);
                double q = Math.min(127, Math.floor(Math.abs(x) / scale + 0.5)) * scale;
                double e = x - Math.copySign(q, x);
                sq += e * e;
                signal += x * x;
            }
            double rmse = Math.sqrt(sq / w.size());
            double sqnr = 10 * Math.log10(signal / sq);
            for (QualityRow r : List.of(row(rows, layer.name(), "int8", 0, 8, "-"), row(rows, layer.name(), "swis", 4, 8, "none"),
                    row(rows, layer.name(), "swis-c", 4, 8, "none"), row(rows, layer.name(), "trunc", 0, 7, "-"))) {
                assertEquals(rmse, r.weightError().rmse(), 1e-12 * rmse, r.toString());
                assertEquals(sqnr, r.weightError().sqnrDb(), 1e-9, r.toString());
            }
            modelSq += sq;
            modelSignal += signal;
            modelCount += w.size();
        }
        QualityRow total = row(rows, "*", "int8", 0, 8, "-");
        assertEquals(Math.sqrt(modelSq / modelCount), total.weightError().rmse(), 1e-12);
        assertEquals(10 * Math.log10(modelSignal / modelSq), total.weightError().sqnrDb(), 1e-9);
    }

    private static QualityRow row(List<QualityRow> rows, String layer, String method, int m, double target, String schedule) {
        return rows.stream().filter(r -> r.layer().equals(layer) && r.method().equals(method) && r.m() == m
                && r.target() == target && r.schedule().equals(schedule)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + layer + " " + method + " " + m + " " + target + " " + schedule));
    }
}
