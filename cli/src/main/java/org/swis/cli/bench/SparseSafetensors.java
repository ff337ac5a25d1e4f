package org.swis.cli.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;

/**
 * A large .safetensors model that costs little disk: {@code tensors} float32 linear weights of
 * {@code filters x channels} (tensor t named {@code t<t>}), whose first {@code denseRows} filters hold
 * N(0, 0.02 (1 + t)) weights (seeded) and whose other filters are zeros left as a hole in a sparse file.
 * Used by the large-decompose test and by {@code swis bench --large-decompose}.
 */
public final class SparseSafetensors {
    private SparseSafetensors() {
    }

    /** Bytes the file will have (its apparent size). */
    public static long size(int tensors, int filters, int channels) {
        return 8 + header(tensors, filters, channels).length + (long) tensors * 4 * filters * channels;
    }

    /** Writes the model; returns the dense filters of every tensor, {@code denseRows x channels} in C order. */
    public static float[][] write(Path file, int tensors, int filters, int channels, int denseRows, long seed)
            throws IOException {
        byte[] header = header(tensors, filters, channels);
        long tensorBytes = 4L * filters * channels;
        long dataStart = 8 + header.length;
        float[][] dense = new float[tensors][];
        Random random = new Random(seed);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(0);
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length);
            f.write(len.array());
            f.write(header);
            f.setLength(size(tensors, filters, channels)); // the zeros are a hole
            for (int t = 0; t < tensors; t++) {
                dense[t] = new float[denseRows * channels];
                ByteBuffer b = ByteBuffer.allocate(4 * dense[t].length).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < dense[t].length; i++) {
                    dense[t][i] = (float) (random.nextGaussian() * 0.02 * (1 + t));
                    b.putFloat(dense[t][i]);
                }
                f.seek(dataStart + t * tensorBytes);
                f.write(b.array());
            }
        }
        return dense;
    }

    private static byte[] header(int tensors, int filters, int channels) {
        long tensorBytes = 4L * filters * channels;
        StringBuilder h = new StringBuilder("{");
        for (int t = 0; t < tensors; t++) {
            long b = t * tensorBytes;
            h.append(t == 0 ? "" : ",").append("\"t").append(t).append("\":{\"dtype\":\"F32\",\"shape\":[")
                    .append(filters).append(',').append(channels).append("],\"data_offsets\":[").append(b).append(',')
                    .append(b + tensorBytes).append("]}");
        }
        return h.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }
}
