package org.swis.io.graph;

import java.util.List;

/**
 * One node of a {@link Graph}. Every node reads its {@code inputs} (tensor names) and writes one
 * tensor named {@code output} (equal to {@code name}) of the informational {@code shape}
 * ({@code [H, W, C]} or {@code [N]}).
 */
public sealed interface Node permits Node.Conv2d, Node.Linear, Node.Add, Node.ShortcutPad, Node.GlobalAvgPool,
        Node.Flatten {
    String name();

    List<String> inputs();

    String output();

    int[] shape();

    /**
     * BatchNorm parameters by their keys in {@code aux.npz}: y = (y − mean) / sqrt(var + eps) · gamma + beta.
     */
    record BatchNorm(String gamma, String beta, String mean, String var, double eps) {
    }

    /**
     * Convolution: explicit zero padding {@code pad = [top, bottom, left, right]}, cross-correlation,
     * then bias, BatchNorm, activation. {@code groups} is 1 or C_in (depthwise).
     *
     * @param weight    key in {@code weights.npz}
     * @param layout    the manifest's layout string, verbatim
     * @param bias      key in {@code aux.npz}, or null
     * @param batchnorm or null
     */
    record Conv2d(String name, List<String> inputs, String output, int[] shape, String weight, String layout,
                  String bias, int[] stride, int[] pad, int[] dilation, int groups, BatchNorm batchnorm,
                  Activation activation) implements Node {
    }

    /** y = W·x + bias, then the activation. */
    record Linear(String name, List<String> inputs, String output, int[] shape, String weight, String layout,
                  String bias, Activation activation) implements Node {
    }

    /** y = act(in0 + in1). */
    record Add(String name, List<String> inputs, String output, int[] shape, Activation activation) implements Node {
    }

    /** Option-A shortcut: y = x[::sh, ::sw, :], then channelPad[0] zero channels before and channelPad[1] after. */
    record ShortcutPad(String name, List<String> inputs, String output, int[] shape, int[] stride,
                       int[] channelPad) implements Node {
    }

    /** Mean over H and W: output [1, 1, C]. */
    record GlobalAvgPool(String name, List<String> inputs, String output, int[] shape) implements Node {
    }

    /** [H, W, C] → [H·W·C], row-major HWC. */
    record Flatten(String name, List<String> inputs, String output, int[] shape) implements Node {
    }
}
