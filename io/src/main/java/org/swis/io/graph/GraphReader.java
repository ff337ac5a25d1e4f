package org.swis.io.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.swis.io.InputException;
import org.swis.io.LayoutNames;
import org.swis.reference.SwisInputException;
import org.swis.reference.json.Json;
import org.swis.reference.tensor.Layout;

/**
 * Reads and validates a {@code graph.json} (format {@code swis-graph/1}, SPEC §12.1-§12.2) into a
 * {@link Graph}. Every field is checked; every tensor a node reads must be defined by an earlier node
 * (topological order, so no cycle) and every name is defined once; shapes are propagated from the
 * input and each node's stated {@code shape} must equal the propagated one (for {@code conv2d}, whose
 * kernel size only the weights give, the stated channels are taken and the stated height and width
 * must be reachable; {@link NetworkFolder} checks them exactly). Errors are one-line
 * {@link InputException}s naming the file, the node and the field.
 */
public final class GraphReader {
    /** The format tag this reader accepts. */
    public static final String FORMAT = "swis-graph/1";

    private static final Set<String> TOP_KEYS = Set.of("format", "name", "input", "nodes", "output", "labels");
    private static final Set<String> INPUT_KEYS = Set.of("tensor", "shape", "layout", "preprocess");
    private static final Set<String> PRE_KEYS = Set.of("center_crop", "resize", "scale", "mean", "std");
    private static final Set<String> BN_KEYS = Set.of("gamma", "beta", "mean", "var", "eps");
    private static final Set<String> COMMON = Set.of("op", "name", "inputs", "output", "shape");
    private static final Map<String, Set<String>> EXTRA = Map.of(
            "conv2d", Set.of("weight", "layout", "bias", "stride", "pad", "dilation", "groups", "batchnorm", "activation"),
            "linear", Set.of("weight", "layout", "bias", "activation"),
            "add", Set.of("activation"),
            "shortcut_pad", Set.of("stride", "channel_pad"),
            "global_avg_pool", Set.of(),
            "flatten", Set.of());

    private GraphReader() {
    }

    /** Reads {@code graphJson}. */
    public static Graph read(Path graphJson) throws InputException {
        String file = graphJson.toString();
        String text;
        try {
            text = Files.readString(graphJson, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new InputException(file, "file", "a readable UTF-8 graph.json", e.toString(), e);
        }
        return parse(file, text);
    }

    /** Parses the text of a graph document; {@code file} names it in errors. */
    public static Graph parse(String file, String text) throws InputException {
        Object doc;
        try {
            doc = Json.parseNumbers(file, text);
        } catch (SwisInputException e) {
            throw new InputException(file, "JSON", "a well-formed JSON document", e.getMessage(), e);
        }
        return new GraphReader.Parse(file).graph(doc);
    }

    /**
     * The stated shape of every tensor of a read graph, by name ({@code input} included); the reader
     * has checked them against the propagated shapes.
     */
    public static Map<String, int[]> tensorShapes(Graph g) {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        shapes.put(g.input().tensor(), new int[] {g.input().h(), g.input().w(), g.input().c()});
        for (Node n : g.nodes()) {
            shapes.put(n.output(), n.shape());
        }
        return shapes;
    }

    /**
     * Output size of a convolution along one axis: {@code (in + padA + padB − d·(k−1) − 1) // s + 1}
     * (SPEC §12.2), in {@code long} (int inputs near 2^31 give sizes beyond an int).
     */
    public static long convOutput(int in, int padA, int padB, int k, int stride, int dilation) {
        long span = (long) in + padA + padB - (long) dilation * (k - 1) - 1;
        return span < 0 ? 0 : span / stride + 1;
    }

    /** One document being read. */
    private static final class Parse {
        private final String file;
        private final Map<String, int[]> shapes = new HashMap<>();
        private final Map<String, String> definedBy = new HashMap<>();

        Parse(String file) {
            this.file = file;
        }

        private InputException error(String field, String expected, String found) {
            return new InputException(file, field, expected, found);
        }

        Graph graph(Object doc) throws InputException {
            Map<String, Object> top = object(doc, "document");
            keys(top, "document", TOP_KEYS, TOP_KEYS);
            String format = string(top, "format", "document");
            if (!FORMAT.equals(format)) {
                throw error("format", "\"" + FORMAT + "\"", "\"" + format + "\"");
            }
            String name = string(top, "name", "document");
            Graph.Input input = input(object(top.get("input"), "input"));
            shapes.put(input.tensor(), new int[] {input.h(), input.w(), input.c()});
            definedBy.put(input.tensor(), "the input");
            List<Object> rawNodes = list(top.get("nodes"), "nodes");
            if (rawNodes.isEmpty()) {
                throw error("nodes", "at least one node", "an empty list");
            }
            List<String> allOutputs = new ArrayList<>();
            for (Object o : rawNodes) {
                if (o instanceof Map<?, ?> m && m.get("output") instanceof String s) {
                    allOutputs.add(s);
                } else {
                    allOutputs.add(null);
                }
            }
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < rawNodes.size(); i++) {
                nodes.add(node(i, rawNodes.get(i), allOutputs));
            }
            String output = string(top, "output", "document");
            int[] outShape = shapes.get(output);
            if (outShape == null) {
                throw error("output", "the name of a tensor of the graph", "\"" + output + "\"");
            }
            Map<String, Object> labels = object(top.get("labels"), "labels");
            keys(labels, "labels", Set.of("outputs", "offset"), Set.of("outputs", "offset"));
            int outputs = integer(labels.get("outputs"), "labels.outputs", 1, Integer.MAX_VALUE);
            int offset = integer(labels.get("offset"), "labels.offset", 0, outputs - 1);
            if (outShape.length != 1 || outShape[0] != outputs) {
                throw error("output", "a vector [" + outputs + "] (labels.outputs) for tensor '" + output + "'",
                        Arrays.toString(outShape));
            }
            return new Graph(name, input, nodes, output, outputs, offset);
        }

        private Graph.Input input(Map<String, Object> in) throws InputException {
            keys(in, "input", INPUT_KEYS, INPUT_KEYS);
            String tensor = string(in, "tensor", "input");
            if (!"input".equals(tensor)) {
                throw error("input.tensor", "\"input\"", "\"" + tensor + "\"");
            }
            int[] shape = ints(in.get("shape"), "input.shape", 3, 1, Integer.MAX_VALUE);
            String layout = string(in, "layout", "input");
            if (!"HWC".equals(layout)) {
                throw error("input.layout", "\"HWC\"", "\"" + layout + "\"");
            }
            if (shape[2] != 3) {
                throw error("input.shape", "3 channels (RGB images)", Arrays.toString(shape));
            }
            Map<String, Object> p = object(in.get("preprocess"), "input.preprocess");
            keys(p, "input.preprocess", PRE_KEYS, PRE_KEYS);
            int[] crop = p.get("center_crop") == null ? null
                    : ints(p.get("center_crop"), "input.preprocess.center_crop", 2, 1, Integer.MAX_VALUE);
            int[] resize = p.get("resize") == null ? null
                    : ints(p.get("resize"), "input.preprocess.resize", 2, 1, Integer.MAX_VALUE);
            int[] last = resize != null ? resize : crop;
            if (last != null && (last[0] != shape[0] || last[1] != shape[1])) {
                throw error("input.preprocess." + (resize != null ? "resize" : "center_crop"),
                        "[" + shape[0] + ", " + shape[1] + "] (equal to input.shape)", Arrays.toString(last));
            }
            double scale = number(p.get("scale"), "input.preprocess.scale");
            if (!(scale > 0)) {
                throw error("input.preprocess.scale", "a positive number", Double.toString(scale));
            }
            double[] mean = numbers(p.get("mean"), "input.preprocess.mean", 3);
            double[] std = numbers(p.get("std"), "input.preprocess.std", 3);
            for (int c = 0; c < 3; c++) {
                if (!(std[c] > 0)) {
                    throw error("input.preprocess.std[" + c + "]", "a positive number", Double.toString(std[c]));
                }
            }
            return new Graph.Input(tensor, shape[0], shape[1], shape[2], new Graph.Preprocess(
                    crop == null ? 0 : crop[0], crop == null ? 0 : crop[1], resize == null ? 0 : resize[0],
                    resize == null ? 0 : resize[1], scale, mean, std));
        }

        private Node node(int index, Object raw, List<String> allOutputs) throws InputException {
            Map<String, Object> m = object(raw, "nodes[" + index + "]");
            String at = "nodes[" + index + "]";
            String name = string(m, "name", at);
            if (name.isEmpty()) {
                throw error(at + ".name", "a non-empty name", "\"\"");
            }
            at = "node '" + name + "'";
            String op = string(m, "op", at);
            Set<String> extra = EXTRA.get(op);
            if (extra == null) {
                throw error(at + " op", "one of " + String.join(", ", new java.util.TreeSet<>(EXTRA.keySet())),
                        "\"" + op + "\"");
            }
            Set<String> allowed = new java.util.HashSet<>(COMMON);
            allowed.addAll(extra);
            keys(m, at, allowed, allowed);
            String output = string(m, "output", at);
            if (!output.equals(name)) {
                throw error(at + " output", "\"" + name + "\" (equal to the node's name)", "\"" + output + "\"");
            }
            if (definedBy.containsKey(output)) {
                throw error(at + " output", "a tensor name not defined before", "\"" + output + "\", already defined by "
                        + definedBy.get(output));
            }
            List<Object> rawInputs = list(m.get("inputs"), at + " inputs");
            int arity = op.equals("add") ? 2 : 1;
            if (rawInputs.size() != arity) {
                throw error(at + " inputs", arity + " tensor name" + (arity > 1 ? "s" : "") + " for " + op,
                        rawInputs.size() + " names");
            }
            List<String> inputs = new ArrayList<>();
            List<int[]> inShapes = new ArrayList<>();
            for (int i = 0; i < rawInputs.size(); i++) {
                if (!(rawInputs.get(i) instanceof String s)) {
                    throw error(at + " inputs[" + i + "]", "a tensor name", describe(rawInputs.get(i)));
                }
                int[] sh = shapes.get(s);
                if (sh == null) {
                    int later = allOutputs.indexOf(s);
                    throw error(at + " inputs[" + i + "]", "a tensor defined by an earlier node (nodes in topological "
                            + "order)", "\"" + s + "\", " + (later >= 0 ? "defined later by nodes[" + later
                            + "] (a cycle or an out-of-order node)" : "an undefined tensor"));
                }
                inputs.add(s);
                inShapes.add(sh);
            }
            int[] stated = ints(m.get("shape"), at + " shape", -1, 1, Integer.MAX_VALUE);
            if (stated.length != 1 && stated.length != 3) {
                throw error(at + " shape", "[H, W, C] or [N]", Arrays.toString(stated));
            }
            int[] in = inShapes.get(0);
            Node node;
            long[] propagated; // in long: an int product or sum of input dims could wrap to a stated value
            switch (op) {
                case "conv2d" -> {
                    need3(at, inputs.get(0), in);
                    String weight = string(m, "weight", at);
                    String layout = layout(m, at, 4);
                    String bias = optionalString(m, "bias", at);
                    int[] stride = ints(m.get("stride"), at + " stride", 2, 1, Integer.MAX_VALUE);
                    int[] pad = ints(m.get("pad"), at + " pad", 4, 0, Integer.MAX_VALUE);
                    int[] dilation = ints(m.get("dilation"), at + " dilation", 2, 1, Integer.MAX_VALUE);
                    int groups = integer(m.get("groups"), at + " groups", 1, Integer.MAX_VALUE);
                    if (groups != 1 && groups != in[2]) {
                        throw error(at + " groups", "1 or C_in = " + in[2] + " (depthwise)", Integer.toString(groups));
                    }
                    Node.BatchNorm bn = m.get("batchnorm") == null ? null : batchnorm(m.get("batchnorm"), at);
                    Activation act = activation(m, at);
                    if (stated.length != 3) {
                        throw error(at + " shape", "[H, W, C] for conv2d", Arrays.toString(stated));
                    }
                    long maxH = convOutput(in[0], pad[0], pad[1], 1, stride[0], dilation[0]);
                    long maxW = convOutput(in[1], pad[2], pad[3], 1, stride[1], dilation[1]);
                    if (stated[0] > maxH || stated[1] > maxW) {
                        throw error(at + " shape", "height <= " + maxH + " and width <= " + maxW + " (the 1x1-kernel "
                                + "output of input " + Arrays.toString(in) + ")", Arrays.toString(stated));
                    }
                    if (groups > 1 && stated[2] != in[2]) {
                        throw error(at + " shape", "C_out = C_in = " + in[2] + " for a depthwise conv2d (groups = C_in)",
                                Arrays.toString(stated));
                    }
                    propagated = longs(stated);
                    node = new Node.Conv2d(name, inputs, output, stated, weight, layout, bias, stride, pad, dilation,
                            groups, bn, act);
                }
                case "linear" -> {
                    if (in.length != 1) {
                        throw error(at + " inputs[0]", "a vector [N] (flatten first)", "tensor '" + inputs.get(0)
                                + "' of shape " + Arrays.toString(in));
                    }
                    String weight = string(m, "weight", at);
                    String layout = layout(m, at, 2);
                    String bias = optionalString(m, "bias", at);
                    Activation act = activation(m, at);
                    if (stated.length != 1) {
                        throw error(at + " shape", "[N] for linear", Arrays.toString(stated));
                    }
                    propagated = longs(stated);
                    node = new Node.Linear(name, inputs, output, stated, weight, layout, bias, act);
                }
                case "add" -> {
                    if (!Arrays.equals(in, inShapes.get(1))) {
                        throw error(at + " inputs", "two tensors of equal shape", "'" + inputs.get(0) + "' "
                                + Arrays.toString(in) + " and '" + inputs.get(1) + "' " + Arrays.toString(inShapes.get(1)));
                    }
                    Activation act = activation(m, at);
                    propagated = longs(in);
                    node = new Node.Add(name, inputs, output, stated, act);
                }
                case "shortcut_pad" -> {
                    need3(at, inputs.get(0), in);
                    int[] stride = ints(m.get("stride"), at + " stride", 2, 1, Integer.MAX_VALUE);
                    int[] cpad = ints(m.get("channel_pad"), at + " channel_pad", 2, 0, Integer.MAX_VALUE);
                    propagated = new long[] {((long) in[0] + stride[0] - 1) / stride[0],
                            ((long) in[1] + stride[1] - 1) / stride[1], (long) in[2] + cpad[0] + cpad[1]};
                    node = new Node.ShortcutPad(name, inputs, output, stated, stride, cpad);
                }
                case "global_avg_pool" -> {
                    need3(at, inputs.get(0), in);
                    propagated = new long[] {1, 1, in[2]};
                    node = new Node.GlobalAvgPool(name, inputs, output, stated);
                }
                default -> {
                    need3(at, inputs.get(0), in);
                    // H·W < 2^62; times C may pass 2^63: saturate, any such size differs from a stated int.
                    long hw = (long) in[0] * in[1];
                    propagated = new long[] {hw > Long.MAX_VALUE / in[2] ? Long.MAX_VALUE : hw * in[2]};
                    node = new Node.Flatten(name, inputs, output, stated);
                }
            }
            if (!Arrays.equals(propagated, longs(stated))) {
                throw error(at + " shape", Arrays.toString(propagated) + " (propagated from the input)",
                        Arrays.toString(stated));
            }
            shapes.put(output, stated);
            definedBy.put(output, "node '" + name + "'");
            return node;
        }

        private static long[] longs(int[] v) {
            return Arrays.stream(v).asLongStream().toArray();
        }

        private void need3(String at, String tensor, int[] in) throws InputException {
            if (in.length != 3) {
                throw error(at + " inputs[0]", "an [H, W, C] tensor", "tensor '" + tensor + "' of shape "
                        + Arrays.toString(in));
            }
        }

        private String layout(Map<String, Object> m, String at, int rank) throws InputException {
            String text = string(m, "layout", at);
            Layout l = LayoutNames.parse(text);
            if (l == null || l.rank() != rank) {
                throw error(at + " layout", "a rank-" + rank + " layout (" + LayoutNames.choices()
                        + ") with its axis list", "\"" + text + "\"");
            }
            return text;
        }

        private Node.BatchNorm batchnorm(Object raw, String at) throws InputException {
            String f = at + " batchnorm";
            Map<String, Object> bn = object(raw, f);
            keys(bn, f, BN_KEYS, BN_KEYS);
            double eps = number(bn.get("eps"), f + ".eps");
            if (!(eps > 0)) {
                throw error(f + ".eps", "a positive number", Double.toString(eps));
            }
            return new Node.BatchNorm(string(bn, "gamma", f), string(bn, "beta", f), string(bn, "mean", f),
                    string(bn, "var", f), eps);
        }

        private Activation activation(Map<String, Object> m, String at) throws InputException {
            String a = string(m, "activation", at);
            return switch (a) {
                case "none" -> Activation.NONE;
                case "relu" -> Activation.RELU;
                case "relu6" -> Activation.RELU6;
                default -> throw error(at + " activation", "\"none\", \"relu\" or \"relu6\"", "\"" + a + "\"");
            };
        }

        private void keys(Map<String, Object> m, String at, Set<String> required, Set<String> allowed)
                throws InputException {
            for (String k : m.keySet()) {
                if (!allowed.contains(k)) {
                    throw error(at + " key", "one of " + new java.util.TreeSet<>(allowed), "\"" + k + "\"");
                }
            }
            for (String k : new java.util.TreeSet<>(required)) {
                if (!m.containsKey(k)) {
                    throw error(at + " " + k, "a field \"" + k + "\"", "none");
                }
            }
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> object(Object o, String field) throws InputException {
            if (!(o instanceof Map)) {
                throw error(field, "a JSON object", describe(o));
            }
            return (Map<String, Object>) o;
        }

        @SuppressWarnings("unchecked")
        private List<Object> list(Object o, String field) throws InputException {
            if (!(o instanceof List)) {
                throw error(field, "a JSON array", describe(o));
            }
            return (List<Object>) o;
        }

        private String string(Map<String, Object> m, String key, String at) throws InputException {
            Object o = m.get(key);
            if (!(o instanceof String s)) {
                throw error(at + " " + key, "a string", describe(o));
            }
            return s;
        }

        private String optionalString(Map<String, Object> m, String key, String at) throws InputException {
            return m.get(key) == null ? null : string(m, key, at);
        }

        private int integer(Object o, String field, int lo, int hi) throws InputException {
            if (!(o instanceof Long v) || v < lo || v > hi) {
                throw error(field, "an integer in " + lo + ".." + (hi == Integer.MAX_VALUE ? "" : hi), describe(o));
            }
            return (int) (long) v;
        }

        /** An array of {@code n} integers in lo.. (n = −1: any length). */
        private int[] ints(Object o, String field, int n, int lo, int hi) throws InputException {
            List<Object> l = list(o, field);
            if (n >= 0 && l.size() != n) {
                throw error(field, n + " integers", describe(o));
            }
            int[] v = new int[l.size()];
            for (int i = 0; i < v.length; i++) {
                if (!(l.get(i) instanceof Long x) || x < lo || x > hi) {
                    throw error(field, (n >= 0 ? n + " " : "") + "integers >= " + lo, describe(o));
                }
                v[i] = (int) (long) x;
            }
            return v;
        }

        private double number(Object o, String field) throws InputException {
            if (!(o instanceof Number x) || !Double.isFinite(x.doubleValue())) {
                throw error(field, "a finite number", describe(o));
            }
            return x.doubleValue();
        }

        private double[] numbers(Object o, String field, int n) throws InputException {
            List<Object> l = list(o, field);
            if (l.size() != n) {
                throw error(field, n + " numbers", describe(o));
            }
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = number(l.get(i), field + "[" + i + "]");
            }
            return v;
        }

        private static String describe(Object o) {
            if (o == null) {
                return "null";
            }
            if (o instanceof String s) {
                return "\"" + s + "\"";
            }
            if (o instanceof Map) {
                return "an object";
            }
            String s = o.toString();
            return s.length() > 60 ? s.substring(0, 60) + "..." : s;
        }
    }
}
