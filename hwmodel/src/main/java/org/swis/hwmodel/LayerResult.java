package org.swis.hwmodel;

/** Counts and energy of one layer. */
public record LayerResult(Layer layer, LayerCounts counts, LayerEnergy energy) {
}
