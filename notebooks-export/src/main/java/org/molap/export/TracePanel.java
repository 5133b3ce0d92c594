package org.molap.export;

import java.awt.Rectangle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Small multiples of one trial's traces: one subplot per output channel, stacked over a shared time axis,
 * the network output solid and the target dashed.
 */
public final class TracePanel {
    /** Width of the written PNG in pixels; the height is {@link #heightFor(int)}. */
    public static final int WIDTH = 960;

    private static final int PANEL = 130;
    private static final int GAP = 14;
    private static final int TOP = 40;

    private TracePanel() {
    }

    /** The PNG height for {@code channels} subplots. */
    public static int heightFor(int channels) {
        return TOP + channels * (PANEL + GAP) - GAP + PlotArea.BOTTOM;
    }

    /**
     * Writes the panel.
     *
     * @param outputs      [channel][time] network outputs of one trial
     * @param targets      [channel][time] targets of the same trial, or null to draw outputs only
     * @param channelNames one name per channel (the subplot's y label), or null for "output 0", ...
     */
    public static void write(Path png, String title, double[][] outputs, double[][] targets,
                             List<String> channelNames) {
        int n = outputs.length;
        if (n == 0) {
            throw new IllegalArgumentException("A trace panel needs at least one output channel.");
        }
        if (targets != null && (targets.length != n || targets[0].length != outputs[0].length)) {
            throw new IllegalArgumentException("Outputs and targets must have the same [channel][time] shape, got "
                    + n + "x" + outputs[0].length + " and " + targets.length + "x"
                    + (targets.length > 0 ? targets[0].length : 0) + ".");
        }
        List<String> names = names(channelNames, n);
        Canvas canvas = new Canvas(WIDTH, heightFor(n));
        int top = Math.max(TOP, canvas.title(title));
        Axis time = Axis.linearCovering(0, Math.max(1, outputs[0].length - 1));
        for (int c = 0; c < n; c++) {
            Rectangle area = new Rectangle(PlotArea.LEFT, top + c * (PANEL + GAP),
                    WIDTH - PlotArea.LEFT - PlotArea.RIGHT, PANEL);
            double[][] out = {steps(outputs[c].length), outputs[c]};
            double[][] tgt = targets == null ? null : new double[][] {steps(targets[c].length), targets[c]};
            List<double[][]> both = new ArrayList<>();
            both.add(out);
            if (tgt != null) {
                both.add(tgt);
            }
            double[] yRange = Ranges.of(both, false, 1);
            PlotArea plot = new PlotArea(canvas, area, Axis.linearCovering(yRange[0], yRange[1]))
                    .withX(Axis.linear(time.min(), time.max()));
            plot.grid();
            plot.line(out[0], out[1], Palette.series(0), Canvas.LINE);
            if (tgt != null) {
                plot.line(tgt[0], tgt[1], Palette.TARGET, Canvas.DASHED);
            }
            plot.yAxis(names.get(c));
            boolean last = c == n - 1;
            plot.xAxis(last ? "time step" : null, last);
            if (c == 0) {
                Legend legend = new Legend().line("output", Palette.series(0), Canvas.LINE);
                if (tgt != null) {
                    legend.line("target", Palette.TARGET, Canvas.DASHED);
                }
                legend.draw(canvas, area);
            }
        }
        canvas.save(png);
    }

    private static List<String> names(List<String> given, int n) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            names.add(given != null && c < given.size() && given.get(c) != null ? given.get(c) : "output " + c);
        }
        return names;
    }

    private static double[] steps(int t) {
        double[] xs = new double[t];
        for (int i = 0; i < t; i++) {
            xs[i] = i;
        }
        return xs;
    }
}
