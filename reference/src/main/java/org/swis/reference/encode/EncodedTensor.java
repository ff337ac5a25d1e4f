package org.swis.reference.encode;

import org.swis.reference.swis.Scheme;

/**
 * A decomposed tensor as stored: a header (scheme, M, filters, groups per filter, the shift count of
 * every filter, the number of real weights) and the packed group bit stream of
 * {@link GroupStreamCodec}. Immutable.
 */
public record EncodedTensor(Scheme scheme, int m, int filters, int groupsPerFilter, int[] shiftsPerFilter,
                            long realWeights, long bitLength, byte[] stream) {
    public EncodedTensor {
        shiftsPerFilter = shiftsPerFilter.clone();
        stream = stream.clone();
    }

    @Override
    public int[] shiftsPerFilter() {
        return shiftsPerFilter.clone();
    }

    @Override
    public byte[] stream() {
        return stream.clone();
    }

    /** Exact stored bits per real weight: bit length / real weights (padding slots cost bits but are not weights). */
    public double bitsPerWeight() {
        return (double) bitLength / realWeights;
    }
}
