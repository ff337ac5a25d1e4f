package org.swis.cli.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;
import org.swis.cli.AtomicFiles;

/** Writes a chart as {@code <base>.png} and {@code <base>.svg}, each atomically. */
public final class ChartFiles {
    private ChartFiles() {
    }

    /** Returns the two files written. */
    public static List<Path> write(Path dir, String base, Chart<?, ?> chart) throws IOException {
        Path png = dir.resolve(base + ".png");
        Path svg = dir.resolve(base + ".svg");
        byte[] p = Charts.png(chart);
        byte[] s = Charts.svg(chart);
        AtomicFiles.write(png, out -> out.write(p));
        AtomicFiles.write(svg, out -> out.write(s));
        return List.of(png, svg);
    }
}
