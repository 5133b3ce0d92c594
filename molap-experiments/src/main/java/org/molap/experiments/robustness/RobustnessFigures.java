package org.molap.experiments.robustness;

import org.molap.core.stats.Spread;
import org.molap.export.LineChart;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures of a robustness run, per perturbation family: % decisions correct against the level for every method,
 * averaged over the tasks (seed 000 Fig. 4) and task by task in a grid of small multiples (Figs. S1-S5), each point
 * the mean over draws with the standard deviation over draws as its bar.
 */
final class RobustnessFigures {
    private RobustnessFigures() {
    }

    /**
     * @param xs      the family's levels, 0 first
     * @param byTask  method -> task -> accuracy [level][draw]
     * @param overall method -> the mean over tasks [level][draw]
     */
    static void write(Path figures, PerturbationFamily f, double[] xs, Map<String, Map<String, double[][]>> byTask,
                      Map<String, double[][]> overall) {
        String file = "robustness_" + f.name().replace(' ', '_');
        LinkedHashMap<String, double[][]> curves = new LinkedHashMap<>();
        Map<String, double[]> spread = new LinkedHashMap<>();
        overall.forEach((method, acc) -> {
            curves.put(method, new double[][] {xs, percent(acc, false)});
            spread.put(method, percent(acc, true));
        });
        LineChart.write(figures.resolve(file + ".png"), f.name() + ": % decisions correct, mean over tasks (bars: sd over draws)",
                f.axis(), "% correct", curves, spread, false);

        LinkedHashMap<String, LinkedHashMap<String, double[][]>> panels = new LinkedHashMap<>();
        Map<String, Map<String, double[]>> errors = new LinkedHashMap<>();
        byTask.forEach((method, tasks) -> tasks.forEach((task, acc) -> {
            panels.computeIfAbsent(task, k -> new LinkedHashMap<>()).put(method, new double[][] {xs, percent(acc, false)});
            errors.computeIfAbsent(task, k -> new LinkedHashMap<>()).put(method, percent(acc, true));
        }));
        LineChart.grid(figures.resolve(file + "_by_task.png"), f.name() + ": % decisions correct per task (bars: sd over draws)",
                f.axis(), "% correct", panels, errors, Math.min(3, panels.size()), new double[] {0, 100});
    }

    /** Per level, 100 x the mean (or the standard deviation) over draws. */
    static double[] percent(double[][] accuracy, boolean sd) {
        double[] out = new double[accuracy.length];
        for (int l = 0; l < accuracy.length; l++) {
            Spread s = Spread.of(accuracy[l]);
            out[l] = 100 * (sd ? s.sd() : s.mean());
        }
        return out;
    }
}
