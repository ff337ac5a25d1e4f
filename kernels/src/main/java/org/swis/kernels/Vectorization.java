package org.swis.kernels;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.swis.kernels.baseline.Float32Gemv;
import org.swis.kernels.baseline.Int8Scalar;
import org.swis.kernels.scalar.SwisMatmulScalar;
import org.swis.kernels.scalar.TableDecomposer;

/**
 * Runtime choice between the scalar and the Vector API kernel families, after Lucene's
 * {@code VectorizationProvider}: the vector family is created reflectively, only when
 * {@code jdk.incubator.vector} is in the boot layer, the JIT is C2 (not {@code -Xint}, not
 * {@code TieredStopAtLevel} below 4), and the property {@value #PROPERTY} is not {@code scalar};
 * otherwise the scalar family is chosen. One log line (System.Logger {@code org.swis.kernels}, INFO)
 * says which and why.
 */
public final class Vectorization {
    /** Set to {@code scalar} to force the scalar kernels even when the Vector API is usable. */
    public static final String PROPERTY = "swis.kernels.vectorization";
    private static final String PANAMA = "org.swis.kernels.panama.PanamaKernels";

    /** The outcome of the lookup. */
    public record Selection(Optional<KernelSet> vector, String reason, int vectorBitSize) {
        /** True when the Vector API family is in use. */
        public boolean vectorized() {
            return vector.isPresent();
        }
    }

    private static final class Holder {
        static final Selection SELECTION = logged(select(System.getProperty(PROPERTY, "auto"),
                ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(), jvmArguments()));
    }

    private static final KernelSet SCALAR = scalarFamily();

    private Vectorization() {
    }

    private static KernelSet scalarFamily() {
        SwisMatmulScalar swis = new SwisMatmulScalar();
        return new KernelSet(List.of(new TableDecomposer()), List.of(swis), List.of(swis), List.of(new Int8Scalar()),
                List.of(new Float32Gemv.Scalar()));
    }

    /** The process-wide selection (looked up and logged once). */
    public static Selection selection() {
        return Holder.SELECTION;
    }

    /** The scalar family, always available. */
    public static KernelSet scalar() {
        return SCALAR;
    }

    /** The family the runtime selection prefers: vector if usable, else scalar. */
    public static KernelSet preferred() {
        return selection().vector().orElse(SCALAR);
    }

    /**
     * The decision itself, without logging; pure apart from the reflective creation.
     *
     * @param mode          value of {@value #PROPERTY}: auto (default) or scalar
     * @param modulePresent whether {@code jdk.incubator.vector} is in the boot layer
     * @param jvmArgs       the JVM's input arguments
     */
    public static Selection select(String mode, boolean modulePresent, List<String> jvmArgs) {
        if ("scalar".equalsIgnoreCase(mode)) {
            return new Selection(Optional.empty(), "scalar kernels forced by -D" + PROPERTY + "=scalar", 0);
        }
        if (!"auto".equalsIgnoreCase(mode)) {
            return new Selection(Optional.empty(), "scalar kernels: -D" + PROPERTY + "=" + mode
                    + " is not one of auto, scalar", 0);
        }
        if (!modulePresent) {
            return new Selection(Optional.empty(), "scalar kernels: jdk.incubator.vector is not readable;"
                    + " start the JVM with --add-modules jdk.incubator.vector", 0);
        }
        for (String a : jvmArgs) {
            String s = a.toLowerCase(Locale.ROOT);
            if (s.equals("-xint") || s.matches("-xx:tieredstopatlevel=[0-3]") || s.equals("-xx:-usecompiler")) {
                return new Selection(Optional.empty(), "scalar kernels: the C2 compiler is disabled (" + a + ")", 0);
            }
        }
        try {
            Class<?> panama = Class.forName(PANAMA);
            KernelSet k = (KernelSet) panama.getMethod("create").invoke(null);
            int bits = (int) panama.getMethod("vectorBitSize").invoke(null);
            return new Selection(Optional.of(k), "Vector API enabled (jdk.incubator.vector), preferred int vector "
                    + bits + " bits", bits);
        } catch (java.lang.reflect.InvocationTargetException e) {
            return new Selection(Optional.empty(), "scalar kernels: " + e.getCause().getMessage(), 0);
        } catch (ReflectiveOperationException | LinkageError e) {
            return new Selection(Optional.empty(), "scalar kernels: cannot create the Vector API kernels: " + e, 0);
        }
    }

    private static List<String> jvmArguments() {
        try {
            return ManagementFactory.getRuntimeMXBean().getInputArguments();
        } catch (RuntimeException | LinkageError e) {
            return List.of();
        }
    }

    private static Selection logged(Selection s) {
        System.getLogger("org.swis.kernels").log(System.Logger.Level.INFO, "SWIS kernels: " + s.reason());
        return s;
    }
}
