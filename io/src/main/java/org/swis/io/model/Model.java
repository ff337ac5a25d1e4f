package org.swis.io.model;

import java.util.List;

/**
 * The weight tensors of one model, in file order.
 *
 * @param name   short name (the folder name for {@code <dir>/weights.npz}, else the file name without extension)
 * @param source the weights file
 * @param layers the conv / depthwise / linear tensors
 * @param manifest the manifest the layouts came from, or null
 */
public record Model(String name, String source, List<ModelLayer> layers, String manifest) {
    public Model {
        layers = List.copyOf(layers);
    }

    /** Total number of weights. */
    public long weightCount() {
        long n = 0;
        for (ModelLayer l : layers) {
            n += l.weights().size();
        }
        return n;
    }
}
