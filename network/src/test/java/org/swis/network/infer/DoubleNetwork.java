package org.swis.network.infer;

import java.util.HashMap;
import java.util.Map;
import org.swis.io.graph.Activation;
import org.swis.io.graph.NetworkModel;
import org.swis.io.graph.Node;
import org.swis.reference.tensor.WeightTensor;

/**
 * An independent interpreter of the graph format for the tests: every tensor in double, held CHW
 * ({@code [c][y][x]}), written straight from the format's statements (explicitly zero-padded input,
 * then the cross-correlation sum), sharing no code with the inference under test.
 */
final class DoubleNetwork {
    private final NetworkModel m;

    DoubleNetwork(NetworkModel m) {
        this.m = m;
    }

    /** Logits of an HWC float input. */
    double[] logits(float[] hwc) {
        var in = m.graph().input();
        double[][][] x = new double[in.c()][in.h()][in.w()];
        for (int y = 0; y < in.h(); y++) {
            for (int xx = 0; xx < in.w(); xx++) {
                for (int c = 0; c < in.c(); c++) {
                    x[c][y][xx] = hwc[(y * in.w() + xx) * in.c() + c];
                }
            }
        }
        Map<String, double[][][]> t = new HashMap<>();
        t.put(in.tensor(), x);
        for (Node n : m.graph().nodes()) {
            double[][][] a = t.get(n.inputs().get(0));
            double[][][] y;
            if (n instanceof Node.Conv2d c) {
                y = conv(c, a);
            } else if (n instanceof Node.Linear l) {
                y = linear(l, a);
            } else if (n instanceof Node.Add add) {
                double[][][] b = t.get(n.inputs().get(1));
                y = new double[a.length][a[0].length][a[0][0].length];
                for (int c = 0; c < a.length; c++) {
                    for (int i = 0; i < a[0].length; i++) {
                        for (int j = 0; j < a[0][0].length; j++) {
                            y[c][i][j] = add.activation().apply(a[c][i][j] + b[c][i][j]);
                        }
                    }
                }
            } else if (n instanceof Node.ShortcutPad p) {
                int h = (a[0].length - 1) / p.stride()[0] + 1;
                int w = (a[0][0].length - 1) / p.stride()[1] + 1;
                y = new double[p.channelPad()[0] + a.length + p.channelPad()[1]][h][w];
                for (int c = 0; c < a.length; c++) {
                    for (int i = 0; i < h; i++) {
                        for (int j = 0; j < w; j++) {
                            y[c + p.channelPad()[0]][i][j] = a[c][i * p.stride()[0]][j * p.stride()[1]];
                        }
                    }
                }
            } else if (n instanceof Node.GlobalAvgPool) {
                y = new double[a.length][1][1];
                for (int c = 0; c < a.length; c++) {
                    double s = 0;
                    for (double[] row : a[c]) {
                        for (double v : row) {
                            s += v;
                        }
                    }
                    y[c][0][0] = s / (a[0].length * a[0][0].length);
                }
            } else {
                // flatten: row-major HWC order into a [N][1][1] vector
                int h = a[0].length;
                int w = a[0][0].length;
                y = new double[a.length * h * w][1][1];
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < w; j++) {
                        for (int c = 0; c < a.length; c++) {
                            y[(i * w + j) * a.length + c][0][0] = a[c][i][j];
                        }
                    }
                }
            }
            t.put(n.output(), y);
        }
        double[][][] out = t.get(m.graph().output());
        double[] r = new double[out.length];
        for (int c = 0; c < out.length; c++) {
            r[c] = out[c][0][0];
        }
        return r;
    }

    private double[][][] conv(Node.Conv2d n, double[][][] a) {
        WeightTensor w = m.weights().get(n.name());
        int[] p = n.pad();
        int cin = a.length;
        int hp = a[0].length + p[0] + p[1];
        int wp = a[0][0].length + p[2] + p[3];
        double[][][] padded = new double[cin][hp][wp];
        for (int c = 0; c < cin; c++) {
            for (int i = 0; i < a[0].length; i++) {
                for (int j = 0; j < a[0][0].length; j++) {
                    padded[c][i + p[0]][j + p[2]] = a[c][i][j];
                }
            }
        }
        int kh = w.kh();
        int kw = w.kw();
        int sh = n.stride()[0];
        int sw = n.stride()[1];
        int dh = n.dilation()[0];
        int dw = n.dilation()[1];
        int oh = (hp - dh * (kh - 1) - 1) / sh + 1;
        int ow = (wp - dw * (kw - 1) - 1) / sw + 1;
        int filters = w.filters();
        int per = w.channels();
        double[][][] y = new double[filters][oh][ow];
        for (int o = 0; o < filters; o++) {
            int first = n.groups() == 1 ? 0 : o / (filters / n.groups()) * per;
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    double s = 0;
                    for (int c = 0; c < per; c++) {
                        for (int ky = 0; ky < kh; ky++) {
                            for (int kx = 0; kx < kw; kx++) {
                                s += padded[first + c][i * sh + ky * dh][j * sw + kx * dw]
                                        * w.get(((o * kh + ky) * kw + kx) * per + c);
                            }
                        }
                    }
                    y[o][i][j] = post(s, o, n.bias(), n.batchnorm(), n.activation());
                }
            }
        }
        return y;
    }

    private double[][][] linear(Node.Linear n, double[][][] a) {
        WeightTensor w = m.weights().get(n.name());
        double[][][] y = new double[w.filters()][1][1];
        for (int o = 0; o < w.filters(); o++) {
            double s = 0;
            for (int i = 0; i < w.channels(); i++) {
                s += a[i][0][0] * w.get(o * w.channels() + i);
            }
            y[o][0][0] = post(s, o, n.bias(), null, n.activation());
        }
        return y;
    }

    private double post(double s, int o, String bias, Node.BatchNorm bn, Activation act) {
        if (bias != null) {
            s += m.aux().get(bias)[o];
        }
        if (bn != null) {
            s = (s - m.aux().get(bn.mean())[o]) / Math.sqrt(m.aux().get(bn.var())[o] + bn.eps())
                    * m.aux().get(bn.gamma())[o] + m.aux().get(bn.beta())[o];
        }
        return act.apply(s);
    }
}
