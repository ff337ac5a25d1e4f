package org.swis.network.infer;

import org.swis.io.graph.Node;
import org.swis.reference.SwisInputException;

/**
 * The nodes without multiply-accumulate, in float32, the one implementation both inferences use
 * (graph format; SPEC §13.1): add, shortcut_pad, global_avg_pool, flatten.
 */
final class NonMacOps {
    private NonMacOps() {
    }

    /** Output shape of a non-MAC node from its input shapes. */
    static Hwc shape(Node n, Hwc[] in) {
        String where = "graph.json node '" + n.name() + "'";
        if (n instanceof Node.Add) {
            if (!in[0].equals(in[1])) {
                throw new SwisInputException(where + " inputs", in[0] + " and " + in[1], "two tensors of one shape");
            }
            return in[0];
        }
        if (n instanceof Node.ShortcutPad p) {
            if (p.stride() == null || p.stride().length != 2 || p.stride()[0] < 1 || p.stride()[1] < 1) {
                throw new SwisInputException(where + " stride", java.util.Arrays.toString(p.stride()), "2 positive integers");
            }
            if (p.channelPad() == null || p.channelPad().length != 2 || p.channelPad()[0] < 0 || p.channelPad()[1] < 0) {
                throw new SwisInputException(where + " channel_pad", java.util.Arrays.toString(p.channelPad()),
                        "2 non-negative integers");
            }
            return new Hwc((in[0].h() + p.stride()[0] - 1) / p.stride()[0], (in[0].w() + p.stride()[1] - 1) / p.stride()[1],
                    p.channelPad()[0] + in[0].c() + p.channelPad()[1]);
        }
        if (n instanceof Node.GlobalAvgPool) {
            return new Hwc(1, 1, in[0].c());
        }
        if (n instanceof Node.Flatten) {
            return new Hwc(1, 1, in[0].size());
        }
        throw new SwisInputException(where + " op", n.getClass().getSimpleName(), "add, shortcut_pad, global_avg_pool or flatten");
    }

    /**
     * Runs a non-MAC node on one image. add: {@code act(a + b)} in float32; shortcut_pad: rows and columns
     * 0, sh, 2sh, … then zero channels before and after; global_avg_pool: the double sum over (y, x)
     * in row-major order divided by H·W, rounded once to float32; flatten: the same values (HWC is
     * already row-major).
     */
    static float[] run(Node n, Hwc[] in, float[] a, float[] b) {
        if (n instanceof Node.Add add) {
            float[] y = new float[a.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = add.activation() == null ? a[i] + b[i] : add.activation().apply(a[i] + b[i]);
            }
            return y;
        }
        if (n instanceof Node.ShortcutPad p) {
            Hwc out = shape(n, in);
            int sh = p.stride()[0];
            int sw = p.stride()[1];
            int before = p.channelPad()[0];
            int c = in[0].c();
            float[] y = new float[out.size()];
            for (int oy = 0; oy < out.h(); oy++) {
                for (int ox = 0; ox < out.w(); ox++) {
                    System.arraycopy(a, ((oy * sh) * in[0].w() + ox * sw) * c, y, (oy * out.w() + ox) * out.c() + before, c);
                }
            }
            return y;
        }
        if (n instanceof Node.GlobalAvgPool) {
            int c = in[0].c();
            int pixels = in[0].h() * in[0].w();
            float[] y = new float[c];
            for (int ch = 0; ch < c; ch++) {
                double s = 0;
                for (int p = 0; p < pixels; p++) {
                    s += a[p * c + ch];
                }
                y[ch] = (float) (s / pixels);
            }
            return y;
        }
        if (n instanceof Node.Flatten) {
            return a;
        }
        throw new SwisInputException("graph.json node '" + n.name() + "' op", n.getClass().getSimpleName(),
                "add, shortcut_pad, global_avg_pool or flatten");
    }
}
