package org.swis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swis.io.container.EncodedLayer;
import org.swis.network.encode.LayerEncoder;
import org.swis.io.container.SwisContainer;
import org.swis.cli.bench.SparseSafetensors;
import org.swis.io.Tensor;
import org.swis.io.WeightKind;
import org.swis.reference.tensor.Layout;
import org.swis.io.model.ModelLayer;
import org.swis.io.model.ModelLoader;
import org.swis.cli.report.Formats;
import org.swis.reference.encode.EncodedTensor;
import org.swis.reference.metrics.ErrorMetrics;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.Scheme;

/**
 * Decomposing a 2 GB .safetensors file works with -Xmx512m (cli/README.md, "block-at-a-time encoding"): {@code swis decompose}
 * with the default options runs in a child JVM limited to -Xmx512m on a 2.25 GiB file (18 linear
 * tensors of 32768 x 1024 float32 = 128 MiB each; holding one tensor with its copies would not fit).
 * The file is sparse on disk ({@link SparseSafetensors}): the first {@value #ROWS} filters of each
 * tensor hold random weights, the rest are zeros. The whole 0.47 GB output is then compared byte for byte with records built by the
 * reference: the dense filters are the reference encoding of those filters alone (same per-tensor
 * scale, since zeros do not change the absmax), every zero filter is the reference encoding of a zero
 * filter; the printed errors are those of the dense part (zeros add exact zeros to every sum).
 */
class LargeSafetensorsDecomposeTest {
    private static final int TENSORS = 18;
    private static final int FILTERS = 32768;
    private static final int CHANNELS = 1024;
    private static final int ROWS = 16;
    private static final LayerEncoder.Options DEFAULTS = new LayerEncoder.Options(EncodedLayer.Method.SWIS, 3, 4,
            Alpha.ONE, Double.NaN, LayerEncoder.Pe.SS, false, false);

    @TempDir
    Path dir;

    @Test
    void aFileLargerThan2GiBDecomposesWith512MiBOfHeapToTheReferenceBytes() throws Exception {
        long total = SparseSafetensors.size(TENSORS, FILTERS, CHANNELS);
        Path input = dir.resolve("big.safetensors");
        Path output = dir.resolve("big.swis");
        assumeTrue(Files.getFileStore(dir).getUsableSpace() > total,
                "needs " + total + " bytes of (sparse) space and 0.5 GB for the output in the temp directory");
        float[][] dense = SparseSafetensors.write(input, TENSORS, FILTERS, CHANNELS, ROWS, 2021);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // as ./swis runs it: with the Vector API module, so the vector decomposer is selected where it can be
        Process proc = new ProcessBuilder(java, "-Xmx512m", "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"),
                "org.swis.cli.SwisCommand", "decompose", "-q", "--csv", "--layout", "OI", "-o", output.toString(),
                input.toString())
                .redirectErrorStream(true).start();
        byte[] printed = proc.getInputStream().readAllBytes();
        assertTrue(proc.waitFor(600, TimeUnit.SECONDS), "child JVM finished");
        String text = new String(printed, StandardCharsets.UTF_8);
        assertEquals(0, proc.exitValue(), text);
        List<String> lines = text.lines().filter(line -> !line.startsWith("WARNING: Using incubator modules")).toList();
        assertEquals(TENSORS + 2, lines.size(), text); // header, one row per tensor, total

        byte[] zeroFilter = referenceRecord("z", new float[CHANNELS], 1).swis().stream();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(output), 1 << 20))) {
            byte[] head = in.readNBytes(10);
            assertArrayEquals(new byte[] {'S', 'W', 'I', 'S', 0, 1, 0, 0, 0, TENSORS}, head);
            for (int t = 0; t < TENSORS; t++) {
                EncodedLayer small = referenceRecord("t" + t, dense[t], ROWS);
                byte[] expectedStream = new byte[FILTERS * zeroFilter.length];
                System.arraycopy(small.swis().stream(), 0, expectedStream, 0, small.swis().stream().length);
                for (int f = ROWS; f < FILTERS; f++) {
                    System.arraycopy(zeroFilter, 0, expectedStream, f * zeroFilter.length, zeroFilter.length);
                }
                int[] shifts = new int[FILTERS];
                Arrays.fill(shifts, 3);
                double[] scales = new double[FILTERS];
                Arrays.fill(scales, small.scales()[0]);
                EncodedTensor e = new EncodedTensor(Scheme.SWIS, 4, FILTERS, CHANNELS / 4, shifts, (long) FILTERS * CHANNELS,
                        8L * expectedStream.length, expectedStream);
                EncodedLayer big = new EncodedLayer("t" + t, WeightKind.LINEAR, new int[] {FILTERS, CHANNELS}, "OI",
                        EncodedLayer.Method.SWIS, FILTERS, CHANNELS, 1, 1, scales, e, 0, 0, e.bitLength(), null);
                ByteArrayOutputStream record = new ByteArrayOutputStream();
                SwisContainer.writeLayer(new DataOutputStream(record), big);
                byte[] expected = record.toByteArray();
                assertArrayEquals(expected, in.readNBytes(expected.length), "record of tensor t" + t);

                ErrorMetrics err = denseError("t" + t, dense[t]);
                String row = lines.get(1 + t);
                String expectedRow = String.join(",", "t" + t, "linear", FILTERS + "x" + CHANNELS, "swis", "4",
                        "3.000", Long.toString((long) FILTERS * CHANNELS), "6.2500", Formats.sci(
                                Math.sqrt(err.squaredError() / ((double) FILTERS * CHANNELS))),
                        Formats.fixed(err.sqnrDb(), 3), Formats.sci(err.maxAbsError()));
                assertEquals(expectedRow, row);
            }
            assertEquals(-1, in.read(), "no bytes after the last record");
        }
    }

    private static ModelLayer layer(String name, float[] weights, int filters) throws Exception {
        return ModelLoader.convert(Tensor.of(name, new int[] {filters, CHANNELS}, weights), Layout.OI,
                WeightKind.LINEAR, "dense");
    }

    private static EncodedLayer referenceRecord(String name, float[] weights, int filters) throws Exception {
        return LayerEncoder.encode(layer(name, weights, filters), DEFAULTS).layer();
    }

    private static ErrorMetrics denseError(String name, float[] weights) throws Exception {
        ModelLayer l = layer(name, weights, ROWS);
        double[] original = new double[weights.length];
        for (int i = 0; i < original.length; i++) {
            original[i] = weights[i];
        }
        return ErrorMetrics.of(original, LayerEncoder.encode(l, DEFAULTS).reconstruction());
    }

    /** The zero-filter pattern the big test relies on, checked by hand against SPEC §4. */
    @Test
    void aZeroFilterEncodesAsTheFirstCandidateWithEmptyMasks() throws Exception {
        byte[] stream = referenceRecord("z", new float[CHANNELS], 1).swis().stream();
        assertEquals(800, stream.length); // 256 groups x (3 x 3 + 4 + 12) bits, a whole number of bytes
        // group 0: shifts 0, 1, 2 in 3 bits each, LSB-first -> bits 3 and 7; then 16 zero sign / mask bits;
        // group 1 starts at bit 25 -> bits 28 and 32.
        assertArrayEquals(new byte[] {(byte) 0x88, 0, 0, 0x10, 0x01}, Arrays.copyOf(stream, 5));
    }
}
