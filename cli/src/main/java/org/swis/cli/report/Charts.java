package org.swis.cli.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * XChart figures of the suite, rendered headless to PNG and SVG bytes (callers write them
 * atomically). One style for every plot: white background, legend outside on the right, fixed
 * palette and size, so regenerated plots differ only where the data do.
 */
public final class Charts {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 560;
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
        new Color(0x000000), new Color(0xaec7e8)};
    /** Marker shapes cycled over series, so coinciding lines stay distinguishable. */
    private static final org.knowm.xchart.style.markers.Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND,
        SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS};

    private Charts() {
    }

    /** One line series: a name and its points. */
    public record Series(String name, double[] x, double[] y) {
    }

    /** A line chart with markers; a log Y axis spans whole decades, each one labelled ({@link LogAxis}). */
    public static XYChart lines(String title, String xLabel, String yLabel, boolean logY, List<Series> series) {
        return lines(title, xLabel, yLabel, logY, series, null);
    }

    /**
     * A line chart with markers and, where {@code errorBars} has a non-null entry for a series, symmetric
     * error bars of those half-widths (in the series' colour).
     */
    public static XYChart lines(String title, String xLabel, String yLabel, boolean logY, List<Series> series,
                                List<double[]> errorBars) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        XYStyler s = chart.getStyler();
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(true);
        s.setSeriesColors(PALETTE);
        s.setAntiAlias(true);
        s.setErrorBarsColorSeriesColor(true);
        int i = 0;
        for (Series ser : series) {
            double[] bars = errorBars == null ? null : errorBars.get(i);
            XYSeries x = bars == null ? chart.addSeries(ser.name(), ser.x(), ser.y())
                    : chart.addSeries(ser.name(), ser.x(), ser.y(), bars);
            x.setMarker(MARKERS[i++ % MARKERS.length]);
            x.setLineStyle(new BasicStroke(1.8f));
        }
        if (logY) {
            LogAxis axis = LogAxis.covering(series.stream().map(Series::y).toArray(double[][]::new));
            if (axis != null) {
                axis.applyToY(chart);
            }
        }
        return chart;
    }

    /** A grouped bar chart: one group per category, one bar per series. */
    public static CategoryChart bars(String title, String xLabel, String yLabel, List<String> categories,
                                     List<String> seriesNames, List<double[]> values) {
        System.setProperty("java.awt.headless", "true");
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setSeriesColors(PALETTE);
        chart.getStyler().setXAxisLabelRotation(30);
        for (int i = 0; i < seriesNames.size(); i++) {
            double[] v = values.get(i);
            java.util.List<Double> ys = new java.util.ArrayList<>();
            for (double d : v) {
                ys.add(d);
            }
            chart.addSeries(seriesNames.get(i), categories, ys);
        }
        return chart;
    }

    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new IllegalStateException("rendering PNG failed", e);
        }
    }

    public static byte[] svg(Chart<?, ?> chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new IllegalStateException("rendering SVG failed", e);
        }
        return out.toByteArray();
    }
}
