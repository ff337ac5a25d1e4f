package org.swis.reference.encode;

import java.util.Arrays;

/**
 * Appends bits LSB-first: stream bit k is bit {@code k % 8} of byte {@code k / 8}; a multi-bit field
 * is written from its least significant bit (SPEC §4).
 */
final class BitWriter implements BitSink {
    private byte[] bytes = new byte[64];
    private long length;

    @Override
    public void write(int value, int width) {
        for (int b = 0; b < width; b++) {
            writeBit((value >>> b & 1) != 0);
        }
    }

    void writeBit(boolean bit) {
        int index = (int) (length >>> 3);
        if (index >= bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        }
        if (bit) {
            bytes[index] |= (byte) (1 << (length & 7));
        }
        length++;
    }

    long length() {
        return length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, (int) ((length + 7) >>> 3));
    }
}
