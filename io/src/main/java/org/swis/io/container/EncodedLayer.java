package org.swis.io.container;

import org.swis.io.WeightKind;
import org.swis.reference.encode.EncodedTensor;

/**
 * One tensor of a {@link SwisContainer}: what the file says about it and its payload.
 *
 * @param name     tensor name
 * @param kind     conv, depthwise or linear
 * @param shape    original shape as in the weights file
 * @param layout   original layout name (OIHW, HWIO, HWCM, OI, IO)
 * @param method   encoding method
 * @param filters  canonical filters
 * @param channels canonical channels per filter
 * @param kh       kernel height
 * @param kw       kernel width
 * @param scales   per-filter (SWIS, truncation, RTN per channel) or per-group (RTN per group) scales
 * @param swis     the SWIS / SWIS-C stream (null otherwise)
 * @param param    truncation: window width N; RTN: bits k; SWIS: 0
 * @param lo       truncation: window low bit; RTN: group size M (0 = per channel); SWIS: 0
 * @param bitLength payload bits (truncation / RTN)
 * @param payload  packed truncation / RTN payload (null for SWIS)
 */
public record EncodedLayer(String name, WeightKind kind, int[] shape, String layout, Method method, int filters,
                           int channels, int kh, int kw, double[] scales, EncodedTensor swis, int param, int lo,
                           long bitLength, byte[] payload) {

    /** The encodings the container holds. */
    public enum Method {
        SWIS("swis"), SWIS_C("swis-c"), TRUNC("trunc"), RTN("rtn");

        private final String id;

        Method(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** Parses swis, swis-c, trunc or rtn; null otherwise. */
        public static Method parse(String s) {
            for (Method m : values()) {
                if (m.id.equalsIgnoreCase(s)) {
                    return m;
                }
            }
            return null;
        }
    }

    public int size() {
        return filters * channels * kh * kw;
    }

    /** Stored bits of the weights' payload and side information (shifts/offsets, signs, masks; scales not included). */
    public long storedBits() {
        return swis != null ? swis.bitLength() : bitLength;
    }
}
