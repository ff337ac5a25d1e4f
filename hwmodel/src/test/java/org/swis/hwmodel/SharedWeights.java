package org.swis.hwmodel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/** Locates the shared real-weights folder: SWIS_WEIGHTS property/env, else walk up to a dir holding shared/weights. */
final class SharedWeights {
    private SharedWeights() {
    }

    static Optional<Path> find() {
        String explicit = System.getProperty("SWIS_WEIGHTS", System.getenv("SWIS_WEIGHTS"));
        if (explicit != null && Files.isDirectory(Paths.get(explicit))) {
            return Optional.of(Paths.get(explicit));
        }
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("shared/weights"))) {
                return Optional.of(p.resolve("shared/weights"));
            }
            if (p.getParent() != null && Files.isDirectory(p.getParent().resolve("shared/weights"))) {
                return Optional.of(p.getParent().resolve("shared/weights"));
            }
        }
        return Optional.empty();
    }
}
