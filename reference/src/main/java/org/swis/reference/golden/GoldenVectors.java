package org.swis.reference.golden;

import org.swis.reference.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.swis.reference.SwisInputException;

/**
 * Generates and verifies golden test vectors (SPEC "Golden vectors"): one directory per case holding
 * {@code manifest.json} and {@code .npy} tensors. {@link #generate} writes the frozen catalog
 * deterministically; {@link #verify} reads any vector set, recomputes every file of every case with
 * the reference from the case's configuration and its two input tensors, and reports each
 * difference by case, file and element or field.
 */
public final class GoldenVectors {
    private GoldenVectors() {
    }

    /** Outcome of a verification: cases checked and one line per problem (empty when all match). */
    public record Report(int cases, List<String> failures) {
        public Report {
            failures = List.copyOf(failures);
        }

        public boolean ok() {
            return failures.isEmpty() && cases > 0;
        }

        @Override
        public String toString() {
            return (ok() ? "OK" : "FAILED") + ": " + cases + " cases, " + failures.size() + " failures"
                    + (failures.isEmpty() ? "" : "\n  " + String.join("\n  ", failures));
        }
    }

    /** The names of the catalog's cases, in generation order. */
    public static List<String> caseNames() {
        return GoldenCatalog.specs().stream().map(s -> s.config().name()).toList();
    }

    /** Renders every case of the catalog in memory: case name to (file name to bytes). */
    public static Map<String, Map<String, byte[]>> render() {
        Map<String, Map<String, byte[]>> out = new java.util.LinkedHashMap<>();
        for (GoldenCatalog.Spec s : GoldenCatalog.specs()) {
            out.put(s.config().name(), GoldenCase.render(s.config(), s.weightValues(), s.activationValues()));
        }
        return out;
    }

    /**
     * Writes the catalog under {@code dir}, one sub-directory per case; each file is written to a
     * temporary file and atomically renamed. Returns the number of cases.
     */
    public static int generate(Path dir) {
        Map<String, Map<String, byte[]>> all = render();
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, Map<String, byte[]>> c : all.entrySet()) {
                Path caseDir = dir.resolve(c.getKey());
                Files.createDirectories(caseDir);
                for (Map.Entry<String, byte[]> f : c.getValue().entrySet()) {
                    Path tmp = Files.createTempFile(caseDir, "." + f.getKey(), ".tmp");
                    Files.write(tmp, f.getValue());
                    Files.move(tmp, caseDir.resolve(f.getKey()), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing golden vectors under " + dir, e);
        }
        return all.size();
    }

    /** Verifies every case directory (a directory containing manifest.json) directly under {@code dir}. */
    public static Report verify(Path dir) {
        List<String> failures = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Report(0, List.of(dir + ": not a directory"));
        }
        List<Path> cases;
        try (Stream<Path> s = Files.list(dir)) {
            cases = s.filter(p -> Files.isRegularFile(p.resolve(GoldenCase.MANIFEST))).sorted().toList();
        } catch (IOException e) {
            return new Report(0, List.of(dir + ": " + e));
        }
        for (Path c : cases) {
            failures.addAll(verifyCase(c));
        }
        if (cases.isEmpty()) {
            failures.add(dir + ": no case directories (with " + GoldenCase.MANIFEST + ")");
        }
        return new Report(cases.size(), failures);
    }

    /** Verifies one case directory; returns its problems. */
    public static List<String> verifyCase(Path caseDir) {
        String name = caseDir.getFileName().toString();
        List<String> problems = new ArrayList<>();
        try {
            String manifestText = Files.readString(caseDir.resolve(GoldenCase.MANIFEST), StandardCharsets.UTF_8);
            CaseConfig config = GoldenCase.parseManifest(name + "/" + GoldenCase.MANIFEST, manifestText);
            if (!config.name().equals(name)) {
                problems.add(name + ": manifest name " + config.name() + " != directory name");
            }
            Npy.Array w = Npy.read(name + "/" + GoldenCase.WEIGHTS, Files.readAllBytes(caseDir.resolve(GoldenCase.WEIGHTS)));
            Npy.Array a = Npy.read(name + "/" + GoldenCase.ACTIVATIONS,
                    Files.readAllBytes(caseDir.resolve(GoldenCase.ACTIVATIONS)));
            if (!Arrays.equals(w.shape(), config.weightsShape())) {
                problems.add(name + "/" + GoldenCase.WEIGHTS + ": shape " + Arrays.toString(w.shape())
                        + " != weights_shape " + Arrays.toString(config.weightsShape()));
            }
            if (!Arrays.equals(a.shape(), config.activationsShape())) {
                problems.add(name + "/" + GoldenCase.ACTIVATIONS + ": shape " + Arrays.toString(a.shape())
                        + " != activations_shape " + Arrays.toString(config.activationsShape()));
            }
            if (!problems.isEmpty()) {
                return problems;
            }
            Map<String, byte[]> expected = GoldenCase.render(config, w.data(), a.data());
            TreeSet<String> stored = new TreeSet<>();
            try (Stream<Path> s = Files.list(caseDir)) {
                s.filter(Files::isRegularFile).forEach(p -> stored.add(p.getFileName().toString()));
            }
            for (String f : stored) {
                if (!expected.containsKey(f)) {
                    problems.add(name + "/" + f + ": unexpected file");
                }
            }
            for (Map.Entry<String, byte[]> e : expected.entrySet()) {
                String f = e.getKey();
                if (!stored.contains(f)) {
                    problems.add(name + "/" + f + ": missing");
                    continue;
                }
                byte[] have = Files.readAllBytes(caseDir.resolve(f));
                if (!Arrays.equals(have, e.getValue())) {
                    problems.add(name + "/" + f + ": " + describeDifference(name + "/" + f, have, e.getValue()));
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(name + ": " + e.getMessage());
        }
        return problems;
    }

    /** Names the first differing element (npy), field (json) or line (csv). */
    static String describeDifference(String file, byte[] have, byte[] want) {
        if (file.endsWith(".npy")) {
            Npy.Array h = Npy.read(file, have);
            Npy.Array x = Npy.read(file, want);
            if (!h.descr().equals(x.descr()) || !Arrays.equals(h.shape(), x.shape())) {
                return "dtype/shape " + h.descr() + Arrays.toString(h.shape()) + ", reference gives "
                        + x.descr() + Arrays.toString(x.shape());
            }
            long[] hd = h.data();
            long[] xd = x.data();
            for (int i = 0; i < hd.length; i++) {
                if (hd[i] != xd[i]) {
                    return "element " + i + " (flat, C order) is " + hd[i] + ", reference gives " + xd[i];
                }
            }
            return "same values, different bytes (header layout)";
        }
        if (file.endsWith(".json")) {
            Object h = Json.parse(file, new String(have, StandardCharsets.UTF_8));
            Object x = Json.parse(file, new String(want, StandardCharsets.UTF_8));
            String d = firstDifference("", h, x);
            return d == null ? "same content, different formatting" : d;
        }
        String[] hl = new String(have, StandardCharsets.UTF_8).split("\n", -1);
        String[] xl = new String(want, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.max(hl.length, xl.length); i++) {
            String a = i < hl.length ? hl[i] : "<none>";
            String b = i < xl.length ? xl[i] : "<none>";
            if (!a.equals(b)) {
                return "line " + (i + 1) + " is '" + a + "', reference gives '" + b + "'";
            }
        }
        return "different bytes";
    }

    private static String firstDifference(String path, Object h, Object x) {
        if (h instanceof Map<?, ?> hm && x instanceof Map<?, ?> xm) {
            TreeSet<String> keys = new TreeSet<>();
            hm.keySet().forEach(k -> keys.add((String) k));
            xm.keySet().forEach(k -> keys.add((String) k));
            for (String k : keys) {
                String d = firstDifference(path + "." + k, hm.get(k), xm.get(k));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (h instanceof List<?> hl && x instanceof List<?> xl) {
            for (int i = 0; i < Math.max(hl.size(), xl.size()); i++) {
                String d = firstDifference(path + "[" + i + "]", i < hl.size() ? hl.get(i) : "<none>",
                        i < xl.size() ? xl.get(i) : "<none>");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return Objects.equals(h, x) ? null : "field " + path.substring(Math.min(1, path.length())) + " is " + h
                + ", reference gives " + x;
    }

    /** {@code GoldenVectors generate <dir>} or {@code GoldenVectors verify <dir>}. */
    public static void main(String[] args) {
        if (args.length != 2 || !(args[0].equals("generate") || args[0].equals("verify"))) {
            System.err.println("usage: GoldenVectors generate|verify <dir>");
            System.exit(2);
            return;
        }
        Path dir = Path.of(args[1]);
        try {
            if (args[0].equals("generate")) {
                System.out.println("wrote " + generate(dir) + " cases under " + dir);
            } else {
                Report r = verify(dir);
                System.out.println(r);
                System.exit(r.ok() ? 0 : 1);
            }
        } catch (SwisInputException | UncheckedIOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }
}
