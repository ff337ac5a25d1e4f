package org.swis.cli;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.swis.io.ImportException;
import org.swis.io.model.Model;
import org.swis.io.model.ModelLoader;
import picocli.CommandLine.Option;

/** The options that say how to read a weights file ({@code --manifest}, {@code --layout}); a picocli mixin. */
public final class ModelOptions {
    @Option(names = {"-m", "--manifest"}, paramLabel = "<manifest.csv>",
            description = "Manifest with layouts and kinds (default: manifest.csv next to a weights.npz).")
    Path manifest;

    @Option(names = {"-l", "--layout"}, paramLabel = "<layout>",
            description = "Layout of every tensor: OIHW, HWIO, HWCM, OI or IO (default: manifest, else inferred from the rank).")
    String layout;

    /** Loads {@code weights} with these options. */
    public Model load(Path weights, Consumer<String> warn) throws ImportException {
        return ModelLoader.load(weights, manifest, layout, warn);
    }

    /** Streams the model's layers one at a time, not yet decoded (see {@link ModelLoader#forEachSource}). */
    public void forEachSource(Path weights, Consumer<String> warn, ModelLoader.SourceSink sink) throws ImportException {
        ModelLoader.forEachSource(weights, manifest, layout, warn, sink);
    }

    /** Streams the model's layers one at a time (see {@link ModelLoader#forEach}). */
    public void forEach(Path weights, Consumer<String> warn, ModelLoader.LayerSink sink) throws ImportException {
        ModelLoader.forEach(weights, manifest, layout, warn, sink);
    }
}
