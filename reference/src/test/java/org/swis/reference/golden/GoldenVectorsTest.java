package org.swis.reference.golden;

import org.swis.reference.json.Json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The frozen golden set: it verifies, it is exactly what the generator produces, and it covers the list of docs/SPEC.md §10.5. */
class GoldenVectorsTest {
    /** The committed set in the source tree (Surefire runs with the module directory as working directory). */
    static Path committed() {
        Path p = Path.of("src", "test", "resources", "golden");
        assertTrue(Files.isDirectory(p), "golden set at " + p.toAbsolutePath());
        return p;
    }

    @Test
    void committedSetVerifiesAgainstTheReference() {
        GoldenVectors.Report r = GoldenVectors.verify(committed());
        assertTrue(r.ok(), r.toString());
        assertTrue(r.cases() >= 50, "at least 50 cases, have " + r.cases());
    }

    @Test
    void regeneratingGivesByteIdenticalFiles() throws IOException {
        Map<String, Map<String, byte[]>> fresh = GoldenVectors.render();
        Set<String> dirs = new TreeSet<>();
        try (Stream<Path> s = Files.list(committed())) {
            s.filter(Files::isDirectory).forEach(p -> dirs.add(p.getFileName().toString()));
        }
        assertEquals(new TreeSet<>(fresh.keySet()), dirs, "case directories");
        for (Map.Entry<String, Map<String, byte[]>> c : fresh.entrySet()) {
            Set<String> files = new TreeSet<>();
            try (Stream<Path> s = Files.list(committed().resolve(c.getKey()))) {
                s.forEach(p -> files.add(p.getFileName().toString()));
            }
            assertEquals(new TreeSet<>(c.getValue().keySet()), files, c.getKey());
            for (Map.Entry<String, byte[]> f : c.getValue().entrySet()) {
                assertArrayEquals(f.getValue(), Files.readAllBytes(committed().resolve(c.getKey()).resolve(f.getKey())),
                        c.getKey() + "/" + f.getKey());
            }
        }
    }

    @Test
    void generateWritesWhatVerifyAccepts(@TempDir Path tmp) {
        int n = GoldenVectors.generate(tmp);
        assertEquals(GoldenVectors.caseNames().size(), n);
        assertTrue(GoldenVectors.verify(tmp).ok());
    }

    @Test
    void coversTheIssueList() throws IOException {
        Set<String> kinds = new HashSet<>();
        Set<Long> ms = new HashSet<>();
        Set<String> swisModesByN = new HashSet<>();
        Set<String> types = new HashSet<>();
        boolean depthwise = false;
        boolean oddCin = false;
        boolean scheduled = false;
        boolean overflow = false;
        boolean extremeAll255 = false;
        boolean traced = false;
        try (Stream<Path> s = Files.list(committed())) {
            for (Path c : s.filter(Files::isDirectory).sorted().toList()) {
                Map<?, ?> m = (Map<?, ?>) Json.parse(c.toString(),
                        Files.readString(c.resolve("manifest.json"), StandardCharsets.UTF_8));
                String kind = (String) m.get("weights_kind");
                kinds.add(kind);
                ms.add((Long) m.get("m"));
                types.add((String) m.get("activation_type"));
                List<?> ws = (List<?>) m.get("weights_shape");
                if ("swis".equals(kind) || "swis-c".equals(kind)) {
                    for (Object n : (List<?>) m.get("shifts_per_filter")) {
                        swisModesByN.add(kind + ":" + n + ":" + m.get("pe_mode"));
                    }
                }
                if (m.get("conv") instanceof Map<?, ?> conv) {
                    depthwise |= (Long) ws.get(1) == 1 && (Long) conv.get("groups") > 1;
                }
                oddCin |= (Long) ws.get(1) % 2 == 1 && (Long) ws.get(1) > 1;
                scheduled |= m.get("schedule") != null;
                overflow |= (Long) m.get("overflow_count") > 0;
                traced |= Boolean.TRUE.equals(m.get("trace"));
                Npy.Array a = Npy.read("a", Files.readAllBytes(c.resolve("activations.npy")));
                Npy.Array w = Npy.read("w", Files.readAllBytes(c.resolve("weights.npy")));
                extremeAll255 |= java.util.Arrays.stream(a.data()).allMatch(v -> v == 255)
                        && java.util.Arrays.stream(w.data()).allMatch(v -> Math.abs(v) == 255);
            }
        }
        assertEquals(Set.of("swis", "swis-c", "weight-trunc", "full8"), kinds);
        assertEquals(Set.of(1L, 2L, 4L, 8L, 16L), ms);
        assertEquals(Set.of("uint8", "int8"), types);
        List<String> missing = new ArrayList<>();
        for (int n = 1; n <= 8; n++) {
            for (String mode : new String[] {"SS", "DS"}) {
                if (!swisModesByN.contains("swis:" + n + ":" + mode)) {
                    missing.add("swis N=" + n + " " + mode);
                }
            }
            if (!swisModesByN.contains("swis-c:" + n + ":SS") && !swisModesByN.contains("swis-c:" + n + ":DS")) {
                missing.add("swis-c N=" + n);
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(depthwise && oddCin && scheduled && overflow && extremeAll255 && traced,
                "depthwise " + depthwise + ", odd C_in " + oddCin + ", scheduled " + scheduled + ", overflow "
                        + overflow + ", all-255 extreme " + extremeAll255 + ", trace " + traced);
    }

    private static Path copyCase(Path tmp, String name) throws IOException {
        Path dst = tmp.resolve(name);
        Files.createDirectories(dst);
        try (Stream<Path> s = Files.list(committed().resolve(name))) {
            for (Path p : s.toList()) {
                Files.copy(p, dst.resolve(p.getFileName()));
            }
        }
        return dst;
    }

    @Test
    void aChangedExpectedOutputIsReportedByFileAndElement(@TempDir Path tmp) throws IOException {
        Path c = copyCase(tmp, "conv-swis-m4-n3-ds-cin3-pad1");
        Npy.Array e = Npy.read("e", Files.readAllBytes(c.resolve("expected.npy")));
        long[] d = e.data();
        d[5] += 1;
        Files.write(c.resolve("expected.npy"), Npy.write("expected", e.descr(), e.shape(), d));
        GoldenVectors.Report r = GoldenVectors.verify(tmp);
        assertFalse(r.ok());
        assertEquals(1, r.failures().size(), r.toString());
        assertTrue(r.failures().get(0).contains("expected.npy: element 5"), r.failures().get(0));
    }

    @Test
    void aChangedStreamOrCycleCountIsReportedByField(@TempDir Path tmp) throws IOException {
        Path c = copyCase(tmp, "linear-swis-m04-n3-ds-uint8");
        String text = Files.readString(c.resolve("manifest.json"));
        Files.writeString(c.resolve("manifest.json"), text.replaceFirst("\"layer\": (\\d+)", "\"layer\": 1$1"));
        List<String> f = GoldenVectors.verifyCase(c);
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).contains("manifest.json: field cycles.layer"), f.get(0));

        String hex = text.replaceFirst("\"stream_hex\": \"(.)", "\"stream_hex\": \"z");
        Files.writeString(c.resolve("manifest.json"), hex);
        f = GoldenVectors.verifyCase(c);
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).contains("manifest.json: field stream_hex"), f.get(0));
    }

    @Test
    void aMalformedManifestNamesFileAndField(@TempDir Path tmp) throws IOException {
        Path c = copyCase(tmp, "linear-in1-m4-n2-ss");
        String text = Files.readString(c.resolve("manifest.json")).replace("\"pe_mode\": \"SS\"", "\"pe_mode\": \"QS\"");
        Files.writeString(c.resolve("manifest.json"), text);
        List<String> f = GoldenVectors.verifyCase(c);
        assertEquals(1, f.size());
        assertTrue(f.get(0).contains("pe_mode = QS"), f.get(0));
    }
}
