package org.swis.conformance;

/**
 * A property's first failing case for a kernel, its first difference, the smallest failing case the
 * {@link Shrinker} found with its difference, and the command that replays the case.
 */
public record Failure(Property property, String kernel, String kernelClass, long seed, int caseIndex,
                      ConformanceCase input, Discrepancy difference, ConformanceCase smallest,
                      Discrepancy smallestDifference, int shrinkSteps, String replay) {

    /** The text a person acts on: what differs where, with only the inputs involved, and how to replay it. */
    public String report() {
        StringBuilder s = new StringBuilder();
        s.append("FAIL ").append(property.id()).append(": kernel '").append(kernel).append("' (").append(kernelClass)
                .append("), case ").append(caseIndex).append(" of seed ").append(seed).append('\n');
        s.append("  input: ").append(input.shape()).append('\n');
        s.append(difference.describe("  first difference: ", "      ")).append('\n');
        s.append("  smallest failing case (").append(shrinkSteps).append(" shrink steps): ").append(smallest.shape())
                .append('\n');
        s.append(smallestDifference.describe("    ", "      ")).append('\n');
        s.append("    full smallest case: ").append(smallest).append('\n');
        s.append("  replay: ").append(replay);
        return s.toString();
    }
}
