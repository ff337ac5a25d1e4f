package org.swis.reference.layer;

import org.swis.reference.mac.TraceStep;

/** One PE cycle of the trace of an output element: the group of the filter and the MAC step. */
public record TraceRow(int group, TraceStep step) {
}
