package org.molap.export;

import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grouped bar chart PNG: one group per category (e.g. task), one bar per series (e.g. method), each
 * bar labelled with its value, an optional dashed horizontal reference line, and a legend when there is
 * more than one series.
 */
public final class BarChart {
    /** Size of the written PNG in pixels. */
    public static final int WIDTH = 960;
    public static final int HEIGHT = 540;

    private static final double GROUP_FILL = 0.75;

    private BarChart() {
    }

    /**
     * Writes the chart.
     *
     * @param series         series name -> one value per category (NaN: no bar, labelled "n/a")
     * @param yMin           bottom of the y axis
     * @param yMax           top of the y axis
     * @param referenceLine  y of a dashed horizontal line, or null for none
     */
    public static void write(Path png, String title, String yLabel, List<String> categories,
                             LinkedHashMap<String, double[]> series, double yMin, double yMax, Double referenceLine) {
        write(png, title, yLabel, categories, series, null, yMin, yMax, referenceLine);
    }

    /**
     * Writes the chart with an error bar of +-{@code errors} on every bar (for instance one standard deviation
     * over seeds); {@code errors} has the keys and shape of {@code series}, or is null for none.
     */
    public static void write(Path png, String title, String yLabel, List<String> categories,
                             LinkedHashMap<String, double[]> series, Map<String, double[]> errors, double yMin, double yMax,
                             Double referenceLine) {
        checkShape(categories, series);
        if (errors != null) {
            checkShape(categories, errors);
        }
        Canvas canvas = new Canvas(WIDTH, HEIGHT);
        Legend legend = legend(series, referenceLine);
        int top = canvas.title(title) + legend.rowHeight(canvas);
        int plotWidth = WIDTH - PlotArea.LEFT - PlotArea.RIGHT;
        int bottom = PlotArea.categoryMargin(canvas, categories, plotWidth, false);
        Rectangle area = new Rectangle(PlotArea.LEFT, top, plotWidth, HEIGHT - top - bottom);
        PlotArea plot = new PlotArea(canvas, area, Axis.linear(yMin, yMax), canvas.lineHeight(Canvas.SMALL) + 4);

        plot.grid();
        drawBars(plot, categories.size(), series, errors);
        if (referenceLine != null) {
            plot.horizontalLine(referenceLine, Palette.REFERENCE, Canvas.DASHED, plot.y.label(referenceLine));
        }
        plot.yAxis(yLabel);
        plot.categoryAxis(categories, null);
        legend.drawRowAbove(canvas, area);
        canvas.save(png);
    }

    private static void drawBars(PlotArea plot, int n, LinkedHashMap<String, double[]> series, Map<String, double[]> errors) {
        int k = series.size();
        double barWidth = plot.categoryWidth(n) * GROUP_FILL / k;
        int s = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            double[] values = e.getValue();
            double[] error = errors == null ? null : errors.get(e.getKey());
            for (int i = 0; i < n; i++) {
                double left = plot.categoryCentre(i, n) - barWidth * k / 2 + s * barWidth;
                plot.bar(left + 1, barWidth - 2, values[i], Palette.series(s));
                boolean whisker = error != null && Double.isFinite(error[i]);
                if (whisker) {
                    plot.whisker(left + barWidth / 2, values[i] - error[i], values[i] + error[i], Math.max(2, barWidth / 3), Palette.TEXT);
                }
                if (errors == null) {   // with error bars the values crowd the bars; the tables carry them
                    plot.valueLabel(left + barWidth / 2, values[i], Fmt.trim(values[i], 1),
                            k > 2 ? Canvas.SMALL.deriveFont(10f) : Canvas.SMALL);
                }
            }
            s++;
        }
    }

    private static Legend legend(LinkedHashMap<String, double[]> series, Double referenceLine) {
        Legend legend = new Legend();
        if (series.size() > 1) {
            int s = 0;
            for (String name : series.keySet()) {
                legend.patch(name, Palette.series(s++));
            }
        }
        if (referenceLine != null && !legend.isEmpty()) {
            legend.line("reference " + Fmt.trim(referenceLine, 6), Palette.REFERENCE, Canvas.DASHED);
        }
        return legend;
    }

    private static void checkShape(List<String> categories, Map<String, double[]> series) {
        if (categories.isEmpty() || series.isEmpty()) {
            throw new IllegalArgumentException("A bar chart needs at least one category and one series.");
        }
        List<String> wrong = new ArrayList<>();
        series.forEach((name, v) -> {
            if (v.length != categories.size()) {
                wrong.add(name + " has " + v.length);
            }
        });
        if (!wrong.isEmpty()) {
            throw new IllegalArgumentException("Every series needs one value per category (" + categories.size()
                    + "), but " + String.join(", ", wrong) + ".");
        }
    }
}
