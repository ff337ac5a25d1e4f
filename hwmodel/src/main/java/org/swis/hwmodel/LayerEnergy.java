package org.swis.hwmodel;

/** Energy of one layer in pJ, by component (the costing layer's output). */
public record LayerEnergy(double peActivePj, double peIdlePj, double sramIfmapPj, double sramFilterPj,
                          double sramOfmapPj, double dramPj) {

    public double totalPj() {
        return peActivePj + peIdlePj + sramIfmapPj + sramFilterPj + sramOfmapPj + dramPj;
    }

    public LayerEnergy plus(LayerEnergy o) {
        return new LayerEnergy(peActivePj + o.peActivePj, peIdlePj + o.peIdlePj, sramIfmapPj + o.sramIfmapPj,
                sramFilterPj + o.sramFilterPj, sramOfmapPj + o.sramOfmapPj, dramPj + o.dramPj);
    }

    public static final LayerEnergy ZERO = new LayerEnergy(0, 0, 0, 0, 0, 0);
}
