package org.swis.hwmodel;

/**
 * The shape of one conv weight tensor plus the stride/padding the tensor itself does not carry.
 * {@code inputHeight}/{@code inputWidth} are optional overrides (0 = infer, see
 * {@link Topology#fromWeightShapes}).
 */
public record WeightShape(String name, int outChannels, int inChannelsPerGroup, int kernelHeight, int kernelWidth,
                          int groups, int stride, int padding, int inputHeight, int inputWidth) {

    public WeightShape {
        if (outChannels <= 0 || inChannelsPerGroup <= 0 || kernelHeight <= 0 || kernelWidth <= 0 || groups <= 0
                || stride <= 0 || padding < 0 || inputHeight < 0 || inputWidth < 0) {
            throw new IllegalArgumentException("weight shape " + name + ": dimensions must be positive (out="
                    + outChannels + ", inPerGroup=" + inChannelsPerGroup + ", k=" + kernelHeight + "x" + kernelWidth
                    + ", groups=" + groups + ", stride=" + stride + ", padding=" + padding + ")");
        }
    }

    /** PyTorch OIHW {@code (out, in/groups, kh, kw)}; padding defaults to {@code kh/2} ("same" for odd k). */
    public static WeightShape oihw(String name, int[] dims, int stride, int groups) {
        if (dims.length != 4) {
            throw new IllegalArgumentException("weight shape " + name + ": OIHW needs 4 dims, got " + dims.length);
        }
        return new WeightShape(name, dims[0], dims[1], dims[2], dims[3], groups, stride, dims[2] / 2, 0, 0);
    }

    /** Keras conv HWIO {@code (kh, kw, in, out)}. */
    public static WeightShape hwio(String name, int[] dims, int stride) {
        if (dims.length != 4) {
            throw new IllegalArgumentException("weight shape " + name + ": HWIO needs 4 dims, got " + dims.length);
        }
        return new WeightShape(name, dims[3], dims[2], dims[0], dims[1], 1, stride, dims[0] / 2, 0, 0);
    }

    /** Keras depthwise {@code (kh, kw, channels, multiplier)}. */
    public static WeightShape depthwiseHwcm(String name, int[] dims, int stride) {
        if (dims.length != 4) {
            throw new IllegalArgumentException("weight shape " + name + ": HWCM needs 4 dims, got " + dims.length);
        }
        return new WeightShape(name, dims[2] * dims[3], 1, dims[0], dims[1], dims[2], stride, dims[0] / 2, 0, 0);
    }

    public WeightShape withInputSize(int h, int w) {
        return new WeightShape(name, outChannels, inChannelsPerGroup, kernelHeight, kernelWidth, groups, stride,
                padding, h, w);
    }

    public WeightShape withPadding(int p) {
        return new WeightShape(name, outChannels, inChannelsPerGroup, kernelHeight, kernelWidth, groups, stride, p,
                inputHeight, inputWidth);
    }
}
