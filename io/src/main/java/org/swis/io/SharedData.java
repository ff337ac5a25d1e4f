package org.swis.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the suite's shared data folder ({@code shared/}, beside the checkout), which holds
 * {@code weights/<model>/} and {@code datasets/<set>/}: the system property {@value #PROPERTY} if
 * set, else the environment variable {@value #ENV}, else the first {@code shared} folder holding
 * {@code weights/} or {@code datasets/} in the working directory or one of its ancestors (so
 * {@code ../shared} from the checkout or any module in it). The one locator every test and command uses.
 */
public final class SharedData {
    /** System property naming the shared folder. */
    public static final String PROPERTY = "swis.shared";
    /** Environment variable naming the shared folder when the property is unset. */
    public static final String ENV = "SWIS_SHARED";
    /** Reason for a skipped test when the folder is absent. */
    public static final String ABSENT = "../shared not found (set -D" + PROPERTY + " or " + ENV
            + " to the shared folder, or check out next to it)";

    private SharedData() {
    }

    /** The shared folder, or empty when none is configured or found. */
    public static Optional<Path> locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(ENV);
        }
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path shared = d.resolve("shared");
            if (Files.isDirectory(shared.resolve("weights")) || Files.isDirectory(shared.resolve("datasets"))) {
                return Optional.of(shared);
            }
        }
        return Optional.empty();
    }

    /** {@code shared/weights}, one folder per model, or empty when absent. */
    public static Optional<Path> weights() {
        return folder("weights");
    }

    /** {@code shared/datasets}, one folder per data set, or empty when absent. */
    public static Optional<Path> datasets() {
        return folder("datasets");
    }

    /** One model's folder {@code shared/weights/<model>}, or empty when absent. */
    public static Optional<Path> model(String model) {
        return weights().map(w -> w.resolve(model)).filter(Files::isDirectory);
    }

    private static Optional<Path> folder(String name) {
        return locate().map(s -> s.resolve(name)).filter(Files::isDirectory);
    }
}
