package org.swis.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the shared folder of real weights ({@code shared/weights}, see its README): the system
 * property or environment variable {@code SWIS_WEIGHTS} if set, else the first directory, walking up
 * from the working directory, that contains {@code shared/weights} or whose parent does.
 */
public final class SharedWeights {
    private SharedWeights() {
    }

    /** The weights folder, or empty when none is found. */
    public static Optional<Path> locate() {
        String configured = System.getProperty("SWIS_WEIGHTS", System.getenv("SWIS_WEIGHTS"));
        if (configured != null && !configured.isBlank()) {
            Path p = Path.of(configured);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path here = d.resolve("shared").resolve("weights");
            if (Files.isDirectory(here)) {
                return Optional.of(here);
            }
            Path sibling = d.resolveSibling("shared").resolve("weights");
            if (d.getParent() != null && Files.isDirectory(sibling)) {
                return Optional.of(sibling);
            }
        }
        return Optional.empty();
    }
}
