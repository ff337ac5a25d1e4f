package org.swis.hwmodel;

/**
 * One convolution layer in SCALE-Sim's column order plus padding and groups (docs/HWMODEL.md §2).
 *
 * <p>{@code ifmapHeight}/{@code ifmapWidth} are the <em>unpadded</em> input sizes; {@code padding} is applied
 * symmetrically on every side (SCALE-Sim's own CSVs fold padding into the IFMAP size; ours keeps it separate so
 * the output size is {@code (H + 2p - kh) / stride + 1}). A layer with {@code groups > 1} is modelled as
 * {@code groups} independent sub-convolutions of {@code channels/groups} inputs and {@code numFilters/groups}
 * filters each; {@code channels/groups == 1} is a depthwise(-like) layer (paper §3.2; docs/HWMODEL.md §3.1).
 */
public record Layer(String name, int ifmapHeight, int ifmapWidth, int filterHeight, int filterWidth,
                    int channels, int numFilters, int stride, int padding, int groups) {

    public Layer {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("layer name must be non-empty");
        }
        positive(name, "IFMAP Height", ifmapHeight);
        positive(name, "IFMAP Width", ifmapWidth);
        positive(name, "Filter Height", filterHeight);
        positive(name, "Filter Width", filterWidth);
        positive(name, "Channels", channels);
        positive(name, "Num Filter", numFilters);
        positive(name, "Strides", stride);
        positive(name, "Groups", groups);
        if (padding < 0) {
            throw new IllegalArgumentException("layer " + name + ": Padding must be >= 0, got " + padding);
        }
        if (channels % groups != 0 || numFilters % groups != 0) {
            throw new IllegalArgumentException("layer " + name + ": Groups=" + groups
                    + " must divide Channels=" + channels + " and Num Filter=" + numFilters);
        }
        if (ifmapHeight + 2 * padding < filterHeight || ifmapWidth + 2 * padding < filterWidth) {
            throw new IllegalArgumentException("layer " + name + ": filter " + filterHeight + "x" + filterWidth
                    + " larger than padded IFMAP " + (ifmapHeight + 2 * padding) + "x" + (ifmapWidth + 2 * padding));
        }
    }

    /** Dense convenience constructor (groups = 1). */
    public static Layer dense(String name, int h, int w, int kh, int kw, int cin, int cout, int stride, int pad) {
        return new Layer(name, h, w, kh, kw, cin, cout, stride, pad, 1);
    }

    private static void positive(String layer, String field, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException("layer " + layer + ": " + field + " must be > 0, got " + v);
        }
    }

    public int outHeight() {
        return (ifmapHeight + 2 * padding - filterHeight) / stride + 1;
    }

    public int outWidth() {
        return (ifmapWidth + 2 * padding - filterWidth) / stride + 1;
    }

    /** E*F: output pixels per output channel (the OS array's row dimension). */
    public long outPixels() {
        return (long) outHeight() * outWidth();
    }

    public int channelsPerGroup() {
        return channels / groups;
    }

    public int filtersPerGroup() {
        return numFilters / groups;
    }

    /** True when every filter sees exactly one input channel (depthwise, any channel multiplier). */
    public boolean isDepthwise() {
        return channelsPerGroup() == 1 && groups > 1;
    }

    public int taps() {
        return filterHeight * filterWidth;
    }

    /** Multiply-accumulates of the layer: E*F*C_out*kh*kw*(C_in/groups). */
    public long macs() {
        return outPixels() * numFilters * (long) taps() * channelsPerGroup();
    }

    public long weightCount() {
        return (long) numFilters * taps() * channelsPerGroup();
    }

    public long ifmapElements() {
        return (long) ifmapHeight * ifmapWidth * channels;
    }

    public long ofmapElements() {
        return outPixels() * numFilters;
    }
}
