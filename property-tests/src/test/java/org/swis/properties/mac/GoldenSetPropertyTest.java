package org.swis.properties.mac;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Example;
import org.swis.reference.golden.GoldenVectors;

/** The committed golden set re-verifies against the reference from this module too. */
class GoldenSetPropertyTest {
    static Path goldenDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path g = dir.resolve("reference/src/test/resources/golden");
            if (Files.isDirectory(g)) {
                return g;
            }
            dir = dir.getParent();
        }
        throw new AssertionError("reference/src/test/resources/golden not found above " + Path.of("").toAbsolutePath());
    }

    @Example
    void committedGoldenSetVerifiesWithEveryCaseMatchingTheReference() {
        GoldenVectors.Report r = GoldenVectors.verify(goldenDir());
        assertTrue(r.ok(), r.toString());
        assertTrue(r.cases() >= 50, "cases: " + r.cases());
    }
}
