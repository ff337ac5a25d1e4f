package org.swis.conformance;

import java.util.ArrayList;
import java.util.List;
import org.swis.kernels.Kernel;

/**
 * The conformance runner: every property that applies to a kernel ({@link Property#appliesTo}), in
 * the order layout, then products, each on {@code tries} seeded cases, stopping a property at its
 * first difference, which is shrunk and reported. A user's test needs one line:
 * {@code assertTrue(Conformance.check(new MyKernel()).passed(), ...)}.
 */
public final class Conformance {
    /** The seed used when none is given. */
    public static final long DEFAULT_SEED = 2021L;
    /** Version of the suite's properties and case distributions; changes when either changes. */
    public static final String SUITE_VERSION = "1";

    /**
     * How to run: the seed; cases per property (0 = each property's {@link Property#defaultTries()});
     * a single case index to replay (-1 = all cases); the start of the replay command printed with a
     * failure (kernel, seed and case are appended).
     */
    public record Settings(long seed, int tries, int onlyCase, String replayCommand) {
        public Settings {
            if (tries < 0) {
                throw new IllegalArgumentException("tries must be 0 (defaults) or positive, got " + tries);
            }
        }

        public static Settings defaults() {
            return new Settings(DEFAULT_SEED, 0, -1, "swis conformance --jar <your-kernels.jar>");
        }

        public Settings withSeed(long s) {
            return new Settings(s, tries, onlyCase, replayCommand);
        }

        public Settings withTries(int t) {
            return new Settings(seed, t, onlyCase, replayCommand);
        }

        public Settings withCase(int k) {
            return new Settings(seed, tries, k, replayCommand);
        }

        public Settings withReplayCommand(String command) {
            return new Settings(seed, tries, onlyCase, command);
        }

        /** Cases a property runs under these settings. */
        public int triesOf(Property p) {
            return onlyCase >= 0 ? 1 : tries > 0 ? tries : p.defaultTries();
        }
    }

    private Conformance() {
    }

    /** Every applicable property with the default seed and tries. */
    public static KernelResult check(Kernel kernel) {
        return check(kernel, Settings.defaults());
    }

    public static KernelResult check(Kernel kernel, Settings settings) {
        List<PropertyResult> results = new ArrayList<>();
        for (Property p : Property.values()) {
            if (p.appliesTo(kernel)) {
                results.add(run(kernel, p, settings));
            }
        }
        if (results.isEmpty()) {
            throw new IllegalArgumentException(kernel.getClass().getName()
                    + " implements none of DecomposeKernel, GemvKernel, GemmKernel");
        }
        return new KernelResult(kernel, settings.seed(), results);
    }

    /** The case of a property, as generated for {@code (seed, k)}. */
    public static ConformanceCase caseOf(Property p, long seed, int k) {
        return p == Property.DECOMPOSE ? CaseGenerator.decomposeCase(seed, k) : CaseGenerator.matrixCase(seed, p, k);
    }

    static PropertyResult run(Kernel kernel, Property p, Settings s) {
        int tries = s.triesOf(p);
        for (int i = 0; i < tries; i++) {
            int k = s.onlyCase() >= 0 ? s.onlyCase() : i;
            ConformanceCase c = caseOf(p, s.seed(), k);
            Discrepancy d = Checks.check(kernel, p, c);
            if (d != null) {
                if (c instanceof MatrixCase mc) {
                    d = Localizer.localize(kernel, p, mc, d);
                }
                Shrinker.Result<ConformanceCase> small = Shrinker.shrink(c, x -> Checks.check(kernel, p, x) != null);
                Discrepancy sd = Checks.check(kernel, p, small.smallest());
                String replay = s.replayCommand() + " --kernel " + kernel.name() + " --seed " + s.seed() + " --case " + k;
                return new PropertyResult(p, tries, i + 1, new Failure(p, kernel.name(), kernel.getClass().getName(),
                        s.seed(), k, c, d, small.smallest(), sd == null ? d : sd, small.steps(), replay));
            }
        }
        return new PropertyResult(p, tries, tries, null);
    }
}
