package org.swis.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.swis.io.InputException;

/**
 * The model and images shipped in the project's {@code data/} folder (data/README.md): the default of
 * {@code swis accuracy} and {@code swis reproduce} on a fresh clone. Found from the {@code swis.root}
 * system property (the launcher sets it), else by walking up from where this class was loaded
 * ({@code cli/target/swis-cli.jar} or {@code cli/target/classes}), else from the working directory.
 */
public final class EmbeddedData {
    static final String MODEL = "cifar10_resnet20";
    static final String DATASET = "cifar10_test_1000";

    private EmbeddedData() {
    }

    /** The project's {@code data/} folder, or null. */
    static Path dataDir() {
        String home = System.getProperty("swis.root");
        if (home != null && Files.isDirectory(Path.of(home, "data", MODEL))) {
            return Path.of(home, "data");
        }
        try {
            Path p = Path.of(EmbeddedData.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path d = p; d != null; d = d.getParent()) {
                if (Files.isDirectory(d.resolve("data").resolve(MODEL))) {
                    return d.resolve("data");
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working directory
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("data").resolve(MODEL))) {
                return d.resolve("data");
            }
        }
        return null;
    }

    /** The embedded model folder. */
    public static Path model() throws InputException {
        return require(MODEL);
    }

    /** The embedded labelled image set. */
    public static Path dataset() throws InputException {
        return require(DATASET);
    }

    private static Path require(String name) throws InputException {
        Path d = dataDir();
        if (d == null) {
            throw new InputException("data/" + name, "folder", "the project's embedded data (data/README.md); "
                    + "run from the project or set -Dswis.root=<project>", "not found");
        }
        return d.resolve(name);
    }
}
