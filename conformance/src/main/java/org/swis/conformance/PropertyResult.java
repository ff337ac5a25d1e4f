package org.swis.conformance;

/** One property run against one kernel: cases run, and the failure if one case differed. */
public record PropertyResult(Property property, int tries, int casesRun, Failure failure) {
    public boolean passed() {
        return failure == null;
    }
}
