package org.swis.cli.quality;

import org.swis.reference.quality.QualityRow;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.swis.cli.report.Formats;

/** The quality table as CSV (one row per layer or model x configuration), written with Commons CSV. */
public final class QualityCsv {
    public static final String[] HEADER = {"model", "layer", "kind", "method", "M", "target", "schedule", "weights",
        "bits_per_weight", "weight_mse", "weight_rmse", "weight_sqnr_db", "weight_max_abs_error", "weight_signed_error",
        "output_rmse", "output_sqnr_db"};

    private QualityCsv() {
    }

    public static String format(List<QualityRow> rows) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator('\n').get();
        try (CSVPrinter p = new CSVPrinter(out, format)) {
            for (QualityRow r : rows) {
                p.printRecord(r.model(), r.layer(), r.kind(), r.method(), r.m(), Formats.target(r.target()), r.schedule(),
                        r.weights(), Formats.fixed(r.bitsPerWeight(), 4), Formats.sci(r.weightError().mse()),
                        Formats.sci(r.weightError().rmse()), Formats.fixed(r.weightError().sqnrDb(), 3),
                        Formats.sci(r.weightError().maxAbsError()), Formats.sci(r.weightError().signedError()),
                        Formats.sci(r.outputError().rmse()), Formats.fixed(r.outputError().sqnrDb(), 3));
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing CSV to memory failed", e);
        }
        return out.toString();
    }
}
