package org.swis.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build writes the checkout's commit into the jar's resources; unknown without git (KERNELS.md §6). */
class BuildStampTest {
    /** git's own answer for the checkout holding this module, or null when there is no git or no .git. */
    private static String gitHead() throws IOException, InterruptedException {
        Path module = Path.of("").toAbsolutePath();
        if (!Files.exists(module.resolve("../.git"))) {
            return null;
        }
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "--verify", "HEAD").directory(module.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Test
    void theBuildWroteTheCheckoutsCommitOrUnknown() throws Exception {
        try (InputStream in = BuildStamp.class.getClassLoader().getResourceAsStream(BuildStamp.RESOURCE)) {
            assertNotNull(in, BuildStamp.RESOURCE + " is written by jmh/pom.xml (antrun, generate-resources)");
            Properties p = new Properties();
            p.load(in);
            assertTrue(p.containsKey("commit") && p.containsKey("dirty"), p.toString());
        }
        BuildStamp jar = BuildStamp.ofThisJar();
        String head = gitHead();
        if (head == null) {
            assertEquals("unknown", jar.commit(), "built without git or .git");
            assertEquals("unknown", jar.dirty());
        } else {
            // the commit checked out when this build ran (the test runs in the same build)
            assertEquals(head, jar.commit());
            assertTrue(jar.dirty().equals("true") || jar.dirty().equals("false"), jar.dirty());
        }
    }

    @Test
    void anythingButAFullCommitReadsAsUnknown() {
        Properties p = new Properties();
        p.setProperty("commit", "${swis.build.commit}");
        p.setProperty("dirty", "false");
        assertEquals(BuildStamp.UNKNOWN, BuildStamp.of(p));
        p.setProperty("commit", "0123456789abcdef0123456789abcdef01234567");
        p.setProperty("dirty", "maybe");
        assertEquals("unknown", BuildStamp.of(p).dirty());
        p.setProperty("dirty", "true");
        assertEquals(new BuildStamp("0123456789abcdef0123456789abcdef01234567", "true", "", ""), BuildStamp.of(p));
    }

    @Test
    void aStampBesideAJsonResultRoundTripsAndItsAbsenceIsUnknown(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("kernels-int8-jdk17.json");
        assertEquals(BuildStamp.UNKNOWN, BuildStamp.forJson(json));
        BuildStamp s = new BuildStamp("0123456789abcdef0123456789abcdef01234567", "true", "k.jar=" + "0f".repeat(32), "swis bench --quick");
        s.write(BuildStamp.besideJson(json));
        assertEquals(dir.resolve("kernels-int8-jdk17.build.properties"), BuildStamp.besideJson(json));
        assertEquals(s, BuildStamp.forJson(json));
    }
}
