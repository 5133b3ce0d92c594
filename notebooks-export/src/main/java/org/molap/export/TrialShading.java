package org.molap.export;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a trace figure marks the periods of a task's trial (results.json "timeline"): the silent start, the stimulus
 * (or pulses, and the range a memory stimulus ends in), the response period from the go cue and, inside it, the
 * window the decision is scored on; and the time axis in the task's own units when the file gives them.
 */
final class TrialShading {
    static final Color SILENT = new Color(0, 0, 0, 28);
    static final Color STIMULUS = new Color(31, 119, 180, 45);
    static final Color STIMULUS_MAY_END = new Color(31, 119, 180, 20);
    static final Color RESPONSE = new Color(255, 200, 0, 40);
    static final Color SCORED = new Color(40, 170, 60, 55);

    private TrialShading() {
    }

    /** The bands of {@code task}'s trial, in drawing order; none without a timeline. */
    static List<TracePanel.Band> bands(Results.Timeline t, String task) {
        List<TracePanel.Band> bands = new ArrayList<>();
        if (t == null) {
            return bands;
        }
        bands.add(new TracePanel.Band("silent start", 0, t.silentEnd(), SILENT));
        for (Map.Entry<String, int[]> p : t.stimulusPeriods().getOrDefault(task, Map.of()).entrySet()) {
            if (p.getValue()[1] > p.getValue()[0]) {
                bands.add(new TracePanel.Band(p.getKey(), p.getValue()[0], p.getValue()[1],
                        p.getKey().endsWith("ends") ? STIMULUS_MAY_END : STIMULUS));
            }
        }
        bands.add(new TracePanel.Band("response period", t.goCue(), t.steps(), RESPONSE));
        bands.add(new TracePanel.Band("scored window", t.scoredStart(), t.steps(), SCORED));
        return bands;
    }

    /** Task time (0 where the task starts after the silent steps) when the timeline gives dt, else steps. */
    static TracePanel.TimeAxis axis(Results.Timeline t) {
        if (t == null || !(t.dt() > 0)) {
            return TracePanel.TimeAxis.STEPS;
        }
        return new TracePanel.TimeAxis("time (task units: the task runs from 0 to " + fmt(t.dt() * (t.steps() - t.silentEnd()))
                + ", " + fmt(t.dt()) + " per step)", t.silentEnd(), t.dt());
    }

    /** "shaded: the silent start (grey), ..., the scored window (green, the last 15 steps)." */
    static String caption(Results.Timeline t, String task) {
        List<String> parts = new ArrayList<>();
        for (TracePanel.Band b : bands(t, task)) {
            parts.add(switch (b.name()) {
                case "silent start" -> "the silent start with no input (grey)";
                case "response period" -> "the response period from the go cue (yellow)";
                case "scored window" -> "the last " + (b.to() - b.from()) + " steps the decision is scored on (green)";
                default -> b.name().endsWith("ends")
                        ? "the range in which the " + b.name().replace(" ends", "") + " ends, trial by trial (light blue)"
                        : "the " + b.name() + " (blue)";
            });
        }
        return parts.isEmpty() ? "" : "; shaded: " + String.join(", ", parts);
    }

    private static String fmt(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
