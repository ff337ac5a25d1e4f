package org.swis.conformance;

import java.util.Arrays;
import org.swis.reference.swis.Alpha;
import org.swis.reference.swis.DecompositionConfig;
import org.swis.reference.swis.GroupLayout;
import org.swis.reference.swis.Scheme;
import org.swis.reference.tensor.QuantizedTensor;

/**
 * A tensor to decompose and how: scheme, group size M, MSE++ α, shift count N per filter and worker
 * threads. Magnitudes and signs are in canonical order {@code filter, tap, channel}.
 */
public record DecomposeCase(Scheme scheme, int m, Alpha alpha, int[] shifts, int threads, int filters, int channels,
                            int taps, int[] magnitudes, boolean[] negative) implements ConformanceCase {
    public QuantizedTensor tensor() {
        double[] scale = new double[filters];
        Arrays.fill(scale, 1.0);
        return new QuantizedTensor("conformance", filters, channels, taps, 1, magnitudes, negative, scale);
    }

    public DecompositionConfig config() {
        return new DecompositionConfig(scheme, m, alpha);
    }

    public GroupLayout layout() {
        return new GroupLayout(m, channels, taps);
    }

    @Override
    public int groups() {
        return filters * layout().groupsPerFilter();
    }

    @Override
    public String shape() {
        return scheme.id() + " M=" + m + " alpha=" + alpha + " N per filter=" + Arrays.toString(shifts) + " threads="
                + threads + ", " + filters + " filter(s) x " + channels + " channel(s) x " + taps + " tap(s), "
                + groups() + " group(s)";
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < magnitudes.length; i++) {
            s.append(i == 0 ? "" : ", ").append(negative[i] ? -magnitudes[i] : magnitudes[i]);
        }
        return "DecomposeCase{" + shape() + ", weights=[" + s + "]}";
    }
}
