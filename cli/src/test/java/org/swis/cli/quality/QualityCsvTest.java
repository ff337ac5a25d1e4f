package org.swis.cli.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.swis.reference.demo.SyntheticLayer;
import org.swis.reference.quality.NamedLayer;
import org.swis.reference.quality.QualityEngine;
import org.swis.reference.quality.QualityGrid;

class QualityCsvTest {
    private static final List<NamedLayer> MODEL = List.of(
            new NamedLayer("a", "conv", SyntheticLayer.laplace("a", 8, 8, 3, 0.05, 1)),
            new NamedLayer("b", "conv", SyntheticLayer.laplace("b", 16, 6, 1, 0.1, 2)));

    @Test
    void csvIsDeterministicAndHasTheHeader() {
        String a = QualityCsv.format(QualityEngine.run("m", MODEL, QualityGrid.quick(), s -> { }));
        String b = QualityCsv.format(QualityEngine.run("m", MODEL, QualityGrid.quick(), s -> { }));
        assertEquals(a, b);
        assertTrue(a.startsWith(String.join(",", QualityCsv.HEADER) + "\n"));
    }
}
