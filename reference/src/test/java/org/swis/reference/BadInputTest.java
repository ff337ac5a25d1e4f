package org.swis.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.swis.reference.schedule.ScheduleConfig;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.Scheme;
import org.swis.reference.tensor.Layout;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.WeightTensor;

/** Bad input fails with a {@link SwisInputException} naming the field and the value. */
class BadInputTest {
    private static SwisInputException fails(Runnable r) {
        return assertThrows(SwisInputException.class, r::run);
    }

    @Test
    void nanAndInfiniteWeightsNameTheirIndex() {
        SwisInputException e = fails(() -> new WeightTensor("w", 1, 3, 1, 1, new float[] {0, Float.NaN, 1}));
        assertEquals("w[1]", e.field());
        assertEquals("NaN", e.value());
        assertEquals("w[2]", fails(() -> new WeightTensor("w", 1, 3, 1, 1, new float[] {0, 1, Float.NEGATIVE_INFINITY})).field());
    }

    @Test
    void emptyTensorsAndWrongSizesAreRejected() {
        assertEquals("w.shape[1]", fails(() -> WeightTensor.fromLayout("w", new float[0], new int[] {3, 0}, Layout.OI)).field());
        assertEquals("w.data.length", fails(() -> WeightTensor.fromLayout("w", new float[5], new int[] {2, 3}, Layout.OI)).field());
        assertEquals("w.shape", fails(() -> WeightTensor.fromLayout("w", new float[6], new int[] {2, 3}, Layout.OIHW)).field());
    }

    @Test
    void unknownLayoutIsNamed() {
        SwisInputException e = fails(() -> Layout.parse("NCHW"));
        assertEquals("layout", e.field());
        assertTrue(e.getMessage().contains("NCHW"));
    }

    @Test
    void shiftCountAndGroupSizeOutOfRange() {
        QuantizedTensor q = QuantizedTensor.fromInt8("t", new byte[] {1, 2}, new int[] {1, 2}, Layout.OI, new double[] {1});
        DecompositionConfig c = DecompositionConfig.defaults();
        assertEquals("N", fails(() -> Decomposer.decompose(q, c, 0)).field());
        assertEquals("9", fails(() -> Decomposer.decompose(q, c, 9)).value());
        assertEquals("M", fails(() -> new DecompositionConfig(Scheme.SWIS, 0, Alpha.ONE)).field());
        assertEquals("alpha", fails(() -> Alpha.parse("-1")).field());
        assertEquals("alpha", fails(() -> Alpha.parse("x")).field());
        assertEquals("target", fails(() -> ScheduleConfig.of(0.5)).field());
        assertEquals("shiftsPerFilter[0]", fails(() -> Decomposer.decompose(q, c, new int[] {0})).field());
    }

    @Test
    void int8WithWrongScaleCountIsNamed() {
        assertEquals("t.scale.length", fails(() -> QuantizedTensor.fromInt8("t", new byte[] {1, 2}, new int[] {2, 1},
                Layout.OI, new double[] {1, 2, 3})).field());
    }
}
