package org.swis.reference.golden;

/** Entry point: {@code GenerateGoldenVectors <dir>} writes the frozen golden set. */
public final class GenerateGoldenVectors {
    private GenerateGoldenVectors() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: GenerateGoldenVectors <dir>");
            System.exit(2);
            return;
        }
        GoldenVectors.main(new String[] {"generate", args[0]});
    }
}
