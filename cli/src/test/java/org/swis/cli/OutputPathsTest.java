package org.swis.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every writing subcommand checks its output paths before any work (cli/README.md, "Output paths"): a
 * missing parent folder, a folder where a file is expected, a file where a folder is expected and a
 * read-only folder are exit 2 with one line naming the path and the option. The input of each run
 * below is missing or bad too, so a message about the output shows the output was checked first.
 */
class OutputPathsTest {
    @TempDir
    Path dir;

    private static void assertRefused(SwisCommandTest.Run r, String... parts) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), "'" + p + "' in: " + r.err());
        }
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void aFileOutputInAMissingFolderIsRefusedBeforeTheInputIsRead() {
        Path missing = dir.resolve("no-such-dir/out.file");
        String input = dir.resolve("absent.npz").toString();
        String expected = missing + ": --output: expected an existing parent folder, found no folder " + missing.getParent();
        assertRefused(SwisCommandTest.run("decompose", input, "-o", missing.toString()), expected);
        assertRefused(SwisCommandTest.run("inspect", input, "-o", missing.toString()), expected);
        assertRefused(SwisCommandTest.run("quality", input, "-o", missing.toString()), expected);
        assertFalse(Files.exists(missing.getParent()), "nothing created");
    }

    @Test
    void aFolderWhereAFileIsExpectedIsRefused() {
        String input = dir.resolve("absent.npz").toString();
        assertRefused(SwisCommandTest.run("decompose", input, "-o", dir.toString()),
                dir + ": --output: expected a file path, found a folder");
        assertRefused(SwisCommandTest.run("inspect", input, "--output", dir.toString()),
                dir + ": --output: expected a file path, found a folder");
    }

    @Test
    void aFileWhereAFolderIsExpectedIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        String msg = ": expected a folder, found a file";
        assertRefused(SwisCommandTest.run("quality", dir.resolve("absent.npz").toString(), "--plot-dir", file.toString()),
                file + ": --plot-dir" + msg);
        assertRefused(SwisCommandTest.run("hw", "--network", "no-such-net", "-o", file.toString()), file + ": --output" + msg);
        assertRefused(SwisCommandTest.run("golden", "-o", file.toString()), file + ": --output" + msg);
        assertRefused(SwisCommandTest.run("reproduce", "--weights", dir.resolve("absent").toString(),
                "--output-dir", file.toString()), file + ": --output-dir" + msg);
        assertEquals("x", Files.readString(file));
    }

    @Test
    void aMissingOutputFolderNeedsAnExistingParent() throws Exception {
        Path deep = dir.resolve("a/b");
        String expected = deep + ": --output-dir: expected an existing folder or a new one in an existing folder, "
                + "found no folder " + deep.getParent();
        assertRefused(SwisCommandTest.run("reproduce", "--output-dir", deep.toString()), expected);
        String old = System.getProperty("swis.root");
        System.setProperty("swis.root", dir.toString()); // no jmh module here: the jar check would fail next
        try {
            assertRefused(SwisCommandTest.run("bench", "--quick", "--output-dir", deep.toString()), expected);
            assertRefused(SwisCommandTest.run("bench", "--large-decompose", "--output-dir", deep.toString()), expected);
        } finally {
            if (old == null) {
                System.clearProperty("swis.root");
            } else {
                System.setProperty("swis.root", old);
            }
        }
        assertRefused(SwisCommandTest.run("golden", "-o", deep.toString()), deep + ": --output: expected an existing folder");
        assertFalse(Files.exists(deep.getParent()), "nothing created");
        // one level is created: the folder's parent exists
        Path fresh = dir.resolve("fresh");
        SwisCommandTest.Run ok = SwisCommandTest.run("golden", "-o", fresh.toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(Files.isDirectory(fresh));
    }

    @Test
    void aReadOnlyFolderIsRefused() throws Exception {
        // root writes anywhere (Files.isWritable is true), so the refusal cannot be observed as root
        assumeFalse("root".equals(System.getProperty("user.name")), "runs as root: read-only folders are writable");
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            String input = dir.resolve("absent.npz").toString();
            assertRefused(SwisCommandTest.run("decompose", input, "-o", ro.resolve("m.swis").toString()),
                    ": --output: expected a writable parent folder, found read-only " + ro);
            assertRefused(SwisCommandTest.run("golden", "-o", ro.toString()), ro + ": --output: expected a writable folder");
            assertRefused(SwisCommandTest.run("golden", "-o", ro.resolve("new").toString()),
                    ": --output: expected a folder that can be created, found read-only " + ro);
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void checkedPathsStillWriteWhereTheyShould() throws Exception {
        Path m = CommandsTest.model(dir, "m");
        Path out = dir.resolve("m.swis");
        assertEquals(0, SwisCommandTest.run("decompose", "-q", m.toString(), "-o", out.toString()).code());
        assertTrue(Files.size(out) > 0);
        Path hw = dir.resolve("hw");
        SwisCommandTest.Run r = SwisCommandTest.run("hw", "-q", "--network", "vgg16", "--design", "FXP8", "-o", hw.toString());
        assertEquals(0, r.code(), r.err());
        try (Stream<Path> s = Files.list(hw)) {
            assertEquals(2, s.count(), "hw_summary_vgg16.csv and hw_layers_vgg16.csv");
        }
    }
}
