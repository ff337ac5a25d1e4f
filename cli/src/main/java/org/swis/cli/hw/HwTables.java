package org.swis.cli.hw;

import java.util.ArrayList;
import java.util.List;
import org.swis.cli.report.Formats;
import org.swis.hwmodel.NetworkResult;
import org.swis.hwmodel.ResultCsv;
import org.swis.hwmodel.Table4Comparison;

/** Printable tables of hardware-model results (the CSVs use the hwmodel's own {@link ResultCsv} columns). */
public final class HwTables {
    public static final List<String> SUMMARY = List.of("network", "design", "shift_profile", "n_effective", "cycles",
            "frames_per_s", "frames_per_J", "energy_per_frame_mJ", "util_pct");
    public static final List<String> TABLE4 = List.of("network", "target", "design", "N", "paper_fps_ratio",
            "model_fps_ratio", "paper_fpj_ratio", "model_fpj_ratio", "fpj_deviation_pct", "consistent_in_paper");
    public static final List<String> HEADLINES = List.of("claim", "paper_ratio", "model_ratio");

    private HwTables() {
    }

    public static List<List<String>> summary(List<NetworkResult> results) {
        List<List<String>> rows = new ArrayList<>();
        for (NetworkResult r : results) {
            rows.add(List.of(r.topology(), r.design().label(), r.profileLabel(),
                    r.design().usesShiftProfile() ? Formats.fixed(r.effectiveShifts(), 3) : "-",
                    Long.toString(r.cycles()), Formats.fixed(r.framesPerSecond(), 3), Formats.fixed(r.framesPerJoule(), 3),
                    Formats.fixed(r.energy().totalPj() / 1e9, 6), Formats.fixed(100 * r.utilisation(), 2)));
        }
        return rows;
    }

    public static List<List<String>> layers(List<NetworkResult> results) {
        List<List<String>> rows = new ArrayList<>();
        for (NetworkResult r : results) {
            rows.addAll(ResultCsv.layerRows(r));
        }
        return rows;
    }

    public static List<String> layerHeader() {
        return List.of(ResultCsv.LAYER_HEADER);
    }

    public static List<List<String>> table4(Table4Comparison t4) {
        List<List<String>> rows = new ArrayList<>();
        for (Table4Comparison.Row r : t4.rows()) {
            rows.add(List.of(r.paper().net(), r.paper().target(), r.paper().design().label(),
                    Formats.target(r.paper().shifts()), Formats.fixed(r.paperFpsRatio(), 3), Formats.fixed(r.modelFpsRatio(), 3),
                    Formats.fixed(r.paperFpjRatio(), 3), Formats.fixed(r.modelFpjRatio(), 3),
                    Formats.fixed(100 * r.fpjDeviation(), 1), r.consistent() ? "yes" : "no"));
        }
        return rows;
    }

    public static List<List<String>> headlines(Table4Comparison t4) {
        List<List<String>> rows = new ArrayList<>();
        for (Table4Comparison.Headline h : t4.headlines()) {
            rows.add(List.of(h.claim(), Formats.fixed(h.paperRatio(), 2), Formats.fixed(h.modelRatio(), 2)));
        }
        return rows;
    }
}
