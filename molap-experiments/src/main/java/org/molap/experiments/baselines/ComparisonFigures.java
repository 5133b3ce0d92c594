package org.molap.experiments.baselines;

import org.molap.export.BarChart;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;

/** Figures of the comparison: accuracy per task by method (seed 000 Fig. 2A-C) and parameters vs updates (Fig. 1C). */
final class ComparisonFigures {
    static final String ACCURACY = "accuracy_by_method.png";
    static final String COUNTS = "parameters_and_updates.png";

    private ComparisonFigures() {
    }

    static void write(Path figures, List<MethodResult> methods, List<String> tasks) {
        LinkedHashMap<String, double[]> accuracy = new LinkedHashMap<>();
        for (MethodResult m : methods) {
            accuracy.put(m.label(), tasks.stream().mapToDouble(t -> 100 * m.scores().get(t).accuracy()).toArray());
        }
        BarChart.write(figures.resolve(ACCURACY), "Decisions correct on the test sets, by method", "% correct", tasks,
                accuracy, 0, 100, 70.0);

        // Counts span orders of magnitude: a log axis.
        LinkedHashMap<String, double[]> counts = new LinkedHashMap<>();
        counts.put("parameters", methods.stream().mapToDouble(MethodResult::parameters).toArray());
        counts.put("parameters trained (per phase)", methods.stream().mapToDouble(MethodResult::trainedParameters).toArray());
        counts.put("scalar parameter updates", methods.stream().mapToDouble(MethodResult::parameterUpdates).toArray());
        BarChart.writeLog(figures.resolve(COUNTS), "Parameters and parameter updates, by method", "count (log scale)",
                methods.stream().map(MethodResult::label).toList(), counts, null);
    }
}
