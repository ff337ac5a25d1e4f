package org.swis.hwmodel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Per-layer and network-summary CSVs (docs/HWMODEL.md §1), SCALE-Sim-like column names, via Commons CSV. */
public final class ResultCsv {
    public static final String[] LAYER_HEADER = {"Network", "Design", "Shift profile", "Layer name",
        "N effective", "Steps per vector", "Folds", "Filter groups", "Row folds", "Total Cycles", "Overall Util %",
        "Mapping Efficiency %", "MACs", "Active PE cycles", "SRAM IFMAP Reads (bits)", "SRAM Filter Reads (bits)",
        "SRAM OFMAP Writes (bits)", "SRAM IFMAP Writes (bits)", "SRAM Filter Writes (bits)",
        "SRAM OFMAP Reads (bits)", "DRAM IFMAP Reads (bits)", "DRAM Filter Reads (bits)",
        "DRAM OFMAP Writes (bits)", "Filter storage (bits)", "DRAM loop order", "Energy PE active (pJ)",
        "Energy PE idle (pJ)", "Energy SRAM IFMAP (pJ)", "Energy SRAM Filter (pJ)", "Energy SRAM OFMAP (pJ)",
        "Energy DRAM (pJ)", "Energy total (pJ)"};

    public static final String[] SUMMARY_HEADER = {"Network", "Design", "Shift profile", "N nominal",
        "N effective", "Total Cycles", "Clock (MHz)", "Frames/s", "Frames/J", "Energy/MAC (pJ)", "Energy/frame (mJ)",
        "Overall Util %", "MACs", "SRAM Reads (bytes)", "SRAM Writes (bytes)", "DRAM Traffic (bytes)",
        "DRAM Filter Reads (bytes)", "Filter storage (bytes)", "Area (mm2)", "PE energy share %",
        "DRAM energy share %"};

    private ResultCsv() {
    }

    public static List<List<String>> layerRows(NetworkResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (LayerResult lr : r.layers()) {
            LayerCounts c = lr.counts();
            LayerEnergy e = lr.energy();
            rows.add(List.of(r.topology(), r.design().label(), r.profileLabel(), c.layer(),
                    CsvFiles.num(c.effectiveShifts(), 4), CsvFiles.num(c.stepsPerVector(), 4),
                    Long.toString(c.folds()), Integer.toString(c.filterGroups()), Long.toString(c.rowFolds()),
                    Long.toString(c.cycles()), CsvFiles.num(100 * c.computeUtilisation(), 4),
                    CsvFiles.num(100 * c.mappingEfficiency(), 4), Long.toString(c.macs()),
                    Long.toString(c.activePeCycles()), Long.toString(c.sramIfmapReadBits()),
                    Long.toString(c.sramFilterReadBits()), Long.toString(c.sramOfmapWriteBits()),
                    Long.toString(c.sramIfmapWriteBits()), Long.toString(c.sramFilterWriteBits()),
                    Long.toString(c.sramOfmapReadBits()), Long.toString(c.dramIfmapReadBits()),
                    Long.toString(c.dramFilterReadBits()), Long.toString(c.dramOfmapWriteBits()),
                    Long.toString(c.filterStorageBits()), c.loopOrder(), CsvFiles.num(e.peActivePj(), 1),
                    CsvFiles.num(e.peIdlePj(), 1), CsvFiles.num(e.sramIfmapPj(), 1),
                    CsvFiles.num(e.sramFilterPj(), 1), CsvFiles.num(e.sramOfmapPj(), 1),
                    CsvFiles.num(e.dramPj(), 1), CsvFiles.num(e.totalPj(), 1)));
        }
        return rows;
    }

    public static List<String> summaryRow(NetworkResult r) {
        LayerEnergy e = r.energy();
        double total = e.totalPj();
        return List.of(r.topology(), r.design().label(), r.profileLabel(),
                r.design().usesShiftProfile() ? CsvFiles.num(r.nominalShifts(), 2) : "",
                CsvFiles.num(r.effectiveShifts(), 4), Long.toString(r.cycles()),
                CsvFiles.num(r.config().clockHz() / 1e6, 1), CsvFiles.num(r.framesPerSecond(), 3),
                CsvFiles.num(r.framesPerJoule(), 3), CsvFiles.num(r.energyPerMacPj(), 5),
                CsvFiles.num(total / 1e9, 6), CsvFiles.num(100 * r.utilisation(), 4), Long.toString(r.macs()),
                Long.toString(r.sramReadBits() / 8), Long.toString(r.sramWriteBits() / 8),
                Long.toString(r.dramBits() / 8), Long.toString(r.dramFilterBits() / 8),
                Long.toString(r.filterStorageBits() / 8), CsvFiles.num(r.areaMm2(), 4),
                CsvFiles.num(100 * (e.peActivePj() + e.peIdlePj()) / total, 2),
                CsvFiles.num(100 * e.dramPj() / total, 2));
    }

    public static void writeLayers(Path file, List<NetworkResult> results) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (NetworkResult r : results) {
            rows.addAll(layerRows(r));
        }
        CsvFiles.writeCsv(file, LAYER_HEADER, rows);
    }

    public static void writeSummary(Path file, List<NetworkResult> results) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (NetworkResult r : results) {
            rows.add(summaryRow(r));
        }
        CsvFiles.writeCsv(file, SUMMARY_HEADER, rows);
    }
}
