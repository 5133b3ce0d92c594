package org.molap.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Draws the figures of a run into its figures/ folder and says which it drew. */
final class RunFigures {
    /**
     * The MoLaP paper's success bar (appendix A.3): more than 70% of decisions correct on every task.
     * Drawn as a reference line only; nothing here judges a run by it.
     */
    static final double ACCURACY_CRITERION = 0.70;

    static final String ACCURACY = "accuracy.png";
    static final String TRAINING_LOSS = "training_loss.png";

    /** A written figure: its path relative to the run directory and a caption. */
    record Figure(String path, String caption) {
    }

    private RunFigures() {
    }

    /** The criterion as text: "70%". */
    static String criterionText() {
        return Fmt.trim(100 * ACCURACY_CRITERION, 1) + "%";
    }

    /** The per-task accuracy bars, in %, with the criterion line; null when results have no tasks. */
    static Figure accuracy(RunContents run, Results results) {
        if (results.tasks.isEmpty()) {
            return null;
        }
        List<String> names = results.tasks.stream().map(Results.Task::name).toList();
        double[] percent = results.tasks.stream().mapToDouble(t -> 100 * t.accuracy()).toArray();
        LinkedHashMap<String, double[]> series = new LinkedHashMap<>();
        series.put(run.manifestText("experiment"), percent);
        String rel = RunContents.FIGURES + "/" + ACCURACY;
        BarChart.write(run.dir.resolve(rel), "Test accuracy per task", "accuracy (%)", names, series, 0, 100,
                100 * ACCURACY_CRITERION);
        return new Figure(rel, "Test accuracy per task. Dashed line: the " + criterionText()
                + " success bar of the MoLaP paper (appendix A.3).");
    }

    /** PNGs an experiment drew into figures/ itself (anything this module does not draw), sorted by name. */
    static List<Figure> experimentFigures(RunContents run) {
        java.nio.file.Path dir = run.dir.resolve(RunContents.FIGURES);
        if (!java.nio.file.Files.isDirectory(dir)) {
            return List.of();
        }
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".png") && !n.equals(ACCURACY) && !n.equals(TRAINING_LOSS) && !n.startsWith("traces_")
                            && !n.startsWith("array_"))
                    .sorted()
                    .map(n -> new Figure(RunContents.FIGURES + "/" + n, n.substring(0, n.length() - 4).replace('_', ' ')))
                    .toList();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("The figures folder " + dir + " cannot be listed: " + e.getMessage());
        }
    }

    /** Loss against iteration, one curve per phase, log y when every loss is positive; null without losses. */
    static Figure trainingLoss(RunContents run) {
        LinkedHashMap<String, double[][]> curves = lossCurves(run.metrics);
        if (curves.isEmpty()) {
            return null;
        }
        boolean logY = logScale(curves);
        String rel = RunContents.FIGURES + "/" + TRAINING_LOSS;
        LineChart.write(run.dir.resolve(rel), "Training loss", "iteration", logY ? "loss (log scale)" : "loss",
                curves, logY);
        return new Figure(rel, "Training loss per phase (from " + RunContents.METRICS + ").");
    }

    /** One trace panel per trial: traces_&lt;Task&gt;.png. */
    static List<Figure> traces(RunContents run, List<Traces.Trial> trials, Results.Timeline timeline) {
        List<Figure> figures = new ArrayList<>();
        for (Traces.Trial t : trials) {
            String rel = RunContents.FIGURES + "/" + traceFile(t.task());
            int n = t.outputs().size();
            TracePanel.write(run.dir.resolve(rel), t.task() + ": output vs target, " + (n == 1 ? "test trial 1" : "test trials 1-" + n),
                    t.outputs(), t.targets(), t.channels(), TrialShading.bands(timeline, t.task()), TrialShading.axis(timeline));
            figures.add(new Figure(rel, t.task() + ": network output (solid) and target (dashed) for the first "
                    + (n == 1 ? "test trial" : n + " test trials, one colour each") + ", one panel per output channel"
                    + TrialShading.caption(timeline, t.task()) + "."));
        }
        return figures;
    }

    /**
     * A heat map of every 2-D array in arrays/ but the trace arrays, as the notebook draws them: figures/array_&lt;name&gt;.png.
     * A damaged array is skipped with its reason in the caption's place (the arrays table still lists it).
     */
    static List<Figure> arrays(RunContents run) {
        List<Figure> figures = new ArrayList<>();
        for (var e : run.arrays.entrySet()) {
            String name = e.getKey().substring(0, e.getKey().length() - ".npy".length());
            if (name.startsWith(Traces.OUTPUTS) || name.startsWith(Traces.TARGETS)) {
                continue;
            }
            Npy.Array a;
            try {
                a = Npy.read(e.getValue());
            } catch (IllegalArgumentException damaged) {
                continue;
            }
            if (a.rank() != 2 || a.shape()[0] == 0 || a.shape()[1] == 0) {
                continue;
            }
            String rel = RunContents.FIGURES + "/array_" + name.replaceAll("[^A-Za-z0-9_.-]", "_") + ".png";
            HeatMap.write(run.dir.resolve(rel), name + " " + a.shapeText(), a.matrix(0));
            figures.add(new Figure(rel, name + " " + a.shapeText() + " (arrays/" + e.getKey() + "), blue negative, red positive,"
                    + " symmetric about 0 as in the notebook."));
        }
        return figures;
    }

    /** The file name of a task's trace figure, safe on every file system. */
    static String traceFile(String task) {
        return "traces_" + task.replaceAll("[^A-Za-z0-9_.-]", "_") + ".png";
    }

    /** Whether losses are drawn on a log scale: when every finite loss is positive. */
    static boolean logScale(Map<String, double[][]> curves) {
        return curves.values().stream().allMatch(c -> java.util.Arrays.stream(c[1])
                .allMatch(v -> !Double.isFinite(v) || v > 0));
    }

    /** Phase name -> {iterations, losses} from metrics events that have a numeric "loss". */
    static LinkedHashMap<String, double[][]> lossCurves(List<JsonNode> metrics) {
        Map<String, List<double[]>> points = new LinkedHashMap<>();
        for (JsonNode m : metrics) {
            if (!m.path("loss").isNumber()) {
                continue;
            }
            List<double[]> p = points.computeIfAbsent(m.path("phase").asText("training"), k -> new ArrayList<>());
            double iteration = m.path("iteration").isNumber() ? m.get("iteration").asDouble() : p.size();
            p.add(new double[] {iteration, m.get("loss").asDouble()});
        }
        LinkedHashMap<String, double[][]> curves = new LinkedHashMap<>();
        points.forEach((phase, p) -> curves.put(phase, new double[][] {
            p.stream().mapToDouble(xy -> xy[0]).toArray(), p.stream().mapToDouble(xy -> xy[1]).toArray()}));
        return curves;
    }
}
