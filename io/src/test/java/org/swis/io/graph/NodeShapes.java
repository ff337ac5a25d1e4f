package org.swis.io.graph;

import static org.swis.io.graph.GraphInvariants.require;

import java.util.Arrays;
import java.util.List;

/**
 * The output shape of one accepted node, recomputed in {@code long} from its input shapes and its
 * fields as GRAPH_FORMAT.md defines them (the fuzz oracle's independent propagation). For
 * {@code conv2d} and {@code linear}, whose output size the weights give, the stated channels / length
 * are taken and the stated height and width must not exceed a 1x1 kernel's output.
 */
final class NodeShapes {
    private NodeShapes() {
    }

    /** The shape node {@code n} must state, given its input shapes (already defined) and its stated shape. */
    static long[] propagate(Node n, List<long[]> ins, long[] stated) {
        long[] in = ins.get(0);
        String at = "node " + n.name() + ": ";
        if (n instanceof Node.Conv2d c) {
            require(in.length == 3 && stated.length == 3, at + "conv2d needs [H, W, C] in and out");
            require(c.weight() != null && c.layout() != null && c.activation() != null, at + "missing field");
            positive(c.stride(), 2, 1, at + "stride");
            positive(c.pad(), 4, 0, at + "pad");
            positive(c.dilation(), 2, 1, at + "dilation");
            require(c.groups() == 1 || c.groups() == in[2], at + "groups " + c.groups());
            long maxH = (in[0] + c.pad()[0] + c.pad()[1] - 1) / c.stride()[0] + 1;
            long maxW = (in[1] + c.pad()[2] + c.pad()[3] - 1) / c.stride()[1] + 1;
            require(stated[0] <= maxH && stated[1] <= maxW, at + "output larger than a 1x1 kernel gives");
            require(c.groups() == 1 || stated[2] == in[2], at + "depthwise conv2d changes the channels");
            return stated.clone();
        }
        if (n instanceof Node.Linear l) {
            require(in.length == 1 && stated.length == 1, at + "linear needs [N] in and out");
            require(l.weight() != null && l.layout() != null && l.activation() != null, at + "missing field");
            return stated.clone();
        }
        if (n instanceof Node.Add a) {
            require(a.activation() != null, at + "missing activation");
            require(Arrays.equals(in, ins.get(1)), at + "adds tensors of different shapes");
            return in.clone();
        }
        require(in.length == 3, at + "needs an [H, W, C] input");
        if (n instanceof Node.ShortcutPad s) {
            positive(s.stride(), 2, 1, at + "stride");
            positive(s.channelPad(), 2, 0, at + "channel_pad");
            return new long[] {ceilDiv(in[0], s.stride()[0]), ceilDiv(in[1], s.stride()[1]),
                    in[2] + s.channelPad()[0] + s.channelPad()[1]};
        }
        if (n instanceof Node.GlobalAvgPool) {
            return new long[] {1, 1, in[2]};
        }
        require(n instanceof Node.Flatten, at + "unknown node kind " + n.getClass());
        // H, W, C < 2^31 each: the product fits a long only up to 2^63; beyond, any int shape differs.
        long hw = in[0] * in[1];
        return new long[] {hw > Long.MAX_VALUE / in[2] ? Long.MAX_VALUE : hw * in[2]};
    }

    private static void positive(int[] v, int n, int lo, String what) {
        require(v != null && v.length == n, what + " needs " + n + " values");
        for (int x : v) {
            require(x >= lo, what + " value " + x + " < " + lo);
        }
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
