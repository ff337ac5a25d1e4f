package org.swis.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** Log-axis ticks against hand-derived decades, labels and minor ticks. */
class LogAxisTest {
    @Test
    void speedUpRangeWithinTwoDecadesGetsThreeLabelledDecades() {
        // 0.2 .. 6: bottom decade 0.1 (0.1 <= 0.2 < 1), top decade 10 (1 < 6 <= 10).
        LogAxis a = LogAxis.covering(new double[] {0.2, 0.5, 3, 6});
        assertEquals(new LogAxis(-1, 1), a);
        assertEquals(List.of(0.1, 1.0, 10.0), a.majorTicks());
        assertEquals(List.of("0.1", "1", "10"), a.labels());
        assertEquals(List.of(0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0), a.minorTicks());
        assertEquals(0.1, a.min());
        assertEquals(10.0, a.max());
    }

    @Test
    void rmseRangeUsesPlainDecimalsNeverENotation() {
        // ResNet-20's RMSE rows: 4.6e-4 .. 0.064 -> 0.0001 .. 0.1.
        LogAxis a = LogAxis.covering(new double[] {4.6e-4, 0.064}, new double[] {7.8e-4});
        assertEquals(new LogAxis(-4, -1), a);
        assertEquals(List.of("0.0001", "0.001", "0.01", "0.1"), a.labels());
        assertEquals("0.####", a.pattern());
        for (int i = 0; i < a.majorTicks().size(); i++) {
            assertEquals(a.labels().get(i), a.format(a.majorTicks().get(i)));
        }
        assertEquals(24, a.minorTicks().size());
        assertEquals(0.0002, a.minorTicks().get(0));
        assertEquals(0.09, a.minorTicks().get(23));
    }

    @Test
    void valuesOnDecadesAreTheirOwnBounds() {
        assertEquals(new LogAxis(-3, -2), LogAxis.covering(new double[] {0.001, 0.01}));
        assertEquals(new LogAxis(0, 3), LogAxis.covering(new double[] {1, 1000}));
        assertEquals(List.of("1", "10", "100", "1000"), LogAxis.covering(new double[] {1, 1000}).labels());
        // 0.001 is not exactly 10^-3 in binary; log10 of the double must still give -3.
        assertEquals(-3, LogAxis.floorExponent(0.001));
        assertEquals(-4, LogAxis.floorExponent(Math.nextDown(0.001)));
        assertEquals(2, LogAxis.floorExponent(999.9999));
    }

    @Test
    void singleValueStillSpansOneDecade() {
        assertEquals(new LogAxis(0, 1), LogAxis.covering(new double[] {1, 1}));
        assertEquals(new LogAxis(0, 1), LogAxis.covering(new double[] {1.5}));
    }

    @Test
    void nonPositiveValuesAreIgnoredAndAllNonPositiveGivesNoAxis() {
        assertEquals(new LogAxis(-1, 0), LogAxis.covering(new double[] {0, -3, 0.25, Double.NaN}));
        assertNull(LogAxis.covering(new double[] {0, -1}));
        assertThrows(IllegalArgumentException.class, () -> new LogAxis(2, 2));
    }

    @Test
    void logChartIsSnappedToDecadesAndRenders() {
        XYChart c = Charts.lines("t", "x", "y", true, List.of(new Charts.Series("s", new double[] {1, 2}, new double[] {0.2, 6})));
        assertTrue(c.getStyler().isYAxisLogarithmic());
        assertEquals(0.1, c.getStyler().getYAxisMin());
        assertEquals(10.0, c.getStyler().getYAxisMax());
        assertEquals("0.#", c.getStyler().getYAxisDecimalPattern());
        assertTrue(Charts.png(c).length > 1000);
        XYChart linear = Charts.lines("t", "x", "y", false, List.of(new Charts.Series("s", new double[] {1, 2}, new double[] {0.2, 6})));
        assertNull(linear.getStyler().getYAxisMin());
    }
}
