package org.swis.cli;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.swis.io.ImportException;
import org.swis.io.model.Model;
import org.swis.io.model.ModelLoader;
import picocli.CommandLine.Option;

/**
 * The options that say how to read a weights file ({@code --manifest}, {@code --layout},
 * {@code --assume-unit-scale}); a picocli mixin. Nothing that changes results is guessed: a 4-D
 * tensor needs a layout source and an int8 tensor a scale source ({@link ModelLoader}).
 */
public final class ModelOptions {
    @Option(names = {"-m", "--manifest"}, paramLabel = "<manifest.csv>",
            description = "Manifest with layouts and kinds (default: manifest.csv next to a weights.npz).")
    Path manifest;

    @Option(names = {"-l", "--layout"}, paramLabel = "<layout>",
            description = "Layout of every tensor of its rank: OIHW, OHWI, HWIO, HWCM, 1HWC (4-D) or OI, IO (2-D); "
                    + "a 4-D layout is not applied to 2-D tensors nor a 2-D one to 4-D tensors. Default: the manifest; "
                    + "without one, 2-D tensors are read as OI (with a warning) and 4-D tensors are an error.")
    String layout;

    @Option(names = "--assume-unit-scale",
            description = "Take int8 tensors that have no scales (no '<name>.scale' tensor, no quant_params.npz) "
                    + "with scale 1 instead of stopping with exit 2.")
    boolean assumeUnitScale;

    /** Loads {@code weights} with these options. */
    public Model load(Path weights, Consumer<String> warn) throws ImportException {
        return ModelLoader.load(weights, manifest, layout, assumeUnitScale, warn);
    }

    /** Streams the model's layers one at a time, not yet decoded (see {@link ModelLoader#forEachSource}). */
    public void forEachSource(Path weights, Consumer<String> warn, ModelLoader.SourceSink sink) throws ImportException {
        ModelLoader.forEachSource(weights, manifest, layout, assumeUnitScale, warn, sink);
    }

    /** Streams the model's layers one at a time (see {@link ModelLoader#forEach}). */
    public void forEach(Path weights, Consumer<String> warn, ModelLoader.LayerSink sink) throws ImportException {
        ModelLoader.forEach(weights, manifest, layout, assumeUnitScale, warn, sink);
    }
}
