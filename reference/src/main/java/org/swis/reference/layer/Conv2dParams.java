package org.swis.reference.layer;

import org.swis.reference.SwisInputException;

/**
 * Geometry of a 2-D convolution (NCHW activations, OIHW weights): stride, zero padding on both sides,
 * dilation, and channel groups ({@code groups = C_in} with one channel per filter is depthwise).
 */
public record Conv2dParams(int strideH, int strideW, int padH, int padW, int dilationH, int dilationW, int groups) {
    public Conv2dParams {
        SwisInputException.requireRange("stride_h", strideH, 1, 64);
        SwisInputException.requireRange("stride_w", strideW, 1, 64);
        SwisInputException.requireRange("padding_h", padH, 0, 64);
        SwisInputException.requireRange("padding_w", padW, 0, 64);
        SwisInputException.requireRange("dilation_h", dilationH, 1, 64);
        SwisInputException.requireRange("dilation_w", dilationW, 1, 64);
        SwisInputException.requireRange("groups", groups, 1, 1 << 20);
    }

    /** Stride 1, no padding, no dilation, one group. */
    public static Conv2dParams simple() {
        return new Conv2dParams(1, 1, 0, 0, 1, 1, 1);
    }

    /** Output height for input height h and kernel height kh (at least 1, else an error). */
    public int outH(int h, int kh) {
        return out("output height", h, kh, padH, dilationH, strideH);
    }

    public int outW(int w, int kw) {
        return out("output width", w, kw, padW, dilationW, strideW);
    }

    private static int out(String field, int in, int k, int pad, int dil, int stride) {
        int span = dil * (k - 1) + 1;
        int o = (in + 2 * pad - span) / stride + 1;
        if (in + 2 * pad < span || o < 1) {
            throw new SwisInputException(field, o, "at least 1 (input " + in + ", kernel span " + span + ", padding " + pad + ")");
        }
        return o;
    }
}
