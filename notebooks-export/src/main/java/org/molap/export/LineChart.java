package org.molap.export;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A line chart PNG (XChart) of named curves with a legend, on a linear or log10 y axis. */
public final class LineChart {
    /** Size of the written PNG in pixels. */
    public static final int WIDTH = 960;
    public static final int HEIGHT = 540;

    private LineChart() {
    }

    /**
     * Writes the chart. Points that cannot be drawn (NaN, infinite, or <= 0 on a log axis) break their
     * curve instead of failing.
     *
     * @param series name -> {xs, ys}, both of the same length
     * @param logY   log10 y axis
     */
    public static void write(Path png, String title, String xLabel, String yLabel,
                             LinkedHashMap<String, double[][]> series, boolean logY) {
        write(png, title, xLabel, yLabel, series, Map.of(), logY);
    }

    /**
     * The same with error bars: {@code errors} maps a series' name to the half-length of its bar at each point (a
     * standard deviation, say); series without an entry have none.
     */
    public static void write(Path png, String title, String xLabel, String yLabel,
                             LinkedHashMap<String, double[][]> series, Map<String, double[]> errors, boolean logY) {
        XCharts.save(XCharts.image(chart(WIDTH, HEIGHT, title, xLabel, yLabel, series, errors, logY, true)), png);
    }

    /**
     * A chart of curves in pairs, such as a network's output followed by its target: both curves of a pair share one
     * colour, the first solid, the second dashed.
     */
    public static void writePairs(Path png, String title, String xLabel, String yLabel, LinkedHashMap<String, double[][]> pairs) {
        if (pairs.size() % 2 != 0) {
            throw new IllegalArgumentException("Curves in pairs need an even number of series, not " + pairs.size() + ".");
        }
        XYChart chart = chart(WIDTH, HEIGHT, title, xLabel, yLabel, pairs, Map.of(), false, true);
        int i = 0;
        for (XYSeries curve : chart.getSeriesMap().values()) {
            if (i < pairs.size()) {                  // not the spacer of spaceXTicks
                curve.setLineColor(Palette.series(i / 2));
                curve.setLineStyle(i % 2 == 0 ? SeriesLines.SOLID : SeriesLines.DASH_DASH);
            }
            i++;
        }
        XCharts.save(XCharts.image(chart), png);
    }

    /**
     * Small multiples: one panel per entry of {@code panels} (its title -> its curves, as {@link #write}), in rows of
     * {@code columns}, on one y range ({@code yRange}; null: each panel its own), the curves' colours named once in a
     * legend row below.
     */
    public static void grid(Path png, String title, String xLabel, String yLabel, LinkedHashMap<String, LinkedHashMap<String, double[][]>> panels,
                            Map<String, Map<String, double[]>> errors, int columns, double[] yRange) {
        int panelWidth = 320;
        int panelHeight = 250;
        int rows = (panels.size() + columns - 1) / columns;
        int top = 40;
        int legend = 40;
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(columns * panelWidth, top + rows * panelHeight + legend,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Palette.TEXT);
        g.setFont(XCharts.TITLE);
        g.drawString(title, 12, 26);
        int k = 0;
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Map.Entry<String, LinkedHashMap<String, double[][]>> panel : panels.entrySet()) {
            XYChart chart = chart(panelWidth, panelHeight, panel.getKey(), xLabel, yLabel, panel.getValue(),
                    errors.getOrDefault(panel.getKey(), Map.of()), false, false);
            chart.getStyler().setChartTitleFont(XCharts.TEXT);
            if (yRange != null) {            // null: each panel its own range
                chart.getStyler().setYAxisMin(yRange[0]);
                chart.getStyler().setYAxisMax(yRange[1]);
            }
            g.drawImage(XCharts.image(chart), (k % columns) * panelWidth, top + (k / columns) * panelHeight, null);
            panel.getValue().keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
            k++;
        }
        g.setFont(XCharts.TEXT);
        int x = 12;
        int y = top + rows * panelHeight + 24;
        for (int i = 0; i < names.size(); i++) {
            g.setColor(Palette.series(i));
            g.setStroke(new java.awt.BasicStroke(3));
            g.drawLine(x, y - 4, x + 24, y - 4);
            g.setColor(Palette.TEXT);
            g.drawString(names.get(i), x + 30, y);
            x += 42 + g.getFontMetrics().stringWidth(names.get(i));
        }
        g.dispose();
        XCharts.save(image, png);
    }

    private static XYChart chart(int width, int height, String title, String xLabel, String yLabel, LinkedHashMap<String, double[][]> series,
                                 Map<String, double[]> errors, boolean logY, boolean legend) {
        series.forEach((name, xy) -> {
            if (xy.length != 2 || xy[0].length != xy[1].length) {
                throw new IllegalArgumentException("Series " + name + " must be {xs, ys} of equal length.");
            }
        });
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        XYStyler s = chart.getStyler();
        XCharts.style(s, series.size());
        s.setYAxisLogarithmic(logY);
        s.setLegendVisible(legend && !series.isEmpty());
        s.setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);   // never over a curve
        XCharts.axes(s, XCharts.TEXT);
        s.setMarkerSize(errors.isEmpty() ? 0 : 5);
        s.setErrorBarsColorSeriesColor(true);
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            double[] ys = e.getValue()[1].clone();
            for (int i = 0; i < ys.length; i++) {
                if (!Double.isFinite(ys[i]) || (logY && ys[i] <= 0)) {
                    ys[i] = Double.NaN;     // a gap in the curve
                }
            }
            double[] bars = errors.get(e.getKey());
            XYSeries curve = bars == null ? chart.addSeries(e.getKey(), e.getValue()[0], ys)
                    : chart.addSeries(e.getKey(), e.getValue()[0], ys, bars);
            curve.setMarker(bars == null ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
            // solid, dashed once the palette's colours come round again
            curve.setLineStyle(chart.getSeriesMap().size() > Palette.COLOURS ? SeriesLines.DASH_DASH : SeriesLines.SOLID);
        }
        spaceXTicks(chart, series);
        return chart;
    }

    /**
     * XChart 3.8.8 labels every k-th x value when the x values are equally spaced, with k the smallest step whose
     * labels are 1.1x narrower than their spacing: on a small panel over 100 steps that is k = 7 and the labels touch.
     * An invisible point (no curve, no legend entry) half a step after the first x value breaks the equal spacing, so
     * XChart picks round ticks at its usual spacing instead.
     */
    private static void spaceXTicks(XYChart chart, LinkedHashMap<String, double[][]> series) {
        java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
        series.values().forEach(xy -> java.util.Arrays.stream(xy[0]).filter(Double::isFinite).forEach(xs::add));
        if (xs.size() <= EQUALLY_SPACED_LABELS) {
            return;
        }
        double first = xs.first();
        double step = xs.higher(first) - first;
        XYSeries spacer = chart.addSeries(" ", new double[] {first + step / 2}, new double[] {Double.NaN});
        spacer.setMarker(SeriesMarkers.NONE);
        spacer.setShowInLegend(false);
    }

    /** Up to this many distinct x values XChart's label every x value (or every other) reads well. */
    private static final int EQUALLY_SPACED_LABELS = 12;
}
