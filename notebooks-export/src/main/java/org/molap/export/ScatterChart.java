package org.molap.export;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scatter PNG (XChart) of named point sets, with optional reference curves drawn as lines (a circle, a diagonal),
 * square with equal axis ranges when asked (eigenvalues in the complex plane).
 */
public final class ScatterChart {
    private ScatterChart() {
    }

    /**
     * @param points name -> {xs, ys}, drawn as dots
     * @param lines  name -> {xs, ys}, drawn as thin lines without markers; a line named "&lt;a point set's name&gt;, ..."
     *               (its median, its fit) takes that point set's colour
     * @param square a square chart whose y axis, symmetric about 0, spans at least the x axis's range (the complex plane)
     */
    public static void write(Path png, String title, String xLabel, String yLabel, LinkedHashMap<String, double[][]> points,
                             LinkedHashMap<String, double[][]> lines, boolean square) {
        int width = square ? 720 : LineChart.WIDTH;
        XYChart chart = new XYChartBuilder().width(width).height(square ? 640 : LineChart.HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        XYStyler s = chart.getStyler();
        XCharts.style(s, points.size() + lines.size());
        XCharts.axes(s, XCharts.TEXT);
        // the complex plane keeps its legend inside; elsewhere below the plot, where it hides no point
        s.setLegendPosition(square ? org.knowm.xchart.style.Styler.LegendPosition.InsideNW
                : org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        s.setMarkerSize(6);
        for (Map.Entry<String, double[][]> e : points.entrySet()) {
            XYSeries dots = chart.addSeries(e.getKey(), e.getValue()[0], e.getValue()[1]);
            dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            dots.setMarker(SeriesMarkers.CIRCLE);
        }
        for (Map.Entry<String, double[][]> e : lines.entrySet()) {
            XYSeries line = chart.addSeries(e.getKey(), e.getValue()[0], e.getValue()[1]);
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.NONE);
            int owner = 0;
            for (String set : points.keySet()) {
                if (e.getKey().startsWith(set + ",")) {
                    line.setLineColor(Palette.series(owner));
                }
                owner++;
            }
        }
        if (square) {
            // the x range of every point and line; y symmetric about 0, at least as tall as the x range is wide, so
            // that a circle looks like one
            LinkedHashMap<String, double[][]> all = new LinkedHashMap<>(points);
            all.putAll(lines);
            double[] x = range(all, 0);
            double[] y = range(all, 1);
            double half = Math.max(Math.max(Math.abs(y[0]), Math.abs(y[1])), (x[1] - x[0]) / 2);
            double pad = 0.05 * (x[1] - x[0]);
            if (half > 0) {
                s.setXAxisMin(x[0] - pad);
                s.setXAxisMax(x[1] + pad);
                s.setYAxisMin(-half - pad);
                s.setYAxisMax(half + pad);
            }
        }
        XCharts.save(XCharts.image(chart), png);
    }

    /** {min, max} of the finite values of coordinate {@code axis} (0: x, 1: y) over every series. */
    private static double[] range(Map<String, double[][]> series, int axis) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (double[][] xy : series.values()) {
            for (double v : xy[axis]) {
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        return new double[] {low, high};
    }

    /** The circle of radius {@code radius} around the origin, as {xs, ys} for {@code lines}. */
    public static double[][] circle(double radius) {
        int n = 181;
        double[][] xy = new double[2][n];
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * i / (n - 1);
            xy[0][i] = radius * Math.cos(angle);
            xy[1][i] = radius * Math.sin(angle);
        }
        return xy;
    }
}
