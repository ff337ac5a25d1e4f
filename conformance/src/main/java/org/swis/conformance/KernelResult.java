package org.swis.conformance;

import java.util.List;
import org.swis.kernels.Kernel;

/** Every applicable property run against one kernel with one seed. */
public record KernelResult(Kernel kernel, long seed, List<PropertyResult> properties) {
    public KernelResult {
        properties = List.copyOf(properties);
    }

    public boolean passed() {
        return properties.stream().allMatch(PropertyResult::passed);
    }

    /** Cases run over all properties. */
    public int casesRun() {
        return properties.stream().mapToInt(PropertyResult::casesRun).sum();
    }

    /** One line per property ({@code layout: 150 cases passed}), then the report of every failure. */
    public String report() {
        StringBuilder s = new StringBuilder("kernel '" + kernel.name() + "' (" + kernel.getClass().getName() + "), seed "
                + seed + ": " + (passed() ? "PASSED" : "FAILED"));
        for (PropertyResult p : properties) {
            s.append("\n  ").append(p.property().id()).append(": ").append(p.casesRun()).append(" case(s) ")
                    .append(p.passed() ? "passed" : "run, the last one failed");
        }
        for (PropertyResult p : properties) {
            if (!p.passed()) {
                s.append('\n').append(p.failure().report());
            }
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return report();
    }
}
