package org.swis.hwmodel;

/**
 * How a layer is laid onto the output-stationary array (docs/HWMODEL.md §3.1; SCALE-Sim v1 {@code sram_traffic_os.py}):
 * array rows hold output pixels, columns hold filters, and each group PE reduces one M-wide vector per serial step.
 *
 * <p>A layer with G conv groups is G identical sub-convolutions. Within one sub-convolution the filters are cut
 * into {@code filterGroupsPerSub} filter groups of at most C filters (one column fold each; the filters of a filter
 * group share N), and the E*F output pixels into {@code rowFolds} row folds of at most R pixels. Every (filter group,
 * row fold) pair is one fold. Each output needs {@code vectorsPerOutput} M-wide reduction vectors: kh*kw*ceil(Cin/M)
 * for channel vectors, or ceil(kh*kw/M) when a depthwise layer is mapped {@link ArrayConfig.DepthwiseMapping
 * #TAPS_ON_LANES}.
 */
public record LayerMapping(Layer layer, int subConvs, int filtersPerSub, int filterGroupsPerSub, long rowFolds,
                           long outPixels, long vectorsPerOutput, int lanesPerVector, boolean tapsOnLanes,
                           int rows, int cols, int groupSize) {

    public static LayerMapping of(Layer layer, ArrayConfig cfg) {
        int m = cfg.groupSize();
        boolean dwTaps = layer.isDepthwise()
                && cfg.depthwiseMapping() == ArrayConfig.DepthwiseMapping.TAPS_ON_LANES;
        long vectors = dwTaps ? ceilDiv(layer.taps(), m)
                : (long) layer.taps() * ceilDiv(layer.channelsPerGroup(), m);
        int sub = layer.groups();
        int fps = layer.filtersPerGroup();
        // Depthwise: activations of different channels cannot share an OS row, so a sub-convolution occupies only
        // as many columns as it has filters (its channel multiplier), never the filters of another channel.
        int fgps = (int) ceilDiv(fps, cfg.cols());
        return new LayerMapping(layer, sub, fps, fgps, ceilDiv(layer.outPixels(), cfg.rows()), layer.outPixels(),
                vectors, m, dwTaps, cfg.rows(), cfg.cols(), m);
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** Total filter groups of the layer (sub-convolutions x column folds). */
    public int filterGroups() {
        return subConvs * filterGroupsPerSub;
    }

    /** Filters in filter group {@code g} (0-based within a sub-convolution). */
    public int filtersInGroup(int g) {
        return Math.min(cols, filtersPerSub - g * cols);
    }

    /** Output pixels (used rows) in row fold {@code f}. */
    public int rowsInFold(long f) {
        return (int) Math.min(rows, outPixels - f * rows);
    }

    /** Filters per filter group for every filter group of the layer, in execution order. */
    public int[] filtersPerFilterGroup() {
        int[] r = new int[filterGroups()];
        for (int s = 0; s < subConvs; s++) {
            for (int g = 0; g < filterGroupsPerSub; g++) {
                r[s * filterGroupsPerSub + g] = filtersInGroup(g);
            }
        }
        return r;
    }

    public long folds() {
        return (long) filterGroups() * rowFolds;
    }

    /** Lanes holding real operands summed over the vectors of one output (the rest are zero padding). */
    public long usefulLanesPerOutput() {
        return (long) layer.taps() * layer.channelsPerGroup();
    }
}
