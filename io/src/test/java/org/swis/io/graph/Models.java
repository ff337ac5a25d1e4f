package org.swis.io.graph;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.swis.io.SharedData;

/** Where the test models are: the shared folders (skipped when absent) and the project's embedded data/. */
public final class Models {
    private Models() {
    }

    /** A model folder of shared/weights; the test is skipped when that folder is absent. */
    public static Path shared(String model) {
        Path root = SharedData.weights().orElse(null);
        assumeTrue(root != null, SharedData.ABSENT);
        Path d = root.resolve(model);
        assumeTrue(Files.isRegularFile(d.resolve("graph.json")), "no " + d.resolve("graph.json"));
        return d;
    }

    /** A set folder of shared/datasets; the test is skipped when that folder is absent. */
    public static Path sharedSet(String set) {
        Path root = SharedData.weights().orElse(null);
        assumeTrue(root != null, SharedData.ABSENT);
        Path d = root.resolveSibling("datasets").resolve(set);
        assumeTrue(Files.isRegularFile(d.resolve("labels.csv")), "no " + d.resolve("labels.csv"));
        return d;
    }

    /** The project's {@code data/} folder (always present in a checkout). */
    public static Path embedded(String name) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve("data").resolve(name);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("data/" + name + " not found above " + Path.of("").toAbsolutePath());
    }
}
