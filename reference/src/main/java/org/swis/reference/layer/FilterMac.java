package org.swis.reference.layer;

import java.util.List;
import org.swis.reference.mac.AccumulatorWidths;
import org.swis.reference.mac.BitSerialMac;
import org.swis.reference.mac.MacConfig;
import org.swis.reference.mac.MacResult;
import org.swis.reference.mac.Overflow;
import org.swis.reference.mac.TraceStep;
import org.swis.reference.swis.GroupCode;
import org.swis.reference.swis.GroupLayout;

/**
 * One output element: a filter's groups run one after another through {@link BitSerialMac}, each
 * group's result added to the output accumulator (output-stationary), which is checked against its
 * width after every addition. The activation vector is in the filter's canonical order
 * {@code [tap][channel]}; group slot i reads element {@link GroupLayout#element}, zero when padded.
 */
final class FilterMac {
    /** Value and cycles of one output element. */
    record Output(long value, long cycles) {
    }

    private FilterMac() {
    }

    static Output run(LayerWeights w, int filter, int[] vector, MacConfig c, long outputIndex,
                      List<Overflow> overflows, List<TraceRow> trace) {
        GroupLayout layout = w.layout();
        int m = layout.m();
        long out = 0;
        long cycles = 0;
        int[] acts = new int[m];
        int[] weights = new int[m];
        for (int g = 0; g < layout.groupsPerFilter(); g++) {
            GroupCode code = w.code(filter, g);
            for (int i = 0; i < m; i++) {
                int e = layout.element(g, i);
                acts[i] = e == GroupLayout.PAD ? 0 : vector[e];
                weights[i] = code.weight(i);
            }
            boolean traced = trace != null;
            MacResult r = c.activationSerial()
                    ? BitSerialMac.activationSerialDot(weights, acts, c.activationSerialBits(), c.widths(), traced)
                    : BitSerialMac.dot(code, acts, c.mode(), c.activationType(), c.widths(), traced);
            for (Overflow o : r.overflows()) {
                overflows.add(o.at(outputIndex, g));
            }
            if (traced) {
                for (TraceStep s : r.trace()) {
                    trace.add(new TraceRow(g, s));
                }
            }
            out += r.value();
            cycles += r.cycles();
            int bits = c.widths().outputAccumulatorBits();
            if (!AccumulatorWidths.fits(out, bits)) {
                overflows.add(new Overflow(Overflow.Stage.OUTPUT_ACCUMULATOR, outputIndex, g, -1, -1, out, bits));
            }
        }
        return new Output(out, cycles);
    }
}
