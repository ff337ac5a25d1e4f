package org.swis.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.swis.conformance.fixtures.DenseGemv;
import org.swis.conformance.fixtures.LsbFlipGemv;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code swis conformance} on user jars built here from test classes, each with its own service file. */
class ConformanceCommandTest {
    @TempDir
    Path dir;

    static SwisCommandTest.Run run(String... args) {
        return SwisCommandTest.run(args);
    }

    private Path jar(String name, Class<?> kernel, Class<?>... classes) throws Exception {
        return jar(dir, name, kernel, classes);
    }

    /** A jar in {@code dir} holding the given classes (and their nested classes) and one GemvKernel service line. */
    static Path jar(Path dir, String name, Class<?> kernel, Class<?>... classes) throws Exception {
        Path p = dir.resolve(name);
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(p))) {
            for (Class<?> c : classes) {
                for (Class<?> k : withNested(c)) {
                    String entry = k.getName().replace('.', '/') + ".class";
                    j.putNextEntry(new JarEntry(entry));
                    try (InputStream in = k.getClassLoader().getResourceAsStream(entry)) {
                        in.transferTo(j);
                    }
                    j.closeEntry();
                }
            }
            j.putNextEntry(new JarEntry("META-INF/services/org.swis.kernels.GemvKernel"));
            j.write(("# a user's kernel\n" + kernel.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        return p;
    }

    private static Class<?>[] withNested(Class<?> c) {
        Class<?>[] nested = c.getDeclaredClasses();
        Class<?>[] all = new Class<?>[nested.length + 1];
        all[0] = c;
        System.arraycopy(nested, 0, all, 1, nested.length);
        return all;
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    @Test
    void aCorrectKernelFromAJarPassesWithAPassRecord() throws Exception {
        Path jar = jar("dense.jar", DenseGemv.class, DenseGemv.class);
        SwisCommandTest.Run r = run("conformance", "--jar", jar.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("kernels under test:\n  fixture-dense  " + DenseGemv.class.getName() + "  gemv  from dense.jar\n"),
                r.out());
        assertTrue(r.out().contains("--- swis conformance pass record ---\nkernel: fixture-dense\nclass: "
                + DenseGemv.class.getName() + "\nfamily: gemv\nsource: dense.jar\njar sha256: " + sha256(jar) + "\n"), r.out());
        assertTrue(r.out().contains("seed: 2021\ntries per property: layout 150, gemv 400\ncases run: 550\n"), r.out());
        assertTrue(r.out().contains("result: PASS"), r.out());
        assertTrue(r.out().contains("\nsuite: swis "), r.out());
    }

    @Test
    void anOffByOneLsbKernelFailsWithALocalizedReportAndAReplayThatFailsAgain() throws Exception {
        Path jar = jar("lsb.jar", LsbFlipGemv.class, DenseGemv.class, LsbFlipGemv.class);
        SwisCommandTest.Run r = run("conformance", "--jar", jar.toString());
        assertEquals(ConformanceCommand.FAILED, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL gemv: kernel 'fixture-lsb-flip' (" + LsbFlipGemv.class.getName() + ")"), r.out());
        assertTrue(r.out().contains("y[row 0] = 32641, reference 32640 (kernel off by 1); the row has 1 non-zero term(s)\n"), r.out());
        Matcher term = Pattern.compile("column (\\d+) \\(tap 0, channel \\d+\\) = group 0 slot \\d+: weight -255 x activation -128 = 32640")
                .matcher(r.out());
        assertTrue(term.find(), r.out());
        assertTrue(!r.out().contains("pass record"), r.out());
        Matcher replay = Pattern.compile("replay: swis conformance --jar " + Pattern.quote(jar.toString())
                + " --kernel fixture-lsb-flip --seed 2021 --case (\\d+)").matcher(r.out());
        assertTrue(replay.find(), r.out());
        SwisCommandTest.Run again = run("conformance", "--jar", jar.toString(), "--kernel", "fixture-lsb-flip", "--seed", "2021",
                "--case", replay.group(1));
        assertEquals(ConformanceCommand.FAILED, again.code(), again.out());
        assertTrue(again.out().contains("gemv FAIL (1 cases)"), again.out());
    }

    @Test
    void aMisspelledKernelListsTheAvailableNamesByFamily() throws Exception {
        Path jar = jar("dense.jar", DenseGemv.class, DenseGemv.class);
        SwisCommandTest.Run r = run("conformance", "--jar", jar.toString(), "--kernel", "fixture-dnese");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("no kernel named 'fixture-dnese'"), r.err());
        assertTrue(r.err().contains("  GemvKernel: reference, swis-scalar"), r.err());
        assertTrue(r.err().contains("fixture-dense (dense.jar)"), r.err());
        assertTrue(r.err().contains("  DecomposeKernel: reference, table-scalar"), r.err());
    }

    @Test
    void badJarsAndNumbersAreUsageErrors() throws Exception {
        SwisCommandTest.Run missing = run("conformance", "--jar", dir.resolve("nope.jar").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.jar: --jar: expected an existing jar file, found no such file"), missing.err());
        Path text = Files.writeString(dir.resolve("text.jar"), "not a zip");
        SwisCommandTest.Run notJar = run("conformance", "--jar", text.toString());
        assertEquals(2, notJar.code());
        assertTrue(notJar.err().contains("expected a jar (zip) file"), notJar.err());
        Path empty = dir.resolve("empty.jar");
        try (OutputStream o = new JarOutputStream(Files.newOutputStream(empty))) {
            o.flush();
        }
        SwisCommandTest.Run none = run("conformance", "--jar", empty.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("found no kernels"), none.err());
        assertEquals(2, run("conformance", "--tries", "0").code());
        assertEquals(2, run("conformance", "--seed", "twelve").code());
        assertEquals(2, run("conformance", "--case", "-1").code());
    }

    @Test
    void builtInKernelsRunWithoutAJar() {
        SwisCommandTest.Run r = run("conformance", "--kernel", "swis-scalar", "--kernel", "table-scalar", "--tries", "5");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("swis-scalar  org.swis.kernels.scalar.SwisMatmulScalar  gemv+gemm  from built-in"), r.out());
        assertTrue(r.out().contains("tries per property: layout 5, gemv 5, gemm 5\ncases run: 15"), r.out());
        assertTrue(r.out().contains("jar sha256: none (built-in)"), r.out());
        assertTrue(run("conformance", "--help").out().contains("swis conformance --jar my-kernels.jar"));
    }
}
