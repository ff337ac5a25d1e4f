package org.swis.network.infer;

import org.swis.io.graph.Node;
import org.swis.reference.SwisInputException;
import org.swis.reference.tensor.WeightTensor;

/**
 * Where a conv2d or linear node reads its input (graph format: explicit zero pad
 * {@code [top, bottom, left, right]}, stride, dilation, groups). A linear node is a 1×1 convolution of
 * a {@code [1, 1, N]} input (SPEC §1.4). Output {@code (oy, ox)} of filter f reads input pixel
 * {@code (oy·sh − top + ky·dh, ox·sw − left + kx·dw)}, channels {@code cg·I .. cg·I + I − 1} of conv group
 * {@code cg = f / (filters / groups)}, I = {@link #channels}.
 */
record ConvGeometry(Hwc in, Hwc out, int kh, int kw, int strideH, int strideW, int padTop, int padLeft,
                    int dilationH, int dilationW, int groups, int filters, int channels) {

    /** Columns of one filter in canonical order (kh, kw, channel). */
    int k() {
        return kh * kw * channels;
    }

    int perGroup() {
        return filters / groups;
    }

    static ConvGeometry of(Node node, Hwc in, WeightTensor w) {
        String where = "graph.json node '" + node.name() + "'";
        if (node instanceof Node.Linear) {
            if (w.kh() != 1 || w.kw() != 1 || w.channels() != in.size()) {
                throw new SwisInputException(where + " weight", w.filters() + "x" + w.channels() + " (kh " + w.kh()
                        + ", kw " + w.kw() + ")", "a matrix with " + in.size() + " inputs (the input " + in + ")");
            }
            return new ConvGeometry(new Hwc(1, 1, in.size()), new Hwc(1, 1, w.filters()), 1, 1, 1, 1, 0, 0, 1, 1, 1,
                    w.filters(), w.channels());
        }
        Node.Conv2d c = (Node.Conv2d) node;
        int[] s = require(where, "stride", c.stride(), 2, 1);
        int[] d = require(where, "dilation", c.dilation(), 2, 1);
        int[] p = require(where, "pad", c.pad(), 4, 0);
        int g = c.groups();
        if (g < 1 || in.c() % g != 0 || w.filters() % g != 0 || w.channels() * g != in.c()) {
            throw new SwisInputException(where + " groups", g + " (input channels " + in.c() + ", weight "
                    + w.filters() + " filters x " + w.channels() + " channels)",
                    "groups dividing C_in and the filters, with weight channels = C_in / groups");
        }
        int oh = (in.h() + p[0] + p[1] - d[0] * (w.kh() - 1) - 1) / s[0] + 1;
        int ow = (in.w() + p[2] + p[3] - d[1] * (w.kw() - 1) - 1) / s[1] + 1;
        if (in.h() + p[0] + p[1] - d[0] * (w.kh() - 1) - 1 < 0 || in.w() + p[2] + p[3] - d[1] * (w.kw() - 1) - 1 < 0) {
            throw new SwisInputException(where + " output size", oh + "x" + ow, "at least 1x1 for the input " + in);
        }
        return new ConvGeometry(in, new Hwc(oh, ow, w.filters()), w.kh(), w.kw(), s[0], s[1], p[0], p[2], d[0], d[1],
                g, w.filters(), w.channels());
    }

    private static int[] require(String where, String field, int[] v, int length, int min) {
        if (v == null || v.length != length) {
            throw new SwisInputException(where + " " + field, v == null ? null : java.util.Arrays.toString(v),
                    length + " integers");
        }
        for (int x : v) {
            if (x < min) {
                throw new SwisInputException(where + " " + field, java.util.Arrays.toString(v), "values >= " + min);
            }
        }
        return v;
    }
}
