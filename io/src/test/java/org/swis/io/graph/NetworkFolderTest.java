package org.swis.io.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.swis.io.InputException;
import org.swis.io.Manifest;
import org.swis.io.ManifestEntry;
import org.swis.io.NpzReader;
import org.swis.io.Tensor;
import org.swis.io.TestFiles;
import org.swis.io.model.Model;
import org.swis.io.model.ModelLayer;
import org.swis.io.model.ModelLoader;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.WeightTensor;

/**
 * Model folders (SPEC §12.3): the three shared models and the embedded ResNet-20 bind every conv and
 * linear node; the kernel sizes read from each manifest's shape column (by the layout table of SPEC
 * §1.4, written out here) give every conv node's stated output size; the int8 MobileNetV2 keeps the
 * integers of weights_int.npz exactly, with the scales of quant_params.npz, and its float weights are
 * weights.npz, equal to q·scale; broken folders are refused naming the node, key or tensor.
 */
class NetworkFolderTest {
    /** (kh, kw) of a tensor from its stored shape and layout token, written from the layout table. */
    private static int[] kernel(String layoutCell, int[] s) {
        String token = layoutCell.substring(0, layoutCell.indexOf(' '));
        return switch (token) {
            case "OIHW" -> new int[] {s[2], s[3]};
            case "OHWI", "1HWC" -> new int[] {s[1], s[2]};
            case "HWIO", "HWCM" -> new int[] {s[0], s[1]};
            default -> new int[] {1, 1};
        };
    }

    private static Map<String, String> manifestLayouts(Path folder) throws IOException {
        Map<String, String> m = new HashMap<>();
        List<String> lines = Files.readAllLines(folder.resolve("manifest.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] q = line.split("\"");
            m.put(line.substring(0, line.indexOf(',')), q[1] + "|" + line.split(",")[1]);
        }
        return m;
    }

    private static void checkBound(Path folder, NetworkModel m, int weightNodes) throws Exception {
        Map<String, String> layouts = manifestLayouts(folder);
        Map<String, int[]> shapes = GraphReader.tensorShapes(m.graph());
        int bound = 0;
        for (Node n : m.graph().nodes()) {
            if (n instanceof Node.Conv2d c) {
                WeightTensor w = m.weights().get(n.name());
                String[] lay = layouts.get(c.weight()).split("\\|");
                String[] dims = lay[1].split("x");
                int[] s = new int[dims.length];
                for (int i = 0; i < s.length; i++) {
                    s[i] = Integer.parseInt(dims[i]);
                }
                int[] k = kernel(lay[0], s);
                int[] in = shapes.get(c.inputs().get(0));
                int h = (in[0] + c.pad()[0] + c.pad()[1] - c.dilation()[0] * (k[0] - 1) - 1) / c.stride()[0] + 1;
                int wd = (in[1] + c.pad()[2] + c.pad()[3] - c.dilation()[1] * (k[1] - 1) - 1) / c.stride()[1] + 1;
                assertEquals(List.of(h, wd, w.filters()), List.of(c.shape()[0], c.shape()[1], c.shape()[2]), n.name());
                assertEquals(k[0], w.kh(), n.name());
                assertEquals(in[2] / c.groups(), w.channels(), n.name());
                if (c.bias() != null) {
                    assertEquals(w.filters(), m.aux().get(c.bias()).length, n.name());
                }
                if (c.batchnorm() != null) {
                    assertEquals(w.filters(), m.aux().get(c.batchnorm().var()).length, n.name());
                }
                bound++;
            } else if (n instanceof Node.Linear l) {
                WeightTensor w = m.weights().get(n.name());
                assertEquals(l.shape()[0], w.filters(), n.name());
                assertEquals(shapes.get(l.inputs().get(0))[0], w.channels(), n.name());
                assertEquals(w.filters(), m.aux().get(l.bias()).length, n.name());
                bound++;
            }
        }
        assertEquals(weightNodes, bound);
        assertEquals(weightNodes, m.weights().size());
        assertEquals(weightNodes, layouts.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cifar10_resnet20", "vww_mobilenet_v1_025"})
    void floatModelsBindEveryWeightNode(String model) throws Exception {
        Path d = Models.shared(model);
        NetworkModel m = NetworkFolder.load(d);
        checkBound(d, m, model.startsWith("cifar") ? 20 : 28);
        assertTrue(m.int8().isEmpty());
        // the float weights are the file's values in canonical order (checked for one tensor by hand-written index)
        if (model.startsWith("cifar")) {
            try (NpzReader r = NpzReader.open(d.resolve("weights.npz"))) {
                float[] raw = r.read("module.layer1.0.conv1.weight").toFloats(); // OIHW 16x16x3x3
                WeightTensor w = m.weights().get("layer1.0.conv1");
                for (int f = 0; f < 16; f += 5) {
                    for (int ch = 0; ch < 16; ch += 3) {
                        assertEquals(raw[((f * 16 + ch) * 3 + 2) * 3 + 1], w.get(((f * 3 + 2) * 3 + 1) * 16 + ch));
                    }
                }
            }
        }
    }

    @Test
    void theEmbeddedResNet20Loads() throws Exception {
        Path d = Models.embedded("cifar10_resnet20");
        checkBound(d, NetworkFolder.load(d), 20);
    }

    @Test
    void int8MobileNetV2KeepsTheGivenIntegers() throws Exception {
        Path d = Models.shared("imagenet_mobilenet_v2_int8");
        NetworkModel m = NetworkFolder.load(d);
        checkBound(d, m, 53);
        assertEquals(53, m.int8().size());
        int checked = 0;
        try (NpzReader ints = NpzReader.open(d.resolve("weights_int.npz"));
             NpzReader params = NpzReader.open(d.resolve("quant_params.npz"));
             NpzReader floats = NpzReader.open(d.resolve("weights.npz"))) {
            for (Node n : m.graph().nodes()) {
                if (!(n instanceof Node.Conv2d c)) {
                    continue;
                }
                Tensor qt = ints.read(c.weight());
                byte[] q = qt.toBytes();
                float[] f = floats.read(c.weight()).toFloats();
                float[] scale = params.read(c.weight() + "/scale").toFloats();
                int[] s = qt.shape();
                QuantizedTensor it = m.int8().get(n.name());
                WeightTensor wt = m.weights().get(n.name());
                boolean depthwise = c.layout().startsWith("1HWC");
                int k = 0;
                for (int fi = 0; fi < it.filters(); fi++) {
                    assertEquals(scale[fi], it.scale(fi), 0.0, n.name());
                    for (int y = 0; y < it.kh(); y++) {
                        for (int x = 0; x < it.kw(); x++) {
                            for (int ch = 0; ch < it.channels(); ch++, k++) {
                                // OHWI is canonical; 1HWC (1, kh, kw, C): filter fi is the last axis
                                int src = depthwise ? (y * s[2] + x) * s[3] + fi : k;
                                assertEquals(q[src], it.value(k), n.name());
                                assertEquals(f[src], wt.get(k), n.name());
                                assertEquals((float) (q[src] * (double) scale[fi]), wt.get(k), n.name());
                            }
                        }
                    }
                }
                checked += k;
            }
        }
        assertEquals(3_471_040, checked);
    }

    @Test
    void modelLoaderTakesTheGivenInt8Weights() throws Exception {
        Path d = Models.shared("imagenet_mobilenet_v2_int8");
        List<String> notes = new ArrayList<>();
        Model model = ModelLoader.load(d, null, null, notes::add);
        assertEquals(53, model.layers().size());
        assertEquals(3_471_040, model.weightCount());
        Manifest mf = Manifest.read(d.resolve("manifest.csv"));
        for (ModelLayer l : model.layers()) {
            ManifestEntry e = mf.get(l.name());
            assertTrue(l.int8() != null, l.name());
            assertEquals(e.layout(), l.layout());
            assertEquals(e.kind(), l.kind());
        }
        assertTrue(notes.isEmpty(), notes.toString());
    }

    // ---- broken folders, built from the mini graph of GraphReaderTest ----

    private static byte[] f32(int n, float v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, v);
        return TestFiles.f32(a);
    }

    private static byte[] npyF32(int[] shape, float v) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return TestFiles.npy(1, "<f4", false, shape, f32(n, v));
    }

    /** A valid mini folder: w1 OIHW 4x3x3x3, w2 HWCM 3x3x4x1, w3 OI 5x4, biases and BN vectors. */
    private static Path mini(Path dir, String graph, Map<String, int[]> weightShapes, Map<String, Integer> auxLengths)
            throws IOException {
        Files.writeString(dir.resolve("graph.json"), graph, StandardCharsets.UTF_8);
        Map<String, byte[]> w = new java.util.LinkedHashMap<>();
        StringBuilder manifest = new StringBuilder("name,shape,dtype,kind,count,index,layout\n");
        int index = 0;
        for (Map.Entry<String, int[]> e : weightShapes.entrySet()) {
            int[] s = e.getValue();
            w.put(e.getKey() + ".npy", npyF32(s, 0.25f));
            String layout = s.length == 2 ? "OI (out, in)" : e.getKey().equals("w2")
                    ? "HWCM (kh, kw, in_channels, multiplier)" : "OIHW (out, in, kh, kw)";
            String kind = s.length == 2 ? "linear" : e.getKey().equals("w2") ? "depthwise" : "conv";
            int count = 1;
            StringBuilder shape = new StringBuilder();
            for (int x : s) {
                count *= x;
                shape.append(shape.length() == 0 ? "" : "x").append(x);
            }
            manifest.append(e.getKey()).append(',').append(shape).append(",float32,").append(kind).append(',')
                    .append(count).append(',').append(index++).append(",\"").append(layout).append("\"\n");
        }
        Files.write(dir.resolve("weights.npz"), TestFiles.npz(w, false));
        Files.writeString(dir.resolve("manifest.csv"), manifest.toString());
        Map<String, byte[]> a = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : auxLengths.entrySet()) {
            a.put(e.getKey() + ".npy", npyF32(new int[] {e.getValue()}, 1f));
        }
        Files.write(dir.resolve("aux.npz"), TestFiles.npz(a, false));
        return dir;
    }

    private static Map<String, int[]> weights() {
        Map<String, int[]> m = new java.util.LinkedHashMap<>();
        m.put("w1", new int[] {4, 3, 3, 3});
        m.put("w2", new int[] {3, 3, 4, 1});
        m.put("w3", new int[] {5, 4});
        return m;
    }

    private static Map<String, Integer> aux() {
        Map<String, Integer> m = new java.util.LinkedHashMap<>();
        for (String k : List.of("b1", "g", "be", "mu", "va")) {
            m.put(k, 4);
        }
        m.put("b3", 5);
        return m;
    }

    @Test
    void theMiniFolderLoads(@TempDir Path dir) throws Exception {
        NetworkModel m = NetworkFolder.load(mini(dir, GraphReaderTest.MINI, weights(), aux()));
        assertEquals(3, m.weights().size());
        assertEquals(1, m.weights().get("dw").channels());
        assertEquals(6, m.aux().size());
    }

    private static InputException fails(Path dir, String graph, Map<String, int[]> w, Map<String, Integer> a) {
        return assertThrows(InputException.class, () -> NetworkFolder.load(mini(dir, graph, w, a)));
    }

    @Test
    void aMissingWeightKeyNamesTheNode(@TempDir Path dir) {
        InputException e = fails(dir, GraphReaderTest.MINI.replace("\"w3\"", "\"w4\""), weights(), aux());
        assertEquals("node 'fc' weight", e.field());
        assertTrue(e.found().contains("w4"), e.getMessage());
    }

    @Test
    void aKernelThatDoesNotGiveTheStatedSizeNamesTheNode(@TempDir Path dir) {
        Map<String, int[]> w = weights();
        w.put("w1", new int[] {4, 3, 5, 5});
        InputException e = fails(dir, GraphReaderTest.MINI, w, aux());
        assertEquals("node 'c1' shape", e.field());
        assertTrue(e.expected().startsWith("[6, 6, 4]"), e.getMessage());
    }

    @Test
    void aWeightWithTheWrongChannelsNamesTheTensor(@TempDir Path dir) {
        Map<String, int[]> w = weights();
        w.put("w3", new int[] {5, 3});
        InputException e = fails(dir, GraphReaderTest.MINI, w, aux());
        assertEquals("tensor 'w3' (node 'fc') shape", e.field());
    }

    @Test
    void aBiasOfTheWrongLengthNamesTheKey(@TempDir Path dir) {
        Map<String, Integer> a = aux();
        a.put("b1", 3);
        InputException e = fails(dir, GraphReaderTest.MINI, weights(), a);
        assertEquals("array 'b1' (node 'c1' bias)", e.field());
        assertEquals("3 values", e.found());
    }

    @Test
    void aMissingBatchNormVectorNamesTheKey(@TempDir Path dir) {
        Map<String, Integer> a = aux();
        a.remove("va");
        assertEquals("array 'va' (node 'dw' batchnorm)", fails(dir, GraphReaderTest.MINI, weights(), a).field());
    }

    @Test
    void aLayoutOtherThanTheManifestsIsRefused(@TempDir Path dir) {
        InputException e = fails(dir, GraphReaderTest.MINI.replace("OIHW (out, in, kh, kw)", "OHWI (out, kh, kw, in)"),
                weights(), aux());
        assertEquals("node 'c1' layout", e.field());
    }

    @Test
    void anUnusedWeightIsRefused(@TempDir Path dir) {
        Map<String, int[]> w = weights();
        w.put("w9", new int[] {2, 2});
        InputException e = fails(dir, GraphReaderTest.MINI, w, aux());
        assertEquals("tensor 'w9'", e.field());
        assertEquals("unused", e.found());
    }

    @Test
    void aMissingFolderIsAnInputError(@TempDir Path dir) {
        assertThrows(InputException.class, () -> NetworkFolder.load(dir.resolve("none")));
    }
}
