package org.swis.io.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.swis.io.InputException;

/**
 * graph.json (SPEC §12.2): the three shared graphs and the embedded copy read with the node counts
 * and shapes the converter wrote (counted independently with Python when the folders were made), and
 * every kind of broken graph is refused with the node and field named.
 */
class GraphReaderTest {
    /** A small valid graph: conv, depthwise conv with BN, option-A shortcut, add, pool, flatten, linear. */
    static final String MINI = """
            {"format": "swis-graph/1", "name": "mini",
             "input": {"tensor": "input", "shape": [8, 8, 3], "layout": "HWC",
                       "preprocess": {"center_crop": null, "resize": null, "scale": 0.5, "mean": [0, 0, 0], "std": [1, 1, 1]}},
             "nodes": [
              {"op": "conv2d", "name": "c1", "inputs": ["input"], "output": "c1", "weight": "w1", "layout": "OIHW (out, in, kh, kw)",
               "bias": "b1", "stride": [1, 1], "pad": [1, 1, 1, 1], "dilation": [1, 1], "groups": 1, "batchnorm": null,
               "activation": "relu", "shape": [8, 8, 4]},
              {"op": "conv2d", "name": "dw", "inputs": ["c1"], "output": "dw", "weight": "w2", "layout": "HWCM (kh, kw, in_channels, multiplier)",
               "bias": null, "stride": [2, 2], "pad": [0, 1, 0, 1], "dilation": [1, 1], "groups": 4,
               "batchnorm": {"gamma": "g", "beta": "be", "mean": "mu", "var": "va", "eps": 0.001}, "activation": "relu6", "shape": [4, 4, 4]},
              {"op": "shortcut_pad", "name": "sc", "inputs": ["c1"], "output": "sc", "stride": [2, 2], "channel_pad": [0, 0], "shape": [4, 4, 4]},
              {"op": "add", "name": "add", "inputs": ["dw", "sc"], "output": "add", "activation": "none", "shape": [4, 4, 4]},
              {"op": "global_avg_pool", "name": "gap", "inputs": ["add"], "output": "gap", "shape": [1, 1, 4]},
              {"op": "flatten", "name": "flat", "inputs": ["gap"], "output": "flat", "shape": [4]},
              {"op": "linear", "name": "fc", "inputs": ["flat"], "output": "fc", "weight": "w3", "layout": "OI (out, in)",
               "bias": "b3", "activation": "none", "shape": [5]}],
             "output": "fc", "labels": {"outputs": 5, "offset": 1}}
            """;

    private static Map<String, Integer> opCounts(Graph g) {
        Map<String, Integer> m = new TreeMap<>();
        for (Node n : g.nodes()) {
            m.merge(n.getClass().getSimpleName(), 1, Integer::sum);
        }
        return m;
    }

    private static long depthwise(Graph g) {
        return g.nodes().stream().filter(n -> n instanceof Node.Conv2d c && c.groups() > 1).count();
    }

    @Test
    void readsTheMiniGraph() throws InputException {
        Graph g = GraphReader.parse("mini.json", MINI);
        assertEquals(7, g.nodes().size());
        Node.Conv2d dw = (Node.Conv2d) g.nodes().get(1);
        assertEquals(4, dw.groups());
        assertArrayEquals(new int[] {0, 1, 0, 1}, dw.pad());
        assertEquals(Activation.RELU6, dw.activation());
        assertEquals(0.001, dw.batchnorm().eps());
        assertNull(dw.bias());
        assertEquals("fc", g.output());
        assertEquals(5, g.labelOutputs());
        assertEquals(1, g.labelOffset());
        assertEquals(0.5, g.input().preprocess().scale());
        assertEquals(0, g.input().preprocess().cropH());
    }

    @Test
    void readsTheSharedResNet20() throws InputException {
        Graph g = GraphReader.read(Models.shared("cifar10_resnet20").resolve("graph.json"));
        checkResNet20(g);
    }

    @Test
    void readsTheEmbeddedResNet20() throws InputException {
        Graph g = GraphReader.read(Models.embedded("cifar10_resnet20").resolve("graph.json"));
        checkResNet20(g);
    }

    private static void checkResNet20(Graph g) {
        assertEquals(33, g.nodes().size());
        assertEquals(Map.of("Conv2d", 19, "Add", 9, "ShortcutPad", 2, "GlobalAvgPool", 1, "Flatten", 1, "Linear", 1),
                opCounts(g));
        assertEquals(0, depthwise(g));
        assertArrayEquals(new int[] {32, 32, 16}, g.nodes().get(0).shape());
        assertArrayEquals(new int[] {10}, g.nodes().get(32).shape());
        assertEquals(10, g.labelOutputs());
        assertEquals(0, g.labelOffset());
        assertEquals(32, g.input().h());
        assertArrayEquals(new double[] {0.229, 0.224, 0.225}, g.input().preprocess().std());
        Node.ShortcutPad sc = (Node.ShortcutPad) g.nodes().stream().filter(n -> n instanceof Node.ShortcutPad)
                .findFirst().orElseThrow();
        assertArrayEquals(new int[] {8, 8}, sc.channelPad());
        assertArrayEquals(new int[] {16, 16, 32}, sc.shape());
    }

    @Test
    void readsTheSharedVww() throws InputException {
        Graph g = GraphReader.read(Models.shared("vww_mobilenet_v1_025").resolve("graph.json"));
        assertEquals(30, g.nodes().size());
        assertEquals(Map.of("Conv2d", 27, "GlobalAvgPool", 1, "Flatten", 1, "Linear", 1), opCounts(g));
        assertEquals(13, depthwise(g));
        assertArrayEquals(new int[] {48, 48, 8}, g.nodes().get(0).shape());
        assertArrayEquals(new int[] {1, 1, 256}, g.nodes().get(27).shape());
        assertEquals(2, g.labelOutputs());
    }

    @Test
    void readsTheSharedMobileNetV2() throws InputException {
        Graph g = GraphReader.read(Models.shared("imagenet_mobilenet_v2_int8").resolve("graph.json"));
        assertEquals(65, g.nodes().size());
        assertEquals(Map.of("Conv2d", 53, "Add", 10, "GlobalAvgPool", 1, "Flatten", 1), opCounts(g));
        assertEquals(17, depthwise(g));
        assertArrayEquals(new int[] {112, 112, 32}, g.nodes().get(0).shape());
        assertArrayEquals(new int[] {1001}, g.nodes().get(64).shape());
        assertEquals(1001, g.labelOutputs());
        assertEquals(1, g.labelOffset());
        assertEquals(224, g.input().preprocess().cropH());
        assertEquals(224, g.input().preprocess().cropW());
        assertEquals(0, g.input().preprocess().resizeH());
    }

    private static InputException broken(String from, String to) {
        assertTrue(MINI.contains(from), from);
        return assertThrows(InputException.class, () -> GraphReader.parse("g.json", MINI.replace(from, to)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "wrong format tag        | \"swis-graph/1\"                  | \"swis-graph/2\"                       | format",
        "unknown op              | \"op\": \"flatten\"               | \"op\": \"reshape\"                    | node 'flat' op",
        "missing field           | \"stride\": [2, 2], \"channel_pad\" | \"channel_pad\"                      | node 'sc' stride",
        "mistyped field          | \"groups\": 1                     | \"groups\": \"1\"                      | node 'c1' groups",
        "bad activation          | \"activation\": \"relu6\"         | \"activation\": \"gelu\"               | node 'dw' activation",
        "stride arity            | \"stride\": [1, 1]                | \"stride\": [1]                        | node 'c1' stride",
        "stride zero             | \"stride\": [1, 1]                | \"stride\": [1, 0]                     | node 'c1' stride",
        "pad arity               | \"pad\": [1, 1, 1, 1]             | \"pad\": [1, 1]                        | node 'c1' pad",
        "negative pad            | \"pad\": [1, 1, 1, 1]             | \"pad\": [1, -1, 1, 1]                 | node 'c1' pad",
        "dilation arity          | \"dilation\": [1, 1], \"groups\": 4 | \"dilation\": [1, 1, 1], \"groups\": 4 | node 'dw' dilation",
        "groups neither 1 nor C  | \"groups\": 4                     | \"groups\": 2                          | node 'dw' groups",
        "undefined tensor        | \"inputs\": [\"gap\"]             | \"inputs\": [\"pool\"]                 | node 'flat' inputs[0]",
        "cycle                   | \"inputs\": [\"c1\"], \"output\": \"dw\" | \"inputs\": [\"add\"], \"output\": \"dw\" | node 'dw' inputs[0]",
        "duplicate output        | \"name\": \"sc\", \"inputs\": [\"c1\"], \"output\": \"sc\" | \"name\": \"dw\", \"inputs\": [\"c1\"], \"output\": \"dw\" | node 'dw' output",
        "output is not the name  | \"output\": \"gap\"               | \"output\": \"pool\"                   | node 'gap' output",
        "add shape mismatch      | \"channel_pad\": [0, 0], \"shape\": [4, 4, 4] | \"channel_pad\": [1, 0], \"shape\": [4, 4, 5] | node 'add' inputs",
        "add arity               | \"inputs\": [\"dw\", \"sc\"]      | \"inputs\": [\"dw\"]                   | node 'add' inputs",
        "output tensor missing   | \"output\": \"fc\", \"labels\"    | \"output\": \"logits\", \"labels\"     | output",
        "label offset too large  | \"offset\": 1                     | \"offset\": 5                          | labels.offset",
        "label outputs mismatch  | \"outputs\": 5                    | \"outputs\": 6                         | output",
        "flatten shape disagrees | \"shape\": [4]}                   | \"shape\": [16]}                       | node 'flat' shape",
        "pool shape disagrees    | \"shape\": [1, 1, 4]              | \"shape\": [1, 1, 3]                   | node 'gap' shape",
        "shortcut shape          | \"channel_pad\": [0, 0], \"shape\": [4, 4, 4] | \"channel_pad\": [0, 0], \"shape\": [8, 8, 4] | node 'sc' shape",
        "conv shape unreachable  | \"shape\": [8, 8, 4]              | \"shape\": [11, 8, 4]                  | node 'c1' shape",
        "depthwise channels      | \"relu6\", \"shape\": [4, 4, 4] | \"relu6\", \"shape\": [4, 4, 8] | node 'dw' shape",
        "unknown layout          | \"OI (out, in)\"                  | \"NC (out, in)\"                       | node 'fc' layout",
        "wrong-rank layout       | \"OI (out, in)\"                  | \"OIHW (out, in, kh, kw)\"             | node 'fc' layout",
        "linear on a map         | \"inputs\": [\"flat\"]            | \"inputs\": [\"gap\"]                  | node 'fc' inputs[0]",
        "unknown key             | \"groups\": 1,                    | \"groups\": 1, \"group\": 1,           | node 'c1' key",
        "bn eps not positive     | \"eps\": 0.001                    | \"eps\": 0                             | node 'dw' batchnorm.eps",
        "std zero                | \"std\": [1, 1, 1]                | \"std\": [1, 0, 1]                     | input.preprocess.std[1]",
        "crop not the input size | \"center_crop\": null             | \"center_crop\": [7, 8]                | input.preprocess.center_crop",
        "not JSON                | \"labels\": {                     | \"labels\" {                           | JSON",
    })
    void brokenGraphsNameTheNodeAndField(String what, String from, String to, String field) {
        InputException e = broken(from.strip(), to.strip());
        assertEquals(field, e.field(), what + ": " + e.getMessage());
        assertEquals("g.json", e.file());
        assertTrue(e.getMessage().startsWith("g.json: " + field + ": expected "), e.getMessage());
    }

    @Test
    void undefinedAndLaterTensorsAreToldApart() {
        assertTrue(broken("\"inputs\": [\"gap\"]", "\"inputs\": [\"pool\"]").found().contains("undefined tensor"));
        assertTrue(broken("\"inputs\": [\"c1\"], \"output\": \"dw\"", "\"inputs\": [\"add\"], \"output\": \"dw\"")
                .found().contains("defined later by nodes[3]"));
    }

    private static String seed(String name) throws java.io.IOException {
        try (var in = GraphReaderTest.class.getResourceAsStream("GraphFuzzTestInputs/graph/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * Shapes propagate in long (GraphFuzzTest's oracle found the int versions wrapping): flatten of a
     * 65537 x 65537 x 3 input is 12,885,295,107 entries, not the 393,219 the int product gave; two
     * channel pads of 2^31 − 1 add to 4,294,967,297 channels, not 1; a conv2d bound beyond 2^31 no
     * longer wraps negative and refuses a reachable size.
     */
    @Test
    void shapesPropagateWithoutIntOverflow() throws Exception {
        InputException flat = assertThrows(InputException.class,
                () -> GraphReader.parse("g.json", seed("finding_flatten_overflow")));
        assertEquals("node 'flat' shape", flat.field());
        assertEquals("[12885295107] (propagated from the input)", flat.expected());
        InputException pad = assertThrows(InputException.class,
                () -> GraphReader.parse("g.json", seed("finding_channel_pad_overflow")));
        assertEquals("node 'sc' shape", pad.field());
        assertEquals("[1, 1, 4294967297] (propagated from the input)", pad.expected());
        assertEquals(3, GraphReader.parse("g.json", seed("conv_bound_overflow")).nodes().size());
        assertEquals(4294967294L, GraphReader.convOutput(Integer.MAX_VALUE, Integer.MAX_VALUE, 0, 1, 1, 1));
    }

    @Test
    void aMissingFileIsAnInputError() {
        InputException e = assertThrows(InputException.class, () -> GraphReader.read(Path.of("no/such/graph.json")));
        assertEquals("file", e.field());
    }
}
