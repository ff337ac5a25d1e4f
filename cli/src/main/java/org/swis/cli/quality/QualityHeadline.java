package org.swis.cli.quality;

import org.swis.reference.quality.QualityRow;

import java.util.ArrayList;
import java.util.List;
import org.swis.cli.report.Formats;

/**
 * The headline rows of a quality run: whole-model rows of INT8, SWIS and SWIS-C at M = 4 (SS and DS
 * schedules), layer-wise weight truncation and RTN INT-k per channel, in run order.
 */
public final class QualityHeadline {
    public static final List<String> COLUMNS = List.of("method", "M", "target", "schedule", "bits_per_weight",
            "weight_rmse", "weight_sqnr_db", "output_sqnr_db");

    private QualityHeadline() {
    }

    public static boolean isHeadline(QualityRow r) {
        return isHeadline(r, true);
    }

    /** Headline rows; {@code withDs} false keeps only the single-shift schedules of SWIS / SWIS-C. */
    public static boolean isHeadline(QualityRow r, boolean withDs) {
        if (!r.layer().equals("*")) {
            return false;
        }
        return switch (r.method()) {
            case "int8", "trunc", "rtn-channel" -> true;
            case "swis", "swis-c" -> r.m() == 4 && (r.schedule().equals("ss") || withDs && r.schedule().equals("ds"));
            default -> false;
        };
    }

    public static List<List<String>> rows(List<QualityRow> rows) {
        return rows(rows, true);
    }

    public static List<List<String>> rows(List<QualityRow> rows, boolean withDs) {
        List<List<String>> out = new ArrayList<>();
        for (QualityRow r : rows) {
            if (isHeadline(r, withDs)) {
                out.add(List.of(r.method(), r.m() == 0 ? "-" : Integer.toString(r.m()), Formats.target(r.target()),
                        r.schedule(), Formats.fixed(r.bitsPerWeight(), 4), Formats.sci(r.weightError().rmse()),
                        Formats.fixed(r.weightError().sqnrDb(), 2), Formats.fixed(r.outputError().sqnrDb(), 2)));
            }
        }
        return out;
    }
}
