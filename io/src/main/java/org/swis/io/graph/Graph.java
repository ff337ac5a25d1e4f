package org.swis.io.graph;

import java.util.List;

/**
 * A network as {@code graph.json} describes it (format {@code swis-graph/1}, SPEC §12): the input
 * and its preprocessing, the nodes in topological order, the logits tensor and how logits map to
 * labels. Names only: the weights, biases and BatchNorm parameters it refers to are bound by
 * {@link NetworkModel}.
 *
 * @param name         the model folder's name as the graph states it
 * @param input        the input tensor and its preprocessing
 * @param nodes        every node, in topological order
 * @param output       the tensor holding the logits
 * @param labelOutputs K, the length of the logits vector
 * @param labelOffset  class = argmax(logits) − offset
 */
public record Graph(String name, Input input, List<Node> nodes, String output, int labelOutputs, int labelOffset) {
    public Graph {
        nodes = List.copyOf(nodes);
    }

    /**
     * The input tensor: {@code [h, w, c]}, HWC.
     *
     * @param tensor     its name (always {@code "input"} in format 1)
     * @param h          height
     * @param w          width
     * @param c          channels
     * @param preprocess how an image becomes this tensor
     */
    public record Input(String tensor, int h, int w, int c, Preprocess preprocess) {
    }

    /**
     * Preprocessing, applied in this order: decode to 8-bit RGB, optional centre crop, optional
     * bilinear resize, then {@code (pixel * scale - mean[c]) / std[c]}.
     *
     * @param cropH  centre-crop height, or 0 for none
     * @param cropW  centre-crop width, or 0 for none
     * @param resizeH resize height, or 0 for none
     * @param resizeW resize width, or 0 for none
     * @param scale  multiplies the uint8 pixel
     * @param mean   per channel, RGB order
     * @param std    per channel, RGB order
     */
    public record Preprocess(int cropH, int cropW, int resizeH, int resizeW, double scale, double[] mean, double[] std) {
        public Preprocess {
            mean = mean.clone();
            std = std.clone();
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[] std() {
            return std.clone();
        }
    }
}
