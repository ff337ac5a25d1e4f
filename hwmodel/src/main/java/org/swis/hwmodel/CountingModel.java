package org.swis.hwmodel;

import org.swis.reference.encode.GroupStreamCodec;
import org.swis.reference.mac.CycleCounts;
import org.swis.reference.mac.PeMode;
import org.swis.reference.swis.Scheme;

/**
 * Analytic counting layer (docs/HWMODEL.md §3.1-3.3): cycles, folds, utilisation and per-operand traffic of one layer.
 *
 * <p>Cycles: every fold of filter group g costs {@code steps_g * (V + R + C - 2)} cycles (operands forwarded after
 * their hold, the default) or {@code V * steps_g + R + C - 2} (forwarded next cycle), see
 * {@link ArrayConfig.SerialSkew}, where V is the number of M-wide reduction vectors per output (see
 * {@link LayerMapping}) and {@code steps_g} the serial steps per vector ({@link #stepsPerVector}); a layer total in {@link ArrayConfig.FillDrain#SCALESIM_V2} mode is the sum minus one
 * (SCALE-Sim v2's reporting convention, docs/HWMODEL.md §3.2), in {@link ArrayConfig.FillDrain#SCALESIM_V1} mode each fold
 * costs R more. With one step per vector and a dense layer this is exactly SCALE-Sim's OS cycle count
 * {@code folds * (kh*kw*ceil(Cin/M) + R + C - 2) - 1}.
 *
 * <p>Traffic (bits): the staggered schedule of paper §3.2 reads each activation vector once per fold and holds it
 * for the vector's serial steps; each fold reads its filter group's stored weight vectors once; every output is
 * written once (output stationary). DRAM: the layer's ifmap, weights and ofmap move between DRAM and the SRAMs
 * under the cheaper of two tilings (filter-chunk outer: filter groups packed into chunks that fit the filter SRAM,
 * the ifmap re-fetched per chunk unless it fits the ifmap SRAM; ifmap-band outer: the ifmap once in bands that fit,
 * all weights re-fetched per band unless they fit the filter SRAM).
 */
public final class CountingModel {
    /** Bit Fusion: MACs of one fusion unit per cycle at 4b x 8b = 16 / ((4/2)*(8/2)) (docs/HWMODEL.md §3.2). */
    static final int BITFUSION_MACS_PER_CYCLE_4X8 = 16 / ((4 / 2) * (8 / 2));

    private CountingModel() {
    }

    /** Serial steps per activation vector of a filter group with count {@code n}. */
    public static double stepsPerVector(Design d, int n, ArrayConfig cfg, OperandStatistics stats, Layer layer) {
        return switch (d) {
            // The reference's closed forms: ceil(N / k) per SWIS group, one pass per kept bit.
            case SWIS_SS, SWIS_C_SS -> CycleCounts.perGroup(n, PeMode.SS);
            case SWIS_DS, SWIS_C_DS -> CycleCounts.perGroup(n, PeMode.DS);
            case ACT_TRUNC, WGT_TRUNC -> CycleCounts.truncationPasses(n);
            case LOOM -> (double) n * stats.loomActivationBits();
            case FXP8, FXP8_SCALAR -> 1;
            case BITFUSION_4X8 -> LayerMapping.ceilDiv(cfg.groupSize(), BITFUSION_MACS_PER_CYCLE_4X8);
            case PRAGMATIC -> {
                int lanes = stats.serial() == OperandStatistics.SerialOperand.ACTIVATIONS
                        ? cfg.rows() * cfg.groupSize() : cfg.cols() * cfg.groupSize();
                yield stats.histogram(layer).expectedMaxSteps(lanes);
            }
        };
    }

    /**
     * Stored bits of one M-wide weight vector (paper §3.3; docs/HWMODEL.md §3.3): SWIS M signs + 3N shift bits + M*N masks;
     * SWIS-C M + 3 + M*N; weight truncation and Loom sign + N magnitude bits per weight; 8-bit designs 8M; Bit
     * Fusion 4M.
     */
    public static long filterBitsPerVector(Design d, int n, int m) {
        return switch (d) {
            // The stored group of the reference's bit stream (GroupStreamCodec).
            case SWIS_SS, SWIS_DS -> GroupStreamCodec.bitsPerGroup(Scheme.SWIS, m, n);
            case SWIS_C_SS, SWIS_C_DS -> GroupStreamCodec.bitsPerGroup(Scheme.SWIS_C, m, n);
            case WGT_TRUNC, LOOM -> (long) m * (1 + n);
            case ACT_TRUNC, FXP8, FXP8_SCALAR, PRAGMATIC -> 8L * m;
            case BITFUSION_4X8 -> 4L * m;
        };
    }

    /** Shift counts of every filter group, validated; all-8 (unused) for designs that ignore N. */
    static int[] groupShifts(Design d, ShiftProfile profile, LayerMapping map) {
        int g = map.filterGroups();
        if (!d.usesShiftProfile()) {
            int[] r = new int[g];
            java.util.Arrays.fill(r, 8);
            return r;
        }
        int[] n = profile.filterGroupShifts(map.layer(), g, map.filtersPerFilterGroup());
        if (n.length != g) {
            throw new IllegalArgumentException("shift profile '" + profile.label() + "', layer "
                    + map.layer().name() + ": expected " + g + " filter-group counts, got " + n.length);
        }
        for (int i = 0; i < g; i++) {
            if (n[i] < 1 || n[i] > 8) {
                throw new IllegalArgumentException("shift profile '" + profile.label() + "', layer "
                        + map.layer().name() + ", filter group " + i + ": N must be in 1..8, got " + n[i]);
            }
        }
        return n;
    }

    /** Cycles of one fold with V vectors of {@code steps} serial steps each (see {@link ArrayConfig.SerialSkew}). */
    static long foldCycles(long v, double steps, ArrayConfig cfg) {
        long skew = cfg.rows() + cfg.cols() - 2;
        long fold = cfg.serialSkew() == ArrayConfig.SerialSkew.FORWARD_AFTER_HOLD
                ? (long) Math.ceil(steps * (v + skew)) : (long) Math.ceil(v * steps) + skew;
        return fold + (cfg.fillDrain() == ArrayConfig.FillDrain.SCALESIM_V1 ? cfg.rows() : 0);
    }

    public static LayerCounts count(Layer layer, Design d, ShiftProfile profile, ArrayConfig configured,
                                    OperandStatistics stats) {
        ArrayConfig cfg = d.arrayFor(configured);
        LayerMapping map = LayerMapping.of(layer, cfg);
        int[] fpg = map.filtersPerFilterGroup();
        int[] n = groupShifts(d, profile, map);
        int r = cfg.rows();
        int c = cfg.cols();
        int m = cfg.groupSize();
        long v = map.vectorsPerOutput();
        long pixels = map.outPixels();
        long rowFolds = map.rowFolds();
        long useful = map.usefulLanesPerOutput();

        long cycles = 0;
        double active = 0;
        double laneSteps = 0;
        long filterRead = 0;
        long storage = 0;
        long nWeighted = 0;
        long[] groupBits = new long[fpg.length];
        for (int i = 0; i < fpg.length; i++) {
            double steps = stepsPerVector(d, n[i], cfg, stats, layer);
            double t = v * steps;
            cycles += rowFolds * foldCycles(v, steps, cfg);
            active += (double) pixels * fpg[i] * t;
            laneSteps += (double) pixels * fpg[i] * useful * steps;
            long bits = (long) fpg[i] * v * filterBitsPerVector(d, n[i], m);
            groupBits[i] = bits;
            storage += bits;
            filterRead += rowFolds * bits;
            nWeighted += (long) fpg[i] * n[i];
        }
        if (cfg.fillDrain() == ArrayConfig.FillDrain.SCALESIM_V2) {
            cycles -= 1;
        }
        long folds = map.folds();
        long ifmapRead = (long) map.filterGroups() * pixels * v * m * cfg.activationBits();
        long ofmapWrite = layer.ofmapElements() * cfg.outputBits();

        // DRAM tiling per sub-convolution: the cheaper of filter-chunk-outer and ifmap-chunk-outer.
        long slice = (long) layer.ifmapHeight() * layer.ifmapWidth() * layer.channelsPerGroup() * cfg.activationBits();
        long ifBuf = cfg.ifmapSramBytes() * 8;
        long fBuf = cfg.filterSramBytes() * 8;
        long ifA = 0;
        long fA = 0;
        long ifB = 0;
        long fB = 0;
        int per = map.filterGroupsPerSub();
        for (int s = 0; s < map.subConvs(); s++) {
            // A: filter groups packed greedily, in order, into chunks that fit the filter SRAM; the ifmap is
            // streamed once per chunk unless it fits; a lone group larger than the SRAM is re-fetched per row fold.
            int chunks = 0;
            long chunk = 0;
            long subBits = 0;
            for (int g = 0; g < per; g++) {
                long b = groupBits[s * per + g];
                subBits += b;
                if (chunk > 0 && chunk + b > fBuf) {
                    fA += chunk * (chunk <= fBuf ? 1 : rowFolds);
                    chunks++;
                    chunk = 0;
                }
                chunk += b;
            }
            fA += chunk * (chunk <= fBuf ? 1 : rowFolds);
            chunks++;
            ifA += slice * (slice <= ifBuf ? 1 : chunks);
            // B: the ifmap cut into bands that fit the ifmap SRAM (halo ignored); all weights streamed per band
            // unless they fit the filter SRAM.
            long bands = LayerMapping.ceilDiv(slice, ifBuf);
            ifB += slice;
            fB += subBits * (subBits <= fBuf ? 1 : bands);
        }
        boolean filterOuter = ifA + fA <= ifB + fB;
        long dIf = filterOuter ? ifA : ifB;
        long dF = filterOuter ? fA : fB;

        double mapEff = (double) pixels * layer.numFilters() / ((double) folds * r * c);
        double util = laneSteps / ((double) r * c * m * cycles);
        double nEff = d.usesShiftProfile() ? (double) nWeighted / layer.numFilters() : Double.NaN;
        double stepsAvg = active / ((double) pixels * layer.numFilters() * v);
        return new LayerCounts(layer.name(), d, nEff, stepsAvg, folds, map.filterGroups(), rowFolds, cycles,
                layer.macs(), Math.round(active), laneSteps, mapEff, util,
                ifmapRead, dIf, filterRead, dF,
                ofmapWrite /* drained once to DRAM */, ofmapWrite,
                dIf, dF, ofmapWrite, storage, filterOuter ? "filter-chunk-outer" : "ifmap-band-outer");
    }
}
