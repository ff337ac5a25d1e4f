package org.swis.io;

/**
 * Conversions of 16-bit floating formats to {@code float}, exact (every half and bfloat16 value is
 * representable as a float). IEEE 754 binary16: 1 sign, 5 exponent (bias 15), 10 fraction bits;
 * bfloat16: the upper 16 bits of a binary32.
 */
public final class HalfFloats {
    private HalfFloats() {
    }

    /** IEEE binary16 bits to float: normals, subnormals (2^-24 steps), signed zeros, inf and NaN. */
    public static float halfToFloat(short bits) {
        int h = bits & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1f;
        int frac = h & 0x3ff;
        if (exp == 0x1f) {
            // inf (frac 0) or NaN; the NaN payload is kept in the top fraction bits.
            return Float.intBitsToFloat(sign | 0x7f800000 | (frac << 13));
        }
        if (exp == 0) {
            // zero or subnormal: frac * 2^-24, exact in float.
            float magnitude = frac * 0x1p-24f;
            return sign != 0 ? -magnitude : magnitude;
        }
        return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (frac << 13));
    }

    /** bfloat16 bits to float: the bits become the upper half of a binary32. */
    public static float bf16ToFloat(short bits) {
        return Float.intBitsToFloat((bits & 0xffff) << 16);
    }
}
