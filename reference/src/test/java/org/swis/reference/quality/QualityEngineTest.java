package org.swis.reference.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.swis.reference.demo.SyntheticLayer;

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
}
