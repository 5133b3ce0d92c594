package org.molap.experiments.baselines;

import org.molap.experiments.molap.TaskScore;

import java.util.List;
import java.util.Map;

/** The printed tables of the comparison: accuracy per task and method, and parameters and updates per method. */
final class ComparisonTable {
    private ComparisonTable() {
    }

    static String accuracy(List<MethodResult> methods, List<String> tasks) {
        StringBuilder b = new StringBuilder(String.format("%n%-15s", "Task"));
        methods.forEach(m -> b.append(String.format(" %22s", m.method())));
        b.append('\n');
        for (String task : tasks) {
            b.append(String.format("%-15s", task));
            methods.forEach(m -> b.append(String.format(" %21.1f%%", 100 * m.scores().get(task).accuracy())));
            b.append('\n');
        }
        b.append(String.format("%-15s", "Mean"));
        methods.forEach(m -> b.append(String.format(" %21.1f%%", 100 * m.meanAccuracy())));
        return b.append('\n').toString();
    }

    static String parameters(List<MethodResult> methods) {
        StringBuilder b = new StringBuilder(String.format("%n%-22s %12s %18s %18s %10s%n", "Method", "parameters",
                "trained (per phase)", "parameter updates", "seconds"));
        for (MethodResult m : methods) {
            b.append(String.format("%-22s %12d %18d %18.3e %10.0f%n", m.method(), m.parameters(), m.trainedParameters(),
                    (double) m.parameterUpdates(), m.seconds()));
        }
        return b.toString();
    }

    /** "DelayPro 97.1% (99.0% right after learning), ..." */
    static String inline(Map<String, TaskScore> scores, Map<String, Double> afterLearning) {
        StringBuilder b = new StringBuilder();
        scores.forEach((task, score) -> b.append(b.length() == 0 ? "" : ", ").append(String.format("%s %.1f%% (%.1f%% right after learning)",
                task, 100 * score.accuracy(), 100 * afterLearning.getOrDefault(task, Double.NaN))));
        return b.toString();
    }
}
