package org.swis.reference.demo;

import java.io.PrintStream;
import java.util.Locale;
import org.swis.reference.baseline.WeightTruncation;
import org.swis.reference.encode.GroupStreamCodec;
import org.swis.reference.metrics.ErrorMetrics;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.DecomposedTensor;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.Decomposer;
import org.swis.reference.swis.Scheme;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.Quantizer;
import org.swis.reference.tensor.QuantizerConfig;
import org.swis.reference.tensor.WeightTensor;

/**
 * Prints the paper's Table 1 for the embedded synthetic layer: RMSE against the float weights of
 * SWIS and SWIS-C (M = 1 and 4) and layer-wise weight truncation, N = 2..5, with the stored bits per
 * weight. Run: {@code java -cp reference/target/classes org.swis.reference.demo.ErrorTable}.
 */
public final class ErrorTable {
    private ErrorTable() {
    }

    public static void main(String[] args) {
        print(SyntheticLayer.embeddedDefault(), System.out);
    }

    public static void print(WeightTensor w, PrintStream out) {
        QuantizedTensor q = Quantizer.quantize(w, QuantizerConfig.DEFAULT);
        double[] original = new double[w.size()];
        for (int i = 0; i < original.length; i++) {
            original[i] = w.get(i);
        }
        ErrorMetrics int8 = ErrorMetrics.of(original, q.dequantize());
        out.printf(Locale.ROOT, "Layer %s: %d filters x %d channels x %dx%d, %d weights, per-tensor INT8 (|q| <= 127), alpha = 1%n",
                w.name(), w.filters(), w.channels(), w.kh(), w.kw(), w.size());
        out.printf(Locale.ROOT, "INT8 itself: RMSE %.6f, SQNR %.2f dB%n%n", int8.rmse(), int8.sqnrDb());
        out.println("RMSE against the float weights (bits/weight stored in brackets)");
        out.printf(Locale.ROOT, "%-3s %-20s %-20s %-20s %-20s %-20s%n", "N", "SWIS M=1", "SWIS-C M=1", "SWIS M=4",
                "SWIS-C M=4", "weight truncation");
        for (int n = 2; n <= 5; n++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-3d", n));
            for (int m : new int[] {1, 4}) {
                for (Scheme s : Scheme.values()) {
                    DecomposedTensor d = Decomposer.decompose(q, new DecompositionConfig(s, m, Alpha.ONE), n);
                    ErrorMetrics e = ErrorMetrics.of(original, d.reconstructed().dequantize());
                    double bits = GroupStreamCodec.encode(d).bitsPerWeight();
                    row.append(String.format(Locale.ROOT, " %-20s", String.format(Locale.ROOT, "%.6f (%.2f)", e.rmse(), bits)));
                }
            }
            WeightTruncation.Result t = WeightTruncation.apply(q, n, WeightTruncation.WindowRule.MIN_SSE);
            ErrorMetrics te = ErrorMetrics.of(original, t.truncated().dequantize());
            row.append(String.format(Locale.ROOT, " %-20s", String.format(Locale.ROOT, "%.6f (%d.00)", te.rmse(), n + 1)));
            out.println(row.toString().stripTrailing());
        }
    }
}
