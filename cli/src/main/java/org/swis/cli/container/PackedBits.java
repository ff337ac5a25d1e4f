package org.swis.cli.container;

import java.util.Arrays;

/**
 * LSB-first bit packing, the same convention as the reference's group stream (SPEC §4): stream bit k
 * is bit {@code k % 8} of byte {@code k / 8}; a multi-bit field is written from its least significant bit.
 * Used for the truncation and RTN payloads of the container.
 */
final class PackedBits {
    private PackedBits() {
    }

    /** Appends fields to a growing byte array. */
    static final class Writer {
        private byte[] bytes = new byte[64];
        private long length;

        void write(int value, int width) {
            for (int b = 0; b < width; b++) {
                int index = (int) (length >>> 3);
                if (index >= bytes.length) {
                    bytes = Arrays.copyOf(bytes, bytes.length * 2);
                }
                if ((value >>> b & 1) != 0) {
                    bytes[index] |= (byte) (1 << (length & 7));
                }
                length++;
            }
        }

        long length() {
            return length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, (int) ((length + 7) >>> 3));
        }
    }

    /** Reads fields back; the caller checks the length first. */
    static final class Reader {
        private final byte[] bytes;
        private long position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int read(int width) {
            int v = 0;
            for (int b = 0; b < width; b++) {
                if ((bytes[(int) (position >>> 3)] >> (position & 7) & 1) != 0) {
                    v |= 1 << b;
                }
                position++;
            }
            return v;
        }
    }
}
