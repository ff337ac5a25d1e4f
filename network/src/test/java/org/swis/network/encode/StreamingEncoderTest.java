package org.swis.network.encode;

import org.swis.io.container.ContainerWriter;
import org.swis.io.container.EncodedLayer;
import org.swis.io.container.StreamBits;
import org.swis.io.container.SwisContainer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swis.io.HalfFloats;
import org.swis.io.TensorData;
import org.swis.io.TensorFiles;
import org.swis.io.TensorSource;
import org.swis.io.TestFiles;
import org.swis.io.WeightKind;
import org.swis.reference.tensor.Layout;
import org.swis.io.model.LayerSource;
import org.swis.io.model.ModelLayer;
import org.swis.kernels.DecomposeKernel;
import org.swis.kernels.KernelRegistry;
import org.swis.reference.metrics.ErrorMetrics;
import org.swis.reference.swis.Alpha;

/**
 * The block-at-a-time encoder behind {@code swis decompose} against the oracle: for every scheme and
 * option, every registered decomposer and several block sizes, the record it streams is byte for byte
 * the record {@link LayerEncoder} builds from the whole tensor with the reference, and its error
 * metrics equal {@link ErrorMetrics#of} on the reference reconstruction. Tensors come from a real
 * .safetensors file (memory-mapped views) in five layouts and four dtypes, with partial groups.
 */
class StreamingEncoderTest {
    private static final Random RANDOM = new Random(2021);

    @TempDir
    static Path dir;

    private static final List<LayerSource> SOURCES = new ArrayList<>();

    private record Spec(String name, String dtype, int[] shape, Layout layout, WeightKind kind) {
    }

    @BeforeAll
    static void writeModel() throws Exception {
        List<Spec> specs = List.of(
                new Spec("conv", "F32", new int[] {7, 6, 3, 3}, Layout.OIHW, WeightKind.CONV),
                new Spec("tf", "F16", new int[] {3, 1, 5, 9}, Layout.HWIO, WeightKind.CONV),
                new Spec("dw", "BF16", new int[] {3, 3, 4, 2}, Layout.HWCM, WeightKind.DEPTHWISE),
                new Spec("fc", "F32", new int[] {37, 11}, Layout.IO, WeightKind.LINEAR),
                new Spec("fcq", "I8", new int[] {10, 13}, Layout.OI, WeightKind.LINEAR),
                new Spec("zero", "F32", new int[] {3, 8}, Layout.OI, WeightKind.LINEAR));
        StringBuilder header = new StringBuilder("{");
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Spec s : specs) {
            int count = Arrays.stream(s.shape).reduce(1, (a, b) -> a * b);
            byte[] bytes = values(s, count);
            appendEntry(header, s.name, s.dtype, s.shape, data.size(), bytes.length);
            data.write(bytes);
            if (s.dtype.equals("I8")) {
                float[] scales = new float[s.shape[0]];
                for (int i = 0; i < scales.length; i++) {
                    scales[i] = (float) (0.001 + RANDOM.nextDouble() * 0.01);
                }
                byte[] sb = TestFiles.f32(scales);
                appendEntry(header, s.name + ".scale", "F32", new int[] {scales.length}, data.size(), sb.length);
                data.write(sb);
            }
        }
        header.setCharAt(header.length() - 1, '}');
        Path file = dir.resolve("model.safetensors");
        Files.write(file, TestFiles.safetensors(header.toString(), data.toByteArray()));
        try (TensorSource src = TensorFiles.open(file)) {
            for (Spec s : specs) {
                TensorData t = src.nextData();
                assertEquals(s.name, t.name());
                SOURCES.add(LayerSource.of(t, s.layout, s.kind, file.toString()));
            }
        }
    }

    private static void appendEntry(StringBuilder h, String name, String dtype, int[] shape, long begin, long len) {
        h.append('"').append(name).append("\":{\"dtype\":\"").append(dtype).append("\",\"shape\":")
                .append(Arrays.toString(shape).replace(" ", "")).append(",\"data_offsets\":[").append(begin).append(',')
                .append(begin + len).append("]},");
    }

    /** Gaussian weights with a few large outliers, in the file's dtype (finite values only). */
    private static byte[] values(Spec s, int count) {
        if (s.name.equals("zero")) {
            return new byte[count * 4];
        }
        switch (s.dtype) {
            case "I8" -> {
                byte[] b = new byte[count];
                RANDOM.nextBytes(b);
                b[0] = -128;
                return b;
            }
            case "F16", "BF16" -> {
                ByteBuffer b = ByteBuffer.allocate(2 * count).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < count; i++) {
                    short bits;
                    float v;
                    do {
                        bits = (short) RANDOM.nextInt(1 << 16);
                        v = s.dtype.equals("F16") ? HalfFloats.halfToFloat(bits) : HalfFloats.bf16ToFloat(bits);
                    } while (!Float.isFinite(v) || Math.abs(v) > 4 || Math.abs(v) < 1e-4);
                    b.putShort(bits);
                }
                return b.array();
            }
            default -> {
                float[] v = new float[count];
                for (int i = 0; i < count; i++) {
                    v[i] = (float) (RANDOM.nextGaussian() * 0.05 * (i % 17 == 0 ? 10 : 1));
                }
                return TestFiles.f32(v);
            }
        }
    }

    private static List<LayerEncoder.Options> options() {
        Alpha half = Alpha.parse("1/2");
        EncodedLayer.Method swis = EncodedLayer.Method.SWIS;
        EncodedLayer.Method swisC = EncodedLayer.Method.SWIS_C;
        EncodedLayer.Method trunc = EncodedLayer.Method.TRUNC;
        EncodedLayer.Method rtn = EncodedLayer.Method.RTN;
        LayerEncoder.Pe ss = LayerEncoder.Pe.SS;
        LayerEncoder.Pe ds = LayerEncoder.Pe.DS;
        double uniform = Double.NaN;
        return List.of(
                new LayerEncoder.Options(swis, 3, 4, Alpha.ONE, uniform, ss, false, false),
                new LayerEncoder.Options(swis, 1, 1, Alpha.ZERO, uniform, ss, false, false),
                new LayerEncoder.Options(swis, 8, 16, half, uniform, ss, true, false),
                new LayerEncoder.Options(swisC, 2, 4, Alpha.ONE, uniform, ss, false, false),
                new LayerEncoder.Options(swisC, 5, 3, Alpha.ZERO, uniform, ss, true, false),
                new LayerEncoder.Options(swis, 3, 4, Alpha.ONE, 2.5, ss, false, false),
                new LayerEncoder.Options(swisC, 3, 4, Alpha.ONE, 3.0, ds, true, false),
                new LayerEncoder.Options(swis, 3, 2, half, 4.0, ds, false, false),
                new LayerEncoder.Options(swis, 3, 4, Alpha.ONE, 3.5, ss, false, false, 3),
                new LayerEncoder.Options(trunc, 4, 4, Alpha.ONE, uniform, ss, false, false),
                new LayerEncoder.Options(trunc, 2, 4, Alpha.ONE, uniform, ss, true, false),
                new LayerEncoder.Options(trunc, 8, 4, Alpha.ONE, uniform, ss, false, false),
                new LayerEncoder.Options(rtn, 4, 4, Alpha.ONE, uniform, ss, false, false),
                new LayerEncoder.Options(rtn, 3, 4, Alpha.ONE, uniform, ss, false, true),
                new LayerEncoder.Options(rtn, 8, 16, Alpha.ONE, uniform, ss, false, true));
    }

    @Test
    void streamedRecordsAreByteForByteTheReferenceRecordsForEveryKernelAndBlockSize() throws Exception {
        List<DecomposeKernel> kernels = KernelRegistry.decomposers();
        int checked = 0;
        for (LayerSource source : SOURCES) {
            ModelLayer whole = source.load();
            double[] original = new double[whole.weights().size()];
            for (int i = 0; i < original.length; i++) {
                original[i] = whole.weights().get(i);
            }
            for (LayerEncoder.Options o : options()) {
                LayerEncoder.Result expected = LayerEncoder.encode(whole, o);
                ByteArrayOutputStream record = new ByteArrayOutputStream();
                SwisContainer.writeLayer(new DataOutputStream(record), expected.layer());
                ErrorMetrics expectedError = ErrorMetrics.of(original, expected.reconstruction());
                boolean swis = o.method() == EncodedLayer.Method.SWIS || o.method() == EncodedLayer.Method.SWIS_C;
                for (DecomposeKernel k : swis ? kernels : kernels.subList(0, 1)) {
                    for (int blockWeights : new int[] {1, 50, StreamingEncoder.BLOCK_WEIGHTS}) {
                        String what = source.name() + " " + o + " kernel " + k.name() + " block " + blockWeights;
                        Path out = dir.resolve("out.swis");
                        StreamingEncoder.Summary s;
                        try (ContainerWriter w = ContainerWriter.open(out)) {
                            s = new StreamingEncoder(o, k, 2, blockWeights, null).encode(source, w);
                            w.finish(1);
                        }
                        byte[] file = Files.readAllBytes(out);
                        byte[] head = Arrays.copyOf(file, 10);
                        assertArrayEquals(new byte[] {'S', 'W', 'I', 'S', 0, 1, 0, 0, 0, 1}, head, what);
                        assertArrayEquals(record.toByteArray(), Arrays.copyOfRange(file, 10, file.length), what);
                        assertEquals(expectedError, s.error(), what);
                        assertEquals(expected.bitsPerWeight(), s.bitsPerWeight(), 0, what);
                        assertEquals(expected.shifts(), s.shifts(), 0, what);
                        assertEquals(original.length, s.weights(), what);
                        checked++;
                    }
                }
            }
        }
        assertEquals(SOURCES.size() * (9 * kernels.size() + 6) * 3, checked);
    }

    @Test
    void aDiscardingWriterReportsTheSameSummaryAsAFile() throws Exception {
        LayerEncoder.Options o = options().get(0);
        DecomposeKernel k = KernelRegistry.fastestDecomposer();
        for (LayerSource source : SOURCES) {
            StreamingEncoder.Summary toFile;
            try (ContainerWriter w = ContainerWriter.open(dir.resolve("d.swis"))) {
                toFile = new StreamingEncoder(o, k, 1, 64, null).encode(source, w);
            }
            StreamingEncoder.Summary discarded;
            try (ContainerWriter w = ContainerWriter.discarding()) {
                discarded = new StreamingEncoder(o, k, 1, 64, null).encode(source, w);
            }
            assertEquals(toFile, discarded, source.name());
        }
    }
}
