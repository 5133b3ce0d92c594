package org.molap.export;

import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A line chart PNG of named curves with a legend, on a linear or log10 y axis. */
public final class LineChart {
    /** Size of the written PNG in pixels. */
    public static final int WIDTH = 960;
    public static final int HEIGHT = 540;

    private LineChart() {
    }

    /**
     * Writes the chart. Points that cannot be drawn (NaN, infinite, or <= 0 on a log axis) break their
     * curve instead of failing; axes cover the drawable points.
     *
     * @param series name -> {xs, ys}, both of the same length
     * @param logY   log10 y axis with whole decades
     */
    public static void write(Path png, String title, String xLabel, String yLabel,
                             LinkedHashMap<String, double[][]> series, boolean logY) {
        series.forEach((name, xy) -> {
            if (xy.length != 2 || xy[0].length != xy[1].length) {
                throw new IllegalArgumentException("Series " + name + " must be {xs, ys} of equal length.");
            }
        });
        Canvas canvas = new Canvas(WIDTH, HEIGHT);
        int top = canvas.title(title);
        Rectangle area = new Rectangle(PlotArea.LEFT, top, WIDTH - PlotArea.LEFT - PlotArea.RIGHT,
                HEIGHT - top - PlotArea.BOTTOM);
        PlotArea plot = new PlotArea(canvas, area, yAxis(series, logY)).withX(xAxis(series, logY));

        plot.grid();
        Legend legend = new Legend();
        int i = 0;
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            plot.line(e.getValue()[0], e.getValue()[1], Palette.series(i), Canvas.LINE);
            legend.line(e.getKey(), Palette.series(i), Canvas.LINE);
            i++;
        }
        plot.yAxis(yLabel);
        plot.xAxis(xLabel, true);
        legend.draw(canvas, area);
        canvas.save(png);
    }

    private static Axis xAxis(Map<String, double[][]> series, boolean logY) {
        double[] range = Ranges.of(series.values(), logY, 0);
        return Axis.linearCovering(range[0], range[1]);
    }

    private static Axis yAxis(Map<String, double[][]> series, boolean logY) {
        double[] range = Ranges.of(series.values(), logY, 1);
        return logY ? Axis.logCovering(range[0], range[1]) : Axis.linearCovering(range[0], range[1]);
    }
}
