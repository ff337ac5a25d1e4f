package org.swis.reference.encode;

import org.swis.reference.SwisInputException;

/** Reads a stream written by {@link BitWriter} (LSB-first, SPEC §4), never past its declared bit length. */
public final class BitReader {
    private final byte[] bytes;
    private final long limit;
    private long position;

    /** @param limit the stream's length in bits; reading past it is a {@link SwisInputException} */
    public BitReader(byte[] bytes, long limit) {
        if (limit > (long) bytes.length * 8) {
            throw new SwisInputException("bitLength", limit, "at most 8 * stream bytes = " + (long) bytes.length * 8);
        }
        this.bytes = bytes;
        this.limit = limit;
    }

    /** The next {@code width} bits as an unsigned field, least significant first. */
    public int read(int width) {
        int v = 0;
        for (int b = 0; b < width; b++) {
            if (readBit()) {
                v |= 1 << b;
            }
        }
        return v;
    }

    public boolean readBit() {
        if (position >= limit) {
            throw new SwisInputException("stream", "bit " + position, "fewer bits than the header declares (" + limit + ")");
        }
        boolean bit = (bytes[(int) (position >>> 3)] >> (position & 7) & 1) != 0;
        position++;
        return bit;
    }

    public long position() {
        return position;
    }
}
