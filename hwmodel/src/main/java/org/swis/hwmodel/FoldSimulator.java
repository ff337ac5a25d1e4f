package org.swis.hwmodel;

/**
 * Cycle-stepping simulation of the output-stationary array, for validating {@link CountingModel} on small layers
 * (docs/HWMODEL.md §3.6: the per-cycle mode must agree with the analytic model exactly).
 *
 * <p>It walks every fold explicitly and, cycle by cycle, every PE: PE (i, j) starts vector {@code x} of its output at
 * cycle {@code (i + j)*h + x*s} (systolic skew; {@code s} = serial steps per vector, {@code h} = cycles per PE hop:
 * s when operands are forwarded after their hold, 1 when forwarded next cycle) and holds it for {@code s} cycles.
 * Row i reads an activation vector from the ifmap SRAM when its first PE starts one; column j reads a weight vector
 * from the filter SRAM likewise. A fold ends when the last wavefront leaves PE (R-1, C-1) (the wavefront crosses
 * the whole array even when rows/columns are unused); in SCALE-Sim v1 mode R more cycles drain the outputs.
 * Only designs with an integral number of steps are supported (not the Pragmatic-like expected-value model).
 */
public final class FoldSimulator {

    /** What the simulator counted. */
    public record Result(long cycles, long activePeCycles, long ifmapReadBits, long filterReadBits,
                         long ofmapWriteBits) {
    }

    private FoldSimulator() {
    }

    public static Result simulate(Layer layer, Design d, ShiftProfile profile, ArrayConfig configured) {
        ArrayConfig cfg = d.arrayFor(configured);
        if (d == Design.PRAGMATIC) {
            throw new IllegalArgumentException("FoldSimulator steps integral schedules only; " + d.label()
                    + " uses expected step counts");
        }
        OperandStatistics stats = OperandStatistics.defaultActivations();
        LayerMapping map = LayerMapping.of(layer, cfg);
        int[] n = CountingModel.groupShifts(d, profile, map);
        int r = cfg.rows();
        int c = cfg.cols();
        int m = cfg.groupSize();
        long v = map.vectorsPerOutput();
        long cycles = 0;
        long active = 0;
        long ifBits = 0;
        long fBits = 0;
        long oBits = 0;
        for (int s = 0; s < map.subConvs(); s++) {
            for (int g = 0; g < map.filterGroupsPerSub(); g++) {
                int gi = s * map.filterGroupsPerSub() + g;
                int cols = map.filtersInGroup(g);
                long steps = (long) CountingModel.stepsPerVector(d, n[gi], cfg, stats, layer);
                long wBits = CountingModel.filterBitsPerVector(d, n[gi], m);
                for (long f = 0; f < map.rowFolds(); f++) {
                    int rowsUsed = map.rowsInFold(f);
                    long t = 0;
                    // a PE's operands advance one PE per `hop` cycles: 1 (next cycle) or `steps` (after the hold)
                    long hop = cfg.serialSkew() == ArrayConfig.SerialSkew.FORWARD_AFTER_HOLD ? steps : 1;
                    long lastWaveEnd = ((long) (r - 1) + (c - 1)) * hop + v * steps; // exclusive, PE (R-1, C-1)
                    for (; t < lastWaveEnd; t++) {
                        for (int i = 0; i < r; i++) {
                            long ti = t - i * hop;
                            if (i < rowsUsed && ti >= 0 && ti < v * steps && ti % steps == 0) {
                                ifBits += (long) m * cfg.activationBits();
                            }
                            for (int j = 0; j < c; j++) {
                                long tij = t - (long) (i + j) * hop;
                                if (i < rowsUsed && j < cols && tij >= 0 && tij < v * steps) {
                                    active++;
                                }
                            }
                        }
                        for (int j = 0; j < cols; j++) {
                            long tj = t - j * hop;
                            if (tj >= 0 && tj < v * steps && tj % steps == 0) {
                                fBits += wBits;
                            }
                        }
                    }
                    if (cfg.fillDrain() == ArrayConfig.FillDrain.SCALESIM_V1) {
                        t += r;
                    }
                    cycles += t;
                    oBits += (long) rowsUsed * cols * cfg.outputBits();
                }
            }
        }
        if (cfg.fillDrain() == ArrayConfig.FillDrain.SCALESIM_V2) {
            cycles -= 1;
        }
        return new Result(cycles, active, ifBits, fBits, oBits);
    }
}
