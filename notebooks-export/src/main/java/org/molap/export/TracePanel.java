package org.molap.export;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Small multiples of trials' traces (XChart): one subplot per output channel, stacked over a shared time axis; each
 * trial in its own colour, the network output solid and the target dashed in the same colour.
 */
public final class TracePanel {
    /** Width of the written PNG in pixels; the height is {@link #heightFor(int)}. */
    public static final int WIDTH = 960;

    private static final int PANEL = 150;
    private static final int TITLE = 36;
    private static final int AXIS = 40;
    private static final int LEGEND = 34;

    private TracePanel() {
    }

    /** The PNG height for {@code channels} subplots. */
    public static int heightFor(int channels) {
        return TITLE + channels * PANEL + AXIS + LEGEND;
    }

    /** One trial: {@link #write(Path, String, List, List, List)} with a single trial. */
    public static void write(Path png, String title, double[][] outputs, double[][] targets, List<String> channelNames) {
        List<double[][]> out = new ArrayList<>();
        out.add(outputs);
        List<double[][]> tgt = new ArrayList<>();
        tgt.add(targets);
        write(png, title, out, targets == null ? null : tgt, channelNames);
    }

    /**
     * Writes the panel.
     *
     * @param outputs      per trial, [channel][time] network outputs
     * @param targets      per trial, [channel][time] targets of the same trials, or null to draw outputs only
     * @param channelNames one name per channel (the subplot's y label), or null for "output 0", ...
     */
    public static void write(Path png, String title, List<double[][]> outputs, List<double[][]> targets,
                             List<String> channelNames) {
        write(png, title, outputs, targets, channelNames, List.of(), TimeAxis.STEPS);
    }

    /** The x axis: step {@code i} is drawn at {@code (i - origin) * step}. */
    public record TimeAxis(String label, int origin, double step) {
        /** Plain step numbers. */
        public static final TimeAxis STEPS = new TimeAxis("time step", 0, 1);

        double at(double i) {
            return (i - origin) * step;
        }
    }

    /** A period of the trial shaded behind the traces, steps {@code [from, to)}; named in the figure's caption. */
    public record Band(String name, int from, int to, java.awt.Color colour) {
    }

    /**
     * The same with {@code bands} shaded behind the traces (in list order, later ones on top) and the x axis in
     * {@code axis}'s units.
     */
    public static void write(Path png, String title, List<double[][]> outputs, List<double[][]> targets,
                             List<String> channelNames, List<Band> bands, TimeAxis axis) {
        if (outputs.isEmpty() || outputs.get(0).length == 0) {
            throw new IllegalArgumentException("A trace panel needs at least one trial with one output channel.");
        }
        int n = outputs.get(0).length;
        int steps = outputs.get(0)[0].length;
        for (int k = 0; k < outputs.size(); k++) {
            double[][] tgt = targets == null ? null : targets.get(k);
            if (outputs.get(k).length != n || (tgt != null && (tgt.length != n || tgt[0].length != outputs.get(k)[0].length))) {
                throw new IllegalArgumentException("Outputs and targets must have the same [channel][time] shape, got "
                        + n + "x" + outputs.get(k)[0].length + " and " + (tgt == null ? "none" : tgt.length + "x"
                        + (tgt.length > 0 ? tgt[0].length : 0)) + ".");
            }
        }
        List<String> names = names(channelNames, n);
        BufferedImage image = new BufferedImage(WIDTH, heightFor(n), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        int y = 0;
        for (int c = 0; c < n; c++) {
            boolean first = c == 0;
            boolean last = c == n - 1;
            int height = PANEL + (first ? TITLE : 0) + (last ? AXIS + LEGEND : 0);
            XYChart chart = new XYChartBuilder().width(WIDTH).height(height).title(first ? title : "")
                    .xAxisTitle(last ? axis.label() : "").yAxisTitle(names.get(c)).build();
            XYStyler s = chart.getStyler();
            XCharts.style(s, outputs.size());
            s.setChartTitleVisible(first);
            s.setXAxisTitleVisible(last);
            s.setXAxisTicksVisible(last);
            s.setLegendVisible(last);     // below the plots, so that every panel has the same width
            s.setLegendPosition(Styler.LegendPosition.OutsideS);
            s.setLegendLayout(Styler.LegendLayout.Horizontal);
            XCharts.axes(s, XCharts.SMALL);
            s.setXAxisMin(axis.at(0));
            s.setXAxisMax(axis.at(Math.max(1, steps - 1)));
            s.setYAxisDecimalPattern("0.0#");
            if (!bands.isEmpty()) {
                double[] yRange = range(outputs, targets, c);
                bands.forEach(b -> band(chart, b, axis, steps, yRange));
                s.setYAxisMin(yRange[0]).setYAxisMax(yRange[1]);
            }
            for (int k = 0; k < outputs.size(); k++) {
                String trial = outputs.size() == 1 ? "" : " " + (k + 1);
                XYSeries out = chart.addSeries("output" + trial, time(steps, axis), outputs.get(k)[c]);
                out.setMarker(SeriesMarkers.NONE).setLineColor(Palette.series(k)).setLineStyle(SeriesLines.SOLID);
                if (targets != null) {
                    XYSeries tgt = chart.addSeries("target" + trial, time(steps, axis), targets.get(k)[c]);
                    tgt.setMarker(SeriesMarkers.NONE).setLineColor(Palette.series(k)).setLineStyle(SeriesLines.DASH_DASH);
                }
            }
            g.drawImage(XCharts.image(chart), 0, y, null);
            y += height;
        }
        g.dispose();
        XCharts.save(image, png);
    }

    /**
     * A band as a filled area from the axis' top and bottom to zero, drawn before the traces, from the start of its
     * first step to the start of the step after it (so that adjacent periods meet), cut at the last step drawn.
     */
    private static void band(XYChart chart, Band b, TimeAxis axis, int steps, double[] yRange) {
        double[] x = {axis.at(b.from()), axis.at(Math.min(b.to(), steps - 1))};
        for (double edge : new double[] {yRange[1], yRange[0]}) {
            XYSeries area = chart.addSeries(b.name() + (edge == yRange[1] ? "" : " "), x, new double[] {edge, edge});
            area.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            area.setMarker(SeriesMarkers.NONE);
            area.setFillColor(b.colour());
            area.setLineColor(new java.awt.Color(0, 0, 0, 0));
            area.setShowInLegend(false);   // the legend draws lines, not fills: the caption names the bands
        }
    }

    /** The y range of a channel over every trial's output and target, with a margin; [-1, 1] at least across 0. */
    private static double[] range(List<double[][]> outputs, List<double[][]> targets, int channel) {
        double lo = 0;
        double hi = 0;
        for (int k = 0; k < outputs.size(); k++) {
            List<double[][]> both = new ArrayList<>();
            both.add(outputs.get(k));
            if (targets != null) {
                both.add(targets.get(k));
            }
            for (double[][] m : both) {
                for (double v : m[channel]) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        double margin = 0.08 * Math.max(hi - lo, 1e-3);
        return new double[] {lo - margin, hi + margin};
    }

    private static List<String> names(List<String> given, int n) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            names.add(given != null && c < given.size() && given.get(c) != null ? given.get(c) : "output " + c);
        }
        return names;
    }

    private static double[] time(int t, TimeAxis axis) {
        double[] xs = new double[t];
        for (int i = 0; i < t; i++) {
            xs[i] = axis.at(i);
        }
        return xs;
    }
}
