package org.swis.reference.layer;

import java.util.ArrayList;
import java.util.List;
import org.swis.reference.SwisInputException;
import org.swis.reference.mac.MacConfig;
import org.swis.reference.mac.Overflow;

/**
 * GEMV / GEMM through the bit-serial PE: weights {@code [out][in]} (a 1x1 layer: filters = out,
 * channels = in), activations {@code [in][batch]}, outputs {@code [out][batch]}. Every output element
 * is produced group by group by {@link org.swis.reference.mac.BitSerialMac} (paper Eq. 7), never by a
 * shortcut; the result equals {@link PlainLayers#gemm} on the decoded weights exactly.
 */
public final class LinearLayer {
    private LinearLayer() {
    }

    public static LayerResult gemm(LayerWeights w, int[][] activations, MacConfig c) {
        if (w == null || c == null) {
            throw new SwisInputException(w == null ? "weights" : "config", null, "non-null");
        }
        if (w.kh() != 1 || w.kw() != 1) {
            throw new SwisInputException("weights.kernel", w.kh() + "x" + w.kw(), "1x1 for a linear layer");
        }
        int in = w.channels();
        int batch = PlainLayers.requireMatrix(activations, in);
        int out = w.filters();
        long[] y = new long[out * batch];
        long[] perFilter = new long[out];
        long total = 0;
        List<Overflow> overflows = new ArrayList<>();
        List<TraceRow> trace = new ArrayList<>();
        int[] column = new int[in];
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < in; i++) {
                column[i] = c.activationType().require("activations[" + i + "][" + b + "]", activations[i][b]);
            }
            for (int f = 0; f < out; f++) {
                long index = (long) f * batch + b;
                boolean traced = c.trace() && index == 0;
                FilterMac.Output o = FilterMac.run(w, f, column, c, index, overflows, traced ? trace : null);
                y[(int) index] = o.value();
                if (b == 0) {
                    perFilter[f] = o.cycles();
                }
                total += o.cycles();
            }
        }
        return new LayerResult(new int[] {out, batch}, y, perFilter, total, overflows, trace);
    }
}
