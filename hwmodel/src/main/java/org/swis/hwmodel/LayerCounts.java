package org.swis.hwmodel;

/**
 * The counting layer's result for one layer and one design (no energy): cycles, folds, utilisation and per-operand
 * SRAM/DRAM traffic in bits. All traffic is in bits; byte columns in CSVs are bits/8.
 *
 * @param effectiveShifts   realised average N over the layer's filters (NaN when the design ignores N)
 * @param stepsPerVector    average serial steps per activation vector, weighted by work
 * @param activePeCycles    PE-cycles in which a used PE processes a vector step
 * @param laneStepCycles    sum over MACs of their serial steps (MAC-lane occupancy)
 * @param filterStorageBits bits of the layer's weights as stored (signs, shifts/offsets, masks or plain bits)
 * @param loopOrder         DRAM tiling order chosen ({@code filter-chunk-outer} or {@code ifmap-band-outer})
 */
public record LayerCounts(String layer, Design design, double effectiveShifts, double stepsPerVector, long folds,
                          int filterGroups, long rowFolds, long cycles, long macs, long activePeCycles,
                          double laneStepCycles, double mappingEfficiency, double computeUtilisation,
                          long sramIfmapReadBits, long sramIfmapWriteBits, long sramFilterReadBits,
                          long sramFilterWriteBits, long sramOfmapReadBits, long sramOfmapWriteBits,
                          long dramIfmapReadBits, long dramFilterReadBits, long dramOfmapWriteBits,
                          long filterStorageBits, String loopOrder) {

    public long sramReadBits() {
        return sramIfmapReadBits + sramFilterReadBits + sramOfmapReadBits;
    }

    public long sramWriteBits() {
        return sramIfmapWriteBits + sramFilterWriteBits + sramOfmapWriteBits;
    }

    public long dramBits() {
        return dramIfmapReadBits + dramFilterReadBits + dramOfmapWriteBits;
    }
}
