package org.swis.io;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HalfFloatsTest {
    private static float h(int bits) {
        return HalfFloats.halfToFloat((short) bits);
    }

    private static float bf(int bits) {
        return HalfFloats.bf16ToFloat((short) bits);
    }

    @Test
    void halfNormalsMatchHandComputedValues() {
        assertEquals(1.0f, h(0x3C00));
        assertEquals(-2.0f, h(0xC000));
        assertEquals(0.5f, h(0x3800));
        assertEquals(65504.0f, h(0x7BFF)); // largest half: (2 - 2^-10) * 2^15
        assertEquals(0x1p-14f, h(0x0400)); // smallest normal
        assertEquals(1.0f + 0x1p-10f, h(0x3C01));
        assertEquals(-0.333251953125f, h(0xB555)); // -(1 + 341/1024) * 2^-2
    }

    @Test
    void halfSubnormalsAreMultiplesOfTwoToTheMinus24() {
        assertEquals(0x1p-24f, h(0x0001));
        assertEquals(1023 * 0x1p-24f, h(0x03FF));
        assertEquals(-0x1p-24f, h(0x8001));
    }

    @Test
    void halfZerosInfinitiesAndNaN() {
        assertEquals(Float.floatToIntBits(0.0f), Float.floatToIntBits(h(0x0000)));
        assertEquals(Float.floatToIntBits(-0.0f), Float.floatToIntBits(h(0x8000)));
        assertEquals(Float.POSITIVE_INFINITY, h(0x7C00));
        assertEquals(Float.NEGATIVE_INFINITY, h(0xFC00));
        assertTrue(Float.isNaN(h(0x7E00)));
        assertTrue(Float.isNaN(h(0x7C01)));
    }

    @Test
    void bfloat16IsTheUpperHalfOfBinary32() {
        assertEquals(1.0f, bf(0x3F80));
        assertEquals(-2.0f, bf(0xC000));
        assertEquals(0x1p-133f, bf(0x0001)); // bf16 subnormal: 2^-126 * 2^-7
        assertEquals(Float.POSITIVE_INFINITY, bf(0x7F80));
        assertEquals(Float.NEGATIVE_INFINITY, bf(0xFF80));
        assertTrue(Float.isNaN(bf(0x7FC0)));
        assertEquals(3.140625f, bf(0x4049)); // 1.5703125 * 2
    }
}
