package org.swis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedDataTest {
    /** Runs {@code body} with the swis.shared property set to {@code value}, restoring it afterwards. */
    private static void withProperty(String value, Runnable body) {
        String old = System.getProperty(SharedData.PROPERTY);
        System.setProperty(SharedData.PROPERTY, value);
        try {
            body.run();
        } finally {
            if (old == null) {
                System.clearProperty(SharedData.PROPERTY);
            } else {
                System.setProperty(SharedData.PROPERTY, old);
            }
        }
    }

    @Test
    void thePropertyNamesTheSharedFolderWithItsWeightsAndDatasets(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("weights/m"));
        Files.createDirectories(dir.resolve("datasets/s"));
        withProperty(dir.toString(), () -> {
            assertEquals(Optional.of(dir), SharedData.locate());
            assertEquals(Optional.of(dir.resolve("weights")), SharedData.weights());
            assertEquals(Optional.of(dir.resolve("datasets")), SharedData.datasets());
            assertEquals(Optional.of(dir.resolve("weights/m")), SharedData.model("m"));
            assertEquals(Optional.empty(), SharedData.model("absent"));
        });
    }

    @Test
    void aConfiguredFolderThatIsMissingFindsNothing(@TempDir Path dir) {
        withProperty(dir.resolve("missing").toString(), () -> {
            assertTrue(SharedData.locate().isEmpty());
            assertTrue(SharedData.weights().isEmpty());
        });
        withProperty(dir.toString(), () -> assertTrue(SharedData.datasets().isEmpty()));
    }
}
