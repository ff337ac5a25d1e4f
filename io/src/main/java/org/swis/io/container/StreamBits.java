package org.swis.io.container;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.swis.reference.encode.BitSink;

/**
 * A {@link BitSink} that emits every completed byte to a stream (LSB-first, SPEC §4), so a payload of
 * any size is written with a fixed buffer. {@link #finish()} writes the last, zero-padded byte.
 */
public final class StreamBits implements BitSink {
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int buffered;
    private long acc;
    private int fill;
    private long length;

    public StreamBits(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int value, int width) {
        acc |= ((value & 0xFFFF_FFFFL) & ((1L << width) - 1)) << fill;
        fill += width;
        length += width;
        if (fill >= 32) {
            if (buffered > buffer.length - 4) {
                flushBuffer();
            }
            buffer[buffered] = (byte) acc;
            buffer[buffered + 1] = (byte) (acc >>> 8);
            buffer[buffered + 2] = (byte) (acc >>> 16);
            buffer[buffered + 3] = (byte) (acc >>> 24);
            buffered += 4;
            acc >>>= 32;
            fill -= 32;
        }
    }

    private void put(byte b) {
        if (buffered == buffer.length) {
            flushBuffer();
        }
        buffer[buffered++] = b;
    }

    private void flushBuffer() {
        try {
            out.write(buffer, 0, buffered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffered = 0;
    }

    /** Bits written so far. */
    public long length() {
        return length;
    }

    /** Writes the partial last byte (zero-padded) and everything buffered; returns the bytes emitted in total. */
    public long finish() {
        while (fill > 0) {
            put((byte) acc);
            acc >>>= 8;
            fill -= Math.min(8, fill);
        }
        flushBuffer();
        return (length + 7) / 8;
    }
}
