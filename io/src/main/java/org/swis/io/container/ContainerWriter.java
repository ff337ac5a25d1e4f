package org.swis.io.container;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a {@link SwisContainer} front to back with bounded memory: records are appended as they are
 * produced, and fields known only later (the tensor count, scales of a tensor encoded block by block)
 * are reserved and patched in place. A discarding writer (no file) lets callers run the same code
 * when only the report is wanted.
 */
public final class ContainerWriter implements Closeable {
    private static final int COUNT_POSITION = SwisContainer.MAGIC.length + 2;

    private final FileChannel channel;
    private final DataOutputStream data;
    private long position;

    private ContainerWriter(FileChannel channel, OutputStream sink) {
        this.channel = channel;
        this.data = new DataOutputStream(new FilterOutputStream(sink) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                position++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                position += len;
            }
        });
    }

    /** A writer to {@code file} (created or truncated); starts with the container header. */
    public static ContainerWriter open(Path file) throws IOException {
        return open(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING));
    }

    /** A writer to an open, empty, writable channel (closed with the writer); starts with the container header. */
    public static ContainerWriter open(FileChannel ch) throws IOException {
        ContainerWriter w = new ContainerWriter(ch, new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 20));
        SwisContainer.writeHeader(w.data, 0);
        return w;
    }

    /** A writer that keeps nothing. */
    public static ContainerWriter discarding() {
        ContainerWriter w = new ContainerWriter(null, OutputStream.nullOutputStream());
        try {
            SwisContainer.writeHeader(w.data, 0);
        } catch (IOException e) {
            throw new IllegalStateException("the null stream cannot fail", e);
        }
        return w;
    }

    /** Where sequential writes go. */
    public DataOutputStream data() {
        return data;
    }

    /** Bytes written so far (the offset of the next sequential byte). */
    public long position() {
        return position;
    }

    /** Appends {@code bytes} zero bytes to be {@linkplain #patchDoubles patched} later; returns their offset. */
    public long reserve(long bytes) throws IOException {
        long at = position;
        byte[] zeros = new byte[(int) Math.min(bytes, 1 << 16)];
        for (long left = bytes; left > 0; left -= zeros.length) {
            data.write(zeros, 0, (int) Math.min(left, zeros.length));
        }
        return at;
    }

    /** Overwrites 8-byte big-endian doubles {@code v[from..to)} at offset {@code at} (already written). */
    public void patchDoubles(long at, double[] v, int from, int to) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 * (to - from));
        for (int i = from; i < to; i++) {
            b.putDouble(v[i]);
        }
        patch(at, b.flip());
    }

    private void patch(long at, ByteBuffer b) throws IOException {
        if (at < 0 || at + b.remaining() > position) {
            throw new IllegalStateException("patch [" + at + ", " + (at + b.remaining()) + ") outside the "
                    + position + " bytes written");
        }
        if (channel == null) {
            return;
        }
        data.flush();
        while (b.hasRemaining()) {
            at += channel.write(b, at);
        }
    }

    /** Writes the tensor count into the header and flushes everything to the file. */
    public void finish(int tensors) throws IOException {
        patch(COUNT_POSITION, ByteBuffer.allocate(4).putInt(0, tensors));
        data.flush();
        if (channel != null) {
            channel.force(false);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            data.flush();
        } finally {
            if (channel != null) {
                channel.close();
            }
        }
    }
}
