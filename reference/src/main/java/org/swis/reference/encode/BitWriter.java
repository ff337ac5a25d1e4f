package org.swis.reference.encode;

import java.util.Arrays;

/**
 * The in-memory {@link BitSink}: appends bits LSB-first: stream bit k is bit {@code k % 8} of byte {@code k / 8}; a multi-bit field
 * is written from its least significant bit (SPEC §4).
 */
public final class BitWriter implements BitSink {
    private byte[] bytes = new byte[64];
    private long length;

    @Override
    public void write(int value, int width) {
        for (int b = 0; b < width; b++) {
            writeBit((value >>> b & 1) != 0);
        }
    }

    public void writeBit(boolean bit) {
        int index = (int) (length >>> 3);
        if (index >= bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        if (bit) {
            bytes[index] |= (byte) (1 << (length & 7));
        }
        length++;
    }

    /** Bits written so far. */
    public long length() {
        return length;
    }

    /** The written bytes; the last one zero-filled. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, (int) ((length + 7) >>> 3));
    }
}
