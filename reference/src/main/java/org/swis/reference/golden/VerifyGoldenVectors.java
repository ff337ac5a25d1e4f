package org.swis.reference.golden;

/** Entry point: {@code VerifyGoldenVectors <dir>} re-checks a golden set against the reference; exit 1 on any difference. */
public final class VerifyGoldenVectors {
    private VerifyGoldenVectors() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: VerifyGoldenVectors <dir>");
            System.exit(2);
            return;
        }
        GoldenVectors.main(new String[] {"verify", args[0]});
    }
}
