package org.swis.hwmodel;

import java.util.List;

/**
 * One design run over one topology: per-layer results, totals and the stated assumptions.
 *
 * @param areaMm2 total area (SRAM + PEs) of the design
 */
public record NetworkResult(String topology, Design design, String profileLabel, double nominalShifts,
                            ArrayConfig config, List<LayerResult> layers, double areaMm2, List<String> assumptions) {

    public NetworkResult {
        layers = List.copyOf(layers);
        assumptions = List.copyOf(assumptions);
    }

    public long cycles() {
        long s = 0;
        for (LayerResult l : layers) {
            s += l.counts().cycles();
        }
        return s;
    }

    public long macs() {
        long s = 0;
        for (LayerResult l : layers) {
            s += l.counts().macs();
        }
        return s;
    }

    public LayerEnergy energy() {
        LayerEnergy e = LayerEnergy.ZERO;
        for (LayerResult l : layers) {
            e = e.plus(l.energy());
        }
        return e;
    }

    public long sramReadBits() {
        return layers.stream().mapToLong(l -> l.counts().sramReadBits()).sum();
    }

    public long sramWriteBits() {
        return layers.stream().mapToLong(l -> l.counts().sramWriteBits()).sum();
    }

    public long dramBits() {
        return layers.stream().mapToLong(l -> l.counts().dramBits()).sum();
    }

    public long dramFilterBits() {
        return layers.stream().mapToLong(l -> l.counts().dramFilterReadBits()).sum();
    }

    public long filterStorageBits() {
        return layers.stream().mapToLong(l -> l.counts().filterStorageBits()).sum();
    }

    /** Frames per second at the configured clock (one frame = every conv layer once, batch 1). */
    public double framesPerSecond() {
        return config.clockHz() / cycles();
    }

    public double framesPerJoule() {
        return 1e12 / energy().totalPj();
    }

    public double energyPerMacPj() {
        return energy().totalPj() / macs();
    }

    /** Realised effective N over the network, weighted by MACs (NaN if the design ignores N). */
    public double effectiveShifts() {
        double s = 0;
        for (LayerResult l : layers) {
            s += l.counts().effectiveShifts() * l.counts().macs();
        }
        return s / macs();
    }

    public double utilisation() {
        double lane = 0;
        for (LayerResult l : layers) {
            lane += l.counts().laneStepCycles();
        }
        return lane / ((double) config.rows() * config.cols() * config.groupSize() * cycles());
    }
}
