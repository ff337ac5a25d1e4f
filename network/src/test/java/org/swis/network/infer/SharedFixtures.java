package org.swis.network.infer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.swis.io.NpzReader;
import org.swis.io.SharedData;
import org.swis.io.graph.Activation;
import org.swis.io.graph.Graph;
import org.swis.io.graph.NetworkModel;
import org.swis.io.graph.Node;
import org.swis.io.model.Model;
import org.swis.io.model.ModelLayer;
import org.swis.io.model.ModelLoader;
import org.swis.reference.json.Json;
import org.swis.reference.tensor.WeightTensor;

/**
 * Test-only access to the shared ResNet-20 folder and the lossless CIFAR-10 images: a small graph.json
 * reader (to be replaced by the io module's GraphReader) and PNG decoding with graph.json's preprocessing.
 * Loaded once per JVM; tests skip when the shared folder is absent.
 */
final class SharedFixtures {
    static final String MODEL = "cifar10_resnet20";
    static final String SET = "cifar10_test_lossless";

    private SharedFixtures() {
    }

    /** ResNet-20 with its first {@code n} lossless test images (n ≤ 200) and their labels. */
    record Cifar(NetworkModel model, List<float[]> images, int[] labels) {
    }

    private static Cifar cached;

    static synchronized Cifar cifar() {
        Optional<Path> weights = SharedData.weights();
        assumeTrue(weights.isPresent() && Files.isDirectory(weights.get().resolve(MODEL)),
                "shared/weights/" + MODEL + " is absent (CI has ../shared beside the checkout)");
        Path set = weights.get().resolveSibling("datasets").resolve(SET);
        assumeTrue(Files.isRegularFile(set.resolve("labels.csv")), "shared/datasets/" + SET + " is absent");
        if (cached == null) {
            try {
                NetworkModel m = load(weights.get().resolve(MODEL));
                List<String> rows = Files.readAllLines(set.resolve("labels.csv"));
                int n = 60;
                List<float[]> images = new ArrayList<>();
                int[] labels = new int[n];
                for (int i = 0; i < n; i++) {
                    String[] f = rows.get(i + 1).split(",");
                    images.add(preprocess(m.graph().input(), set.resolve(f[0])));
                    labels[i] = Integer.parseInt(f[1].trim());
                }
                cached = new Cifar(m, List.copyOf(images), labels);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return cached;
    }

    static NetworkModel load(Path folder) throws Exception {
        Graph g = graph(folder.resolve("graph.json"));
        Model model = ModelLoader.load(folder, null, null, s -> { });
        Map<String, WeightTensor> byKey = new HashMap<>();
        for (ModelLayer l : model.layers()) {
            byKey.put(l.name(), l.weights());
        }
        Map<String, WeightTensor> weights = new HashMap<>();
        for (Node n : g.nodes()) {
            if (n instanceof Node.Conv2d c) {
                weights.put(n.name(), byKey.get(c.weight()));
            } else if (n instanceof Node.Linear l) {
                weights.put(n.name(), byKey.get(l.weight()));
            }
        }
        Map<String, float[]> aux = new HashMap<>();
        try (NpzReader r = NpzReader.open(folder.resolve("aux.npz"))) {
            for (String name : r.names()) {
                aux.put(name, r.read(name).toFloats());
            }
        }
        return new NetworkModel(g, weights, Map.of(), aux);
    }

    @SuppressWarnings("unchecked")
    static Graph graph(Path file) throws IOException {
        Map<String, Object> root = (Map<String, Object>) Json.parseNumbers(file.toString(), Files.readString(file));
        Map<String, Object> in = (Map<String, Object>) root.get("input");
        int[] shape = ints(in.get("shape"));
        Map<String, Object> pp = (Map<String, Object>) in.get("preprocess");
        Graph.Preprocess pre = new Graph.Preprocess(0, 0, 0, 0, num(pp.get("scale")), doubles(pp.get("mean")),
                doubles(pp.get("std")));
        List<Node> nodes = new ArrayList<>();
        for (Object o : (List<Object>) root.get("nodes")) {
            Map<String, Object> n = (Map<String, Object>) o;
            String name = (String) n.get("name");
            List<String> inputs = (List<String>) (List<?>) n.get("inputs");
            String out = (String) n.get("output");
            int[] sh = ints(n.get("shape"));
            switch ((String) n.get("op")) {
                case "conv2d" -> {
                    Map<String, Object> bn = (Map<String, Object>) n.get("batchnorm");
                    Node.BatchNorm b = bn == null ? null : new Node.BatchNorm((String) bn.get("gamma"),
                            (String) bn.get("beta"), (String) bn.get("mean"), (String) bn.get("var"), num(bn.get("eps")));
                    nodes.add(new Node.Conv2d(name, inputs, out, sh, (String) n.get("weight"), (String) n.get("layout"),
                            (String) n.get("bias"), ints(n.get("stride")), ints(n.get("pad")), ints(n.get("dilation")),
                            ((Number) n.get("groups")).intValue(), b, act(n.get("activation"))));
                }
                case "linear" -> nodes.add(new Node.Linear(name, inputs, out, sh, (String) n.get("weight"),
                        (String) n.get("layout"), (String) n.get("bias"), act(n.get("activation"))));
                case "add" -> nodes.add(new Node.Add(name, inputs, out, sh, act(n.get("activation"))));
                case "shortcut_pad" -> nodes.add(new Node.ShortcutPad(name, inputs, out, sh, ints(n.get("stride")),
                        ints(n.get("channel_pad"))));
                case "global_avg_pool" -> nodes.add(new Node.GlobalAvgPool(name, inputs, out, sh));
                case "flatten" -> nodes.add(new Node.Flatten(name, inputs, out, sh));
                default -> throw new IOException(file + ": node " + name + " has an unknown op " + n.get("op"));
            }
        }
        Map<String, Object> labels = (Map<String, Object>) root.get("labels");
        return new Graph((String) root.get("name"), new Graph.Input((String) in.get("tensor"), shape[0], shape[1], shape[2], pre),
                nodes, (String) root.get("output"), ((Number) labels.get("outputs")).intValue(),
                ((Number) labels.get("offset")).intValue());
    }

    private static Activation act(Object o) {
        return o == null ? Activation.NONE : Activation.valueOf(((String) o).toUpperCase());
    }

    private static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    private static int[] ints(Object o) {
        List<?> l = (List<?>) o;
        int[] r = new int[l.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = ((Number) l.get(i)).intValue();
        }
        return r;
    }

    private static double[] doubles(Object o) {
        List<?> l = (List<?>) o;
        double[] r = new double[l.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = ((Number) l.get(i)).doubleValue();
        }
        return r;
    }

    /** Decodes an 8-bit RGB image and computes {@code (pixel · scale − mean[c]) / std[c]} in double, HWC float32. */
    static float[] preprocess(Graph.Input in, Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        if (img == null || img.getWidth() != in.w() || img.getHeight() != in.h()) {
            throw new IOException(png + ": expected a " + in.w() + "x" + in.h() + " image");
        }
        double[] mean = in.preprocess().mean();
        double[] std = in.preprocess().std();
        double scale = in.preprocess().scale();
        float[] x = new float[in.h() * in.w() * 3];
        for (int y = 0; y < in.h(); y++) {
            for (int xx = 0; xx < in.w(); xx++) {
                int rgb = img.getRGB(xx, y);
                int[] px = {rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF};
                for (int c = 0; c < 3; c++) {
                    x[(y * in.w() + xx) * 3 + c] = (float) ((px[c] * scale - mean[c]) / std[c]);
                }
            }
        }
        return x;
    }
}
