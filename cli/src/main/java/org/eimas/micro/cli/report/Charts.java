package org.eimas.micro.cli.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG charts (XChart) for backtests and the demo report. Headless-safe. */
public final class Charts {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** A line chart of one or more series over a shared x axis. */
    public static XYChart lines(String title, String xLabel, String yLabel, double[] x, String[] names, double[][] ys) {
        XYChart chart = new XYChartBuilder().width(900).height(360).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(230, 230, 230));
        chart.getStyler().setLegendVisible(names.length > 1);
        for (int i = 0; i < names.length; i++) {
            XYSeries s = chart.addSeries(names[i], x, ys[i]);
            s.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** A filled area chart (e.g. drawdown). */
    public static XYChart area(String title, String xLabel, String yLabel, double[] x, String name, double[] y, Color color) {
        XYChart chart = lines(title, xLabel, yLabel, x, new String[] {name}, new double[][] {y});
        XYSeries s = chart.getSeriesMap().get(name);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        s.setFillColor(color);
        s.setLineColor(color.darker());
        return chart;
    }

    /** A scatter chart. */
    public static XYChart scatter(String title, String xLabel, String yLabel, double[] x, double[] y) {
        XYChart chart = new XYChartBuilder().width(600).height(420).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.addSeries("points", x, y);
        return chart;
    }

    public static void writePng(XYChart chart, Path file) {
        try {
            Files.write(file, png(chart));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + file + ": " + e.getMessage(), e);
        }
    }

    public static byte[] png(XYChart chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A data: URI of the chart's PNG, for self-contained HTML. */
    public static String dataUri(XYChart chart) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(chart));
    }

    /** Downsamples a series to at most {@code max} points by taking every k-th (charts need no more). */
    public static double[] thin(double[] v, int max) {
        if (v.length <= max) {
            return v;
        }
        int step = (v.length + max - 1) / max;
        double[] out = new double[(v.length + step - 1) / step];
        for (int i = 0, j = 0; i < v.length; i += step, j++) {
            out[j] = v[i];
        }
        return out;
    }
}
