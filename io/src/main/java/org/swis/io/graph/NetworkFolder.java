package org.swis.io.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.swis.io.ImportException;
import org.swis.io.InputException;
import org.swis.io.LayoutNames;
import org.swis.io.NpzReader;
import org.swis.io.Tensor;
import org.swis.io.model.GivenInt8;
import org.swis.io.model.ModelLayer;
import org.swis.io.model.ModelLoader;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.WeightTensor;

/**
 * Reads a model folder (SPEC §12.3): {@code graph.json} ({@link GraphReader}) bound to its weights
 * through {@link ModelLoader} ({@code weights.npz} + {@code manifest.csv}, or the given int8 weights of
 * {@code weights_int.npz} + {@code quant_params.npz}, {@link GivenInt8}) and to the bias and BatchNorm
 * vectors of {@code aux.npz}. Checks that every key a node names exists, that the node's layout is the
 * manifest's, that each weight tensor's canonical dimensions fit the node (filters = C_out, channels =
 * C_in / groups, and the kernel size gives exactly the stated output height and width), that every
 * vector has one value per filter, and that every weight tensor is used by a node.
 */
public final class NetworkFolder {
    /** The graph file of a model folder. */
    public static final String GRAPH_FILE = "graph.json";
    /** The bias and BatchNorm vectors of a model folder. */
    public static final String AUX_FILE = "aux.npz";

    private NetworkFolder() {
    }

    /** Loads the model folder {@code folder}. */
    public static NetworkModel load(Path folder) throws InputException {
        if (!Files.isDirectory(folder)) {
            throw new InputException(folder.toString(), "model folder", "a folder with graph.json, weights.npz, "
                    + "manifest.csv and aux.npz", Files.exists(folder) ? "not a folder" : "no such folder");
        }
        Path graphFile = folder.resolve(GRAPH_FILE);
        Graph g = GraphReader.read(graphFile);
        Path manifest = folder.resolve(ModelLoader.MANIFEST_FILE);
        if (!Files.isRegularFile(manifest)) {
            throw new InputException(manifest.toString(), "file", "the manifest of the model folder", "no such file");
        }
        Map<String, ModelLayer> layers = new LinkedHashMap<>();
        ModelLoader.forEach(folder.resolve(ModelLoader.WEIGHTS_FILE), manifest, null, line -> { }, l -> layers.put(l.name(), l));
        String weightsFile = GivenInt8.present(folder) ? folder.resolve(GivenInt8.INT_FILE).toString()
                : folder.resolve(ModelLoader.WEIGHTS_FILE).toString();
        Map<String, float[]> aux = aux(folder.resolve(AUX_FILE));
        String auxFile = folder.resolve(AUX_FILE).toString();
        Map<String, int[]> shapes = GraphReader.tensorShapes(g);
        Map<String, WeightTensor> weights = new HashMap<>();
        Map<String, QuantizedTensor> int8 = new HashMap<>();
        Map<String, float[]> usedAux = new HashMap<>();
        Set<String> usedWeights = new HashSet<>();
        String gf = graphFile.toString();
        for (Node n : g.nodes()) {
            String weight;
            String layout;
            String bias;
            int filters;
            int channels;
            if (n instanceof Node.Conv2d c) {
                int[] in = shapes.get(c.inputs().get(0));
                weight = c.weight();
                layout = c.layout();
                bias = c.bias();
                filters = c.shape()[2];
                channels = in[2] / c.groups();
            } else if (n instanceof Node.Linear l) {
                weight = l.weight();
                layout = l.layout();
                bias = l.bias();
                filters = l.shape()[0];
                channels = shapes.get(l.inputs().get(0))[0];
            } else {
                continue;
            }
            String at = "node '" + n.name() + "'";
            ModelLayer layer = layers.get(weight);
            if (layer == null) {
                throw new InputException(gf, at + " weight", "a tensor of " + weightsFile, "\"" + weight + "\" (absent)");
            }
            usedWeights.add(weight);
            if (LayoutNames.parse(layout) != layer.layout()) {
                throw new InputException(gf, at + " layout", "\"" + layer.layout() + "\" (the layout of '" + weight
                        + "' in " + manifest + ")", "\"" + layout + "\"");
            }
            WeightTensor w = layer.weights();
            if (w.filters() != filters || w.channels() != channels) {
                throw new InputException(weightsFile, "tensor '" + weight + "' (" + at + ") shape",
                        filters + " filters of " + channels + " channels (C_out, C_in / groups of the node)",
                        Arrays.toString(layer.shape()) + " " + layer.layout() + " = " + w.filters() + " filters of "
                                + w.channels() + " channels");
            }
            if (n instanceof Node.Conv2d c) {
                int[] in = shapes.get(c.inputs().get(0));
                long h = GraphReader.convOutput(in[0], c.pad()[0], c.pad()[1], w.kh(), c.stride()[0], c.dilation()[0]);
                long wd = GraphReader.convOutput(in[1], c.pad()[2], c.pad()[3], w.kw(), c.stride()[1], c.dilation()[1]);
                if (h != c.shape()[0] || wd != c.shape()[1]) {
                    throw new InputException(gf, at + " shape", "[" + h + ", " + wd + ", " + filters + "] (propagated "
                            + "with the " + w.kh() + "x" + w.kw() + " kernel of '" + weight + "')",
                            Arrays.toString(c.shape()));
                }
                if (c.batchnorm() != null) {
                    Node.BatchNorm bn = c.batchnorm();
                    for (String key : List.of(bn.gamma(), bn.beta(), bn.mean(), bn.var())) {
                        usedAux.put(key, vector(aux, auxFile, key, at + " batchnorm", filters));
                    }
                    for (float v : aux.get(bn.var())) {
                        if (!(v >= 0)) {
                            throw new InputException(auxFile, "array '" + bn.var() + "' (" + at + " batchnorm.var)",
                                    "variances >= 0", Float.toString(v));
                        }
                    }
                }
            }
            if (bias != null) {
                usedAux.put(bias, vector(aux, auxFile, bias, at + " bias", filters));
            }
            weights.put(n.name(), w);
            if (layer.int8() != null) {
                int8.put(n.name(), layer.int8());
            }
        }
        for (String name : layers.keySet()) {
            if (!usedWeights.contains(name)) {
                throw new InputException(weightsFile, "tensor '" + name + "'", "a weight used by a node of " + gf,
                        "unused");
            }
        }
        return new NetworkModel(g, weights, int8, usedAux);
    }

    private static float[] vector(Map<String, float[]> aux, String auxFile, String key, String at, int filters)
            throws InputException {
        float[] v = aux.get(key);
        if (v == null) {
            throw new InputException(auxFile, "array '" + key + "' (" + at + ")", "present", "absent");
        }
        if (v.length != filters) {
            throw new InputException(auxFile, "array '" + key + "' (" + at + ")", filters + " values (one per filter)",
                    v.length + " values");
        }
        return v;
    }

    /** Every array of {@code aux.npz}: a finite float vector. */
    private static Map<String, float[]> aux(Path file) throws ImportException {
        Map<String, float[]> out = new HashMap<>();
        try (NpzReader npz = NpzReader.open(file)) {
            for (String name : npz.names()) {
                Tensor t = npz.read(name);
                if (!t.dtype().isFloating() || t.rank() != 1) {
                    throw new ImportException(file.toString(), "array '" + name + "'", "a float vector",
                            t.dtype().manifestName() + " " + Arrays.toString(t.shape()));
                }
                float[] v = t.toFloats();
                for (int i = 0; i < v.length; i++) {
                    if (!Float.isFinite(v[i])) {
                        throw new ImportException(file.toString(), "array '" + name + "'[" + i + "]", "a finite value",
                                Float.toString(v[i]));
                    }
                }
                out.put(name, v);
            }
        }
        return out;
    }
}
