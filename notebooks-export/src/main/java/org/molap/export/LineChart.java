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
        series.forEach((name, xy) -> {
            if (xy.length != 2 || xy[0].length != xy[1].length) {
                throw new IllegalArgumentException("Series " + name + " must be {xs, ys} of equal length.");
            }
        });
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        XYStyler s = chart.getStyler();
        XCharts.style(s, series.size());
        s.setYAxisLogarithmic(logY);
        s.setLegendVisible(!series.isEmpty());
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
        XCharts.save(XCharts.image(chart), png);
    }
}
