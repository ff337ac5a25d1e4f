package org.swis.reference.layer;

import java.util.ArrayList;
import java.util.List;
import org.swis.reference.SwisInputException;
import org.swis.reference.mac.MacConfig;
import org.swis.reference.mac.Overflow;

/**
 * 2-D convolution through the bit-serial PE. Activations NCHW; weights OIHW in meaning, held in
 * canonical order {@code [filter][kh][kw][channel]} (channels = C_in / groups); outputs
 * {@code [N][filters][OH][OW]}. Padding is zero. For each output element the receptive field is
 * gathered into the filter's canonical order {@code [tap][channel]} ({@link #receptiveField}) and run
 * group by group through {@link org.swis.reference.mac.BitSerialMac}; the result equals
 * {@link PlainLayers#conv2d} on the decoded weights exactly.
 */
public final class Conv2d {
    private Conv2d() {
    }

    public static LayerResult forward(LayerWeights w, int[][][][] x, Conv2dParams p, MacConfig c) {
        if (w == null || x == null || p == null || c == null) {
            throw new SwisInputException("conv2d argument", null, "weights, activations, params and config");
        }
        int[] dims = PlainLayers.requireNchw(x, w.channels() * p.groups(), w.filters(), p.groups());
        int n = dims[0];
        int h = dims[2];
        int wd = dims[3];
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < dims[1]; ch++) {
                for (int y = 0; y < h; y++) {
                    for (int xx = 0; xx < wd; xx++) {
                        c.activationType().require("activations[" + b + "][" + ch + "][" + y + "][" + xx + "]", x[b][ch][y][xx]);
                    }
                }
            }
        }
        int oh = p.outH(h, w.kh());
        int ow = p.outW(wd, w.kw());
        int filters = w.filters();
        int perGroup = filters / p.groups();
        long[] y = new long[n * filters * oh * ow];
        long[] perFilter = new long[filters];
        long total = 0;
        List<Overflow> overflows = new ArrayList<>();
        List<TraceRow> trace = new ArrayList<>();
        int[] vector = new int[w.kh() * w.kw() * w.channels()];
        for (int b = 0; b < n; b++) {
            for (int f = 0; f < filters; f++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        receptiveField(x, b, f / perGroup, w.channels(), w.kh(), w.kw(), p, oy, ox, vector);
                        int index = ((b * filters + f) * oh + oy) * ow + ox;
                        boolean traced = c.trace() && index == 0;
                        FilterMac.Output o = FilterMac.run(w, f, vector, c, index, overflows, traced ? trace : null);
                        y[index] = o.value();
                        if (b == 0 && oy == 0 && ox == 0) {
                            perFilter[f] = o.cycles();
                        }
                        total += o.cycles();
                    }
                }
            }
        }
        return new LayerResult(new int[] {n, filters, oh, ow}, y, perFilter, total, overflows, trace);
    }

    /**
     * The receptive field of output (oy, ox) of conv group {@code convGroup}, image b, in canonical
     * filter order: {@code vector[(ky * kw + kx) * channels + ch] = x[b][convGroup * channels + ch][iy][ix]}
     * with {@code iy = oy * stride - pad + ky * dilation}, and 0 outside the image (zero padding).
     */
    static void receptiveField(int[][][][] x, int b, int convGroup, int channels, int kh, int kw,
                               Conv2dParams p, int oy, int ox, int[] vector) {
        int h = x[b][0].length;
        int wd = x[b][0][0].length;
        for (int ky = 0; ky < kh; ky++) {
            int iy = oy * p.strideH() - p.padH() + ky * p.dilationH();
            for (int kx = 0; kx < kw; kx++) {
                int ix = ox * p.strideW() - p.padW() + kx * p.dilationW();
                boolean inside = iy >= 0 && iy < h && ix >= 0 && ix < wd;
                for (int ch = 0; ch < channels; ch++) {
                    int cin = convGroup * channels + ch;
                    vector[(ky * kw + kx) * channels + ch] = inside ? x[b][cin][iy][ix] : 0;
                }
            }
        }
    }

    /**
     * im2col of one image and one conv group: a matrix {@code [kh*kw*channels][OH*OW]} whose row order
     * is the canonical filter order {@code [tap][channel]}, so a conv group is the GEMM of its filters'
     * canonical rows with this matrix.
     */
    public static int[][] im2col(int[][][][] x, int b, int convGroup, int channels, int kh, int kw, Conv2dParams p) {
        int oh = p.outH(x[b][0].length, kh);
        int ow = p.outW(x[b][0][0].length, kw);
        int[][] cols = new int[kh * kw * channels][oh * ow];
        int[] vector = new int[kh * kw * channels];
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                receptiveField(x, b, convGroup, channels, kh, kw, p, oy, ox, vector);
                for (int r = 0; r < vector.length; r++) {
                    cols[r][oy * ow + ox] = vector[r];
                }
            }
        }
        return cols;
    }
}
