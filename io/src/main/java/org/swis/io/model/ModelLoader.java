package org.swis.io.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.swis.io.DType;
import org.swis.io.ImportException;
import org.swis.io.LayoutNames;
import org.swis.io.Manifest;
import org.swis.io.ManifestEntry;
import org.swis.io.Shapes;
import org.swis.io.Tensor;
import org.swis.io.TensorData;
import org.swis.io.TensorFiles;
import org.swis.io.TensorSource;
import org.swis.io.WeightKind;
import org.swis.reference.SwisInputException;
import org.swis.reference.tensor.Layout;
import org.swis.reference.tensor.QuantizedTensor;
import org.swis.reference.tensor.WeightTensor;

/**
 * Loads a model's weight tensors and converts them to the reference's {@link WeightTensor} /
 * {@link QuantizedTensor} (the one adapter between the importers and the reference).
 *
 * <p>Layout of each tensor, in order of precedence: {@code --layout} when it has the tensor's rank
 * (a 4-D layout is not forced on 2-D tensors, nor a 2-D one on 4-D tensors); the manifest given with
 * {@code --manifest}; the {@code manifest.csv} next to a file named {@code weights.npz} (the
 * shared-weights folder convention; a folder may be given instead of the file); for a 2-D tensor OI,
 * inferred with a warning. A 4-D tensor with none of these is an {@link ImportException} asking for
 * {@code --layout} or a manifest: its layout is never guessed. Tensors of any other rank (biases,
 * BatchNorm) are skipped with a note. Kind: from the manifest; otherwise depthwise for HWCM, linear
 * for rank 2, conv otherwise. Int8 tensors with scales ({@code Int8Scales}) are taken as they are
 * ({@link QuantizedTensor#fromInt8}); their scales must be one per tensor or one per filter. An int8
 * tensor without scales is an {@link ImportException} unless the caller assumes a unit scale
 * ({@code --assume-unit-scale}). A
 * {@code weights.npz} folder that also holds {@code weights_int.npz} and {@code quant_params.npz} is
 * read from those: its given int8 weights with their per-channel scales ({@link GivenInt8}, SPEC §12.3).
 */
public final class ModelLoader {
    /** The shared-weights folder convention: {@code <dir>/weights.npz} + {@code <dir>/manifest.csv}. */
    public static final String WEIGHTS_FILE = "weights.npz";
    public static final String MANIFEST_FILE = "manifest.csv";

    private ModelLoader() {
    }

    /** Resolves a folder to its {@code weights.npz}. */
    public static Path weightsFile(Path given) {
        return Files.isDirectory(given) ? given.resolve(WEIGHTS_FILE) : given;
    }

    /** The manifest to use for {@code weights} when none is given: the sibling of a {@code weights.npz}, if present. */
    public static Path siblingManifest(Path weights) {
        Path file = weightsFile(weights);
        if (file.getFileName() != null && file.getFileName().toString().equals(WEIGHTS_FILE)) {
            Path dir = file.toAbsolutePath().getParent();
            Path m = dir == null ? null : dir.resolve(MANIFEST_FILE);
            if (m != null && Files.isRegularFile(m)) {
                return file.getParent() == null ? Path.of(MANIFEST_FILE) : file.getParent().resolve(MANIFEST_FILE);
            }
        }
        return null;
    }

    /** Model name: the folder of a {@code weights.npz}, else the file name without its extension. */
    public static String modelName(Path weights) {
        Path file = weightsFile(weights).toAbsolutePath().normalize();
        String fn = file.getFileName().toString();
        if (fn.equals(WEIGHTS_FILE) && file.getParent() != null && file.getParent().getFileName() != null) {
            return file.getParent().getFileName().toString();
        }
        int dot = fn.lastIndexOf('.');
        return dot > 0 ? fn.substring(0, dot) : fn;
    }

    /**
     * Loads every weight tensor.
     *
     * @param weights  a .npz / .npy / .safetensors file, or a folder holding weights.npz
     * @param manifest explicit manifest, or null (then the sibling manifest is used when present)
     * @param layout   explicit layout for every tensor, or null
     * @param warn     receives warnings and notes (one line each)
     */
    public static Model load(Path weights, Path manifest, String layout, Consumer<String> warn) throws ImportException {
        return load(weights, manifest, layout, false, warn);
    }

    /**
     * As {@link #load(Path, Path, String, Consumer)}; {@code assumeUnitScale} takes int8 tensors that
     * have no scales with scale 1 (with a note) instead of rejecting them.
     */
    public static Model load(Path weights, Path manifest, String layout, boolean assumeUnitScale, Consumer<String> warn)
            throws ImportException {
        List<ModelLayer> layers = new ArrayList<>();
        String manifestPath = forEachSource(weights, manifest, layout, assumeUnitScale, warn, s -> layers.add(s.load()));
        return new Model(modelName(weights), weightsFile(weights).toString(), layers, manifestPath);
    }

    /** Receives the layers of a model one at a time. */
    @FunctionalInterface
    public interface LayerSink {
        void accept(ModelLayer layer) throws ImportException, java.io.IOException;
    }

    /** Receives the layers of a model one at a time, not yet decoded. */
    @FunctionalInterface
    public interface SourceSink {
        void accept(LayerSource layer) throws ImportException, java.io.IOException;
    }

    /**
     * Streams a model: converts and hands over one weight tensor at a time, in file order, so only one
     * tensor is held in memory (plus what the sink keeps). The checks are those of {@link #load}.
     *
     * @return the manifest the layouts came from, or null
     */
    public static String forEach(Path weights, Path manifest, String layout, Consumer<String> warn, LayerSink sink)
            throws ImportException {
        return forEach(weights, manifest, layout, false, warn, sink);
    }

    /** As {@link #forEach(Path, Path, String, Consumer, LayerSink)}, with the unit-scale assumption of {@link #load}. */
    public static String forEach(Path weights, Path manifest, String layout, boolean assumeUnitScale,
                                 Consumer<String> warn, LayerSink sink) throws ImportException {
        return forEachSource(weights, manifest, layout, assumeUnitScale, warn, s -> sink.accept(s.load()));
    }

    /**
     * Streams a model without decoding it: each weight tensor is handed over as a {@link LayerSource}
     * (a memory-mapped view for .safetensors), so a sink that reads it in blocks needs heap for one
     * block, whatever the tensor size. Layouts, kinds, manifest checks and skipped tensors are those of
     * {@link #load}.
     *
     * @return the manifest the layouts came from, or null
     */
    public static String forEachSource(Path weights, Path manifest, String layout, Consumer<String> warn, SourceSink sink)
            throws ImportException {
        return forEachSource(weights, manifest, layout, false, warn, sink);
    }

    /** As {@link #forEachSource(Path, Path, String, Consumer, SourceSink)}, with the unit-scale assumption of {@link #load}. */
    public static String forEachSource(Path weights, Path manifest, String layout, boolean assumeUnitScale,
                                       Consumer<String> warn, SourceSink sink) throws ImportException {
        Layout forced = layoutOption(layout);
        Path int8Dir = givenInt8Folder(weights);
        Path file = int8Dir != null ? int8Dir.resolve(GivenInt8.INT_FILE) : weightsFile(weights);
        Path manifestPath = manifest != null ? manifest : siblingManifest(weights);
        Manifest m = manifestPath == null ? null : Manifest.read(manifestPath);
        Set<String> seen = new HashSet<>();
        int inferred = 0;
        int accepted = 0;
        List<String> unitScale = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int position = 0;
        try (TensorSource src = int8Dir != null ? GivenInt8.open(int8Dir) : TensorFiles.open(file)) {
            TensorData t;
            while ((t = src.nextData()) != null) {
                ManifestEntry e = m == null ? null : check(m, t, position, file.toString(), int8Dir != null);
                position++;
                seen.add(t.name());
                Layout l = layoutOf(t, forced, e);
                if (l == null && t.rank() == 4) {
                    throw new ImportException(file.toString(), "tensor '" + t.name() + "' layout",
                            "a stated layout for a 4-D tensor of shape " + Shapes.format(t.shape()) + " (pass --layout "
                                    + "OIHW, OHWI, HWIO, HWCM or 1HWC, or --manifest manifest.csv)", "none");
                }
                if (l != null && isInferred(t, forced, e)) {
                    inferred++;
                }
                if (l == null || t.dtype() == DType.I32 || t.dtype() == DType.U8) {
                    skipped.add(t.name());
                    continue;
                }
                if (t.dtype() == DType.I8 && t.scales() == null) {
                    if (!assumeUnitScale) {
                        throw new ImportException(file.toString(), "tensor '" + t.name() + "' scale",
                                "a scale source for int8 weights (" + scaleSources(file) + "), or --assume-unit-scale "
                                        + "to take every int8 value as its real value", "none");
                    }
                    unitScale.add(t.name());
                }
                WeightKind kind = e != null ? e.kind() : kindOf(l, t.shape());
                LayerSource layer = LayerSource.of(t, l, kind, file.toString());
                t = null;
                try {
                    sink.accept(layer);
                } catch (java.io.IOException io) {
                    throw new java.io.UncheckedIOException(io);
                }
                accepted++;
            }
        }
        if (m != null) {
            for (ManifestEntry e : m.entries()) {
                if (!seen.contains(e.name())) {
                    throw new ImportException(file.toString(), "tensor '" + e.name() + "'",
                            "present (listed in " + m.file() + ")", "absent");
                }
            }
        }
        if (accepted == 0) {
            throw new ImportException(file.toString(), "tensors", "at least one conv, depthwise or linear weight tensor "
                    + "(rank 4 or 2, float or int8)", skipped.isEmpty() ? "none" : "only " + skipped);
        }
        if (inferred > 0) {
            warn.accept("warning: layout of " + inferred + " 2-D tensor(s) inferred from rank (OI); "
                    + "pass --layout or --manifest to state it");
        }
        if (!unitScale.isEmpty()) {
            warn.accept("note: --assume-unit-scale: " + unitScale.size() + " int8 tensor(s) without scales taken with "
                    + "scale 1: " + String.join(", ", unitScale.subList(0, Math.min(5, unitScale.size())))
                    + (unitScale.size() > 5 ? ", ..." : ""));
        }
        if (!skipped.isEmpty()) {
            warn.accept("note: skipped " + skipped.size() + " tensor(s) that are not conv/linear weights: "
                    + String.join(", ", skipped.subList(0, Math.min(5, skipped.size())))
                    + (skipped.size() > 5 ? ", ..." : ""));
        }
        return manifestPath == null ? null : manifestPath.toString();
    }

    /** Parses the {@code --layout} option (null when absent). */
    public static Layout layoutOption(String layout) throws ImportException {
        if (layout == null) {
            return null;
        }
        Layout forced = LayoutNames.parse(layout);
        if (forced == null) {
            throw new ImportException("--layout", "value", "one of " + LayoutNames.choices(), "'" + layout + "'");
        }
        return forced;
    }

    /**
     * A tensor's layout: {@code forced} when it has the tensor's rank (a 4-D {@code --layout} is not
     * applied to 2-D tensors and vice versa), else the manifest row's, else inferred from the rank
     * ({@link LayoutNames#inferFromRank}: OI for 2-D, callers warn; null for every other rank, so a
     * 4-D tensor with no stated layout gives null and callers reject or mark it).
     */
    public static Layout layoutOf(TensorData t, Layout forced, ManifestEntry e) {
        if (forced != null && forced.rank() == t.rank()) {
            return forced;
        }
        return e != null ? e.layout() : LayoutNames.inferFromRank(t.rank());
    }

    /** True when {@link #layoutOf} takes the tensor's layout from its rank (neither option nor manifest states it). */
    public static boolean isInferred(TensorData t, Layout forced, ManifestEntry e) {
        return (forced == null || forced.rank() != t.rank()) && e == null;
    }

    /** Where the scales of int8 weights can come from, for messages (names the sibling quant_params.npz when present). */
    private static String scaleSources(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        String given = file.getFileName() != null && file.getFileName().toString().equals(GivenInt8.INT_FILE)
                && dir != null && Files.isRegularFile(dir.resolve(GivenInt8.PARAMS_FILE))
                ? "pass the folder " + (file.getParent() == null ? "." : file.getParent().toString())
                        + " to use its " + GivenInt8.PARAMS_FILE + "; "
                : "";
        return given + "a float tensor '<name>.scale' beside it in the archive, or " + GivenInt8.PARAMS_FILE
                + " with " + GivenInt8.INT_FILE + " and weights.npz in a model folder";
    }

    /**
     * The folder whose given int8 weights replace {@code weights.npz} ({@link GivenInt8}): the folder of
     * a {@code weights.npz} (given as file or folder) that also holds {@code weights_int.npz} and
     * {@code quant_params.npz}; else null.
     */
    public static Path givenInt8Folder(Path weights) {
        Path file = weightsFile(weights);
        if (file.getFileName() == null || !file.getFileName().toString().equals(WEIGHTS_FILE)) {
            return null;
        }
        Path dir = file.getParent() == null ? Path.of("") : file.getParent();
        return GivenInt8.present(dir) ? dir : null;
    }

    /** Checks a tensor against its manifest row (name, shape, dtype, position) and returns the row. */
    public static ManifestEntry check(Manifest m, TensorData t, int position, String file) throws ImportException {
        return check(m, t, position, file, false);
    }

    /**
     * As {@link #check(Manifest, TensorData, int, String)}; for {@code givenInt8} the tensor comes from
     * {@code weights_int.npz} and must be int8 where the manifest describes the float {@code weights.npz}.
     */
    static ManifestEntry check(Manifest m, TensorData t, int position, String file, boolean givenInt8)
            throws ImportException {
        ManifestEntry e = m.get(t.name());
        if (e == null) {
            throw new ImportException(m.file(), "name", "a row for tensor '" + t.name() + "' of " + file, "none");
        }
        if (!Arrays.equals(e.shape(), t.shape())) {
            throw new ImportException(file, "tensor '" + t.name() + "' shape",
                    Shapes.format(e.shape()) + " (from " + m.file() + ")", Shapes.format(t.shape()));
        }
        if (givenInt8 ? t.dtype() != DType.I8 : e.dtype() != t.dtype()) {
            throw new ImportException(file, "tensor '" + t.name() + "' dtype",
                    (givenInt8 ? "int8" : e.dtype().manifestName()) + " (from " + m.file() + ")", t.dtype().manifestName());
        }
        if (e.index() != position) {
            throw new ImportException(file, "tensor '" + t.name() + "' position",
                    e.index() + " (index in " + m.file() + ")", Integer.toString(position));
        }
        return e;
    }

    static WeightKind kindOf(Layout l, int[] shape) {
        if (l == Layout.HWCM || l == Layout.ONE_HWC) {
            return WeightKind.DEPTHWISE;
        }
        return l.rank() == 2 ? WeightKind.LINEAR : WeightKind.CONV;
    }

    /** Converts one imported tensor to the reference's canonical order. */
    public static ModelLayer convert(Tensor t, Layout l, WeightKind kind, String file) throws ImportException {
        Layout layout = l;
        try {
            layout.checkShape(t.name(), t.shape());
            if (t.dtype() == DType.I8) {
                double[] scales = LayerSource.int8Scales(t, layout.canonicalDims(t.shape()).filters(), file);
                QuantizedTensor q = QuantizedTensor.fromInt8(t.name(), t.toBytes(), t.shape(), layout, scales);
                double[] deq = q.dequantize();
                float[] f = new float[deq.length];
                for (int i = 0; i < f.length; i++) {
                    f[i] = (float) deq[i];
                }
                WeightTensor w = new WeightTensor(t.name(), q.filters(), q.channels(), q.kh(), q.kw(), f);
                return new ModelLayer(t.name(), kind, t.shape(), l, w, q);
            }
            WeightTensor w = WeightTensor.fromLayout(t.name(), t.toFloats(), t.shape(), layout);
            return new ModelLayer(t.name(), kind, t.shape(), l, w, null);
        } catch (SwisInputException e) {
            throw LayerSource.importError(file, t.name(), e);
        }
    }
}
