package org.swis.reference.layer;

import java.util.List;
import org.swis.reference.mac.Overflow;

/**
 * A layer's outputs (exact, row-major in {@code shape}), the PE cycles it took (counted from the MAC
 * runs: per filter at one output position, and for the whole layer), every overflow of the
 * configured widths, and the cycle trace of output element 0 when requested.
 */
public record LayerResult(int[] shape, long[] outputs, long[] cyclesPerFilter, long layerCycles,
                          List<Overflow> overflows, List<TraceRow> trace) {
    public LayerResult {
        shape = shape.clone();
        outputs = outputs.clone();
        cyclesPerFilter = cyclesPerFilter.clone();
        overflows = List.copyOf(overflows);
        trace = List.copyOf(trace);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public long[] outputs() {
        return outputs.clone();
    }

    @Override
    public long[] cyclesPerFilter() {
        return cyclesPerFilter.clone();
    }
}
