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

    /** Equal when every header field and every stream byte are equal (records compare arrays by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedTensor e && e.scheme == scheme && e.m == m && e.filters == filters
                && e.groupsPerFilter == groupsPerFilter && e.realWeights == realWeights && e.bitLength == bitLength
                && java.util.Arrays.equals(e.shiftsPerFilter, shiftsPerFilter) && java.util.Arrays.equals(e.stream, stream);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(scheme, m, filters, groupsPerFilter, realWeights, bitLength)
                + 31 * java.util.Arrays.hashCode(shiftsPerFilter) + 961 * java.util.Arrays.hashCode(stream);
    }

    /** Exact stored bits per real weight: bit length / real weights (padding slots cost bits but are not weights). */
    public double bitsPerWeight() {
        return (double) bitLength / realWeights;
    }
}
