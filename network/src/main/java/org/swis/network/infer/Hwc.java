package org.swis.network.infer;

/** The shape of one image's tensor, HWC; a vector of N values is {@code [1, 1, N]} (SPEC §13.1). */
record Hwc(int h, int w, int c) {
    int size() {
        return h * w * c;
    }

    /** True when the graph's informational shape ({@code [H, W, C]} or {@code [N]}) describes this shape. */
    boolean matches(int[] shape) {
        if (shape == null || shape.length == 0) {
            return true;
        }
        if (shape.length == 1) {
            return h == 1 && w == 1 && c == shape[0];
        }
        return shape.length == 3 && shape[0] == h && shape[1] == w && shape[2] == c;
    }

    @Override
    public String toString() {
        return "[" + h + ", " + w + ", " + c + "]";
    }
}
