package org.molap.export;

import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

import java.awt.BasicStroke;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grouped bar chart PNG (XChart): one group per category (e.g. task), one bar per series (e.g. method), each bar
 * labelled with its value unless it has an error bar or the groups hold more than three bars, an optional dashed
 * horizontal reference line, and a legend when there is more than one series. A NaN value draws no bar; a value outside the axis is drawn to its edge.
 */
public final class BarChart {
    /** Size of the written PNG in pixels. */
    public static final int WIDTH = 960;
    public static final int HEIGHT = 540;

    private BarChart() {
    }

    /**
     * Writes the chart.
     *
     * @param series         series name -> one value per category (NaN: no bar)
     * @param yMin           bottom of the y axis
     * @param yMax           top of the y axis
     * @param referenceLine  y of a dashed horizontal line, or null for none
     */
    public static void write(Path png, String title, String yLabel, List<String> categories,
                             LinkedHashMap<String, double[]> series, double yMin, double yMax, Double referenceLine) {
        write(png, title, yLabel, categories, series, null, yMin, yMax, referenceLine);
    }

    /**
     * Writes the chart on a log10 y axis, for values that span orders of magnitude (times over a limit, counts);
     * values that are not positive draw no bar.
     */
    public static void writeLog(Path png, String title, String yLabel, List<String> categories,
                                LinkedHashMap<String, double[]> series, Double referenceLine) {
        LinkedHashMap<String, double[]> positive = new LinkedHashMap<>();
        series.forEach((name, v) -> positive.put(name, Arrays.stream(v).map(x -> x > 0 ? x : Double.NaN).toArray()));
        java.util.DoubleSummaryStatistics drawn = positive.values().stream().flatMapToDouble(Arrays::stream)
                .filter(Double::isFinite).summaryStatistics();
        double low = drawn.getCount() == 0 ? 1 : drawn.getMin();
        double high = drawn.getCount() == 0 ? 10 : drawn.getMax();
        if (referenceLine != null) {
            low = Math.min(low, referenceLine);
            high = Math.max(high, referenceLine);
        }
        double bottom = Math.pow(10, Math.floor(Math.log10(low) - 0.5));     // the smallest bar at least half a decade tall
        double top = Math.pow(10, Math.ceil(Math.log10(high) + 0.05));
        draw(png, title, yLabel, categories, positive, null, bottom, top, referenceLine, true);
    }

    /**
     * Writes the chart with an error bar of +-{@code errors} on every bar (for instance one standard deviation
     * over seeds); {@code errors} has the keys and shape of {@code series}, or is null for none.
     */
    public static void write(Path png, String title, String yLabel, List<String> categories,
                             LinkedHashMap<String, double[]> series, Map<String, double[]> errors, double yMin, double yMax,
                             Double referenceLine) {
        draw(png, title, yLabel, categories, series, errors, yMin, yMax, referenceLine, false);
    }

    private static void draw(Path png, String title, String yLabel, List<String> categories, LinkedHashMap<String, double[]> series,
                             Map<String, double[]> errors, double yMin, double yMax, Double referenceLine, boolean logY) {
        checkShape(categories, series);
        if (errors != null) {
            checkShape(categories, errors);
        }
        String axisTitle = referenceLine == null ? yLabel : yLabel + "  (dashed line: " + Fmt.significant(referenceLine, 4) + ")";
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(axisTitle).build();
        CategoryStyler s = chart.getStyler();
        XCharts.style(s, series.size());
        s.setYAxisMin(yMin);
        s.setYAxisMax(yMax);
        s.setYAxisLogarithmic(logY);
        s.setLegendVisible(series.size() > 1);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setAvailableSpaceFill(0.75);
        s.setOverlapped(false);
        s.setLabelsVisible(errors == null && series.size() <= 3);   // more bars per group leave no room for numbers
        s.setLabelsFont(series.size() > 2 ? XCharts.SMALL.deriveFont(10f) : XCharts.SMALL);
        s.setLabelsFontColor(Palette.TEXT);
        s.setLabelsFontColorAutomaticEnabled(false);
        s.setErrorBarsColor(Palette.TEXT);
        XCharts.axes(s, XCharts.TEXT);
        s.setPlotGridVerticalLinesVisible(false);
        s.setXAxisLabelRotation(categories.size() > 8 || categories.stream().mapToInt(String::length).max().orElse(0) > 14 ? 30 : 0);
        // below 0.01 a log axis and its bars' numbers need exponents ("1E-3"), not decimals rounded to 0
        s.setDecimalPattern(logY ? (yMin < 0.01 ? "0.##E0" : "#,##0.##") : "#,##0.#");
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            List<Double> values = new ArrayList<>();
            for (double v : e.getValue()) {
                values.add(Double.isNaN(v) ? null : Math.max(yMin, Math.min(yMax, v)));
            }
            if (errors == null) {
                chart.addSeries(e.getKey(), categories, values);
            } else {
                List<Double> whiskers = Arrays.stream(errors.get(e.getKey())).map(v -> Double.isFinite(v) ? v : 0).boxed().toList();
                chart.addSeries(e.getKey(), categories, values, whiskers);
            }
        }
        if (referenceLine != null) {
            chart.addAnnotation(new AnnotationLine(referenceLine, false, false));
            s.setAnnotationLineColor(Palette.REFERENCE);
            s.setAnnotationLineStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        }
        XCharts.save(XCharts.image(chart), png);
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
