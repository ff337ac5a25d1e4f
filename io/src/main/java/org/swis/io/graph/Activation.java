package org.swis.io.graph;

/** A node's fused activation (graph format {@code activation}). */
public enum Activation {
    NONE, RELU, RELU6;

    /** Applies the activation to one value. */
    public float apply(float x) {
        return switch (this) {
            case NONE -> x;
            case RELU -> Math.max(x, 0f);
            case RELU6 -> Math.min(Math.max(x, 0f), 6f);
        };
    }

    /** Applies the activation to one double value (the independent float checks). */
    public double apply(double x) {
        return switch (this) {
            case NONE -> x;
            case RELU -> Math.max(x, 0.0);
            case RELU6 -> Math.min(Math.max(x, 0.0), 6.0);
        };
    }
}
