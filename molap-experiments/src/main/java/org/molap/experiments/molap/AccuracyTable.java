package org.molap.experiments.molap;

import java.util.List;
import java.util.Map;

/** The per-task accuracy table printed at the end of a run. */
final class AccuracyTable {
    private AccuracyTable() {
    }

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> taskResults) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%n%-15s %9s %9s   %s%n", "Task", "Accuracy", "(tol 0.2)", "per output unit"));
        double sum = 0;
        double lenientSum = 0;
        for (Map.Entry<String, Object> e : taskResults.entrySet()) {
            Map<String, Object> r = (Map<String, Object>) e.getValue();
            double acc = (double) r.get("accuracy");
            double lenient = (double) r.get(TaskScore.LENIENT_KEY);
            double[] perUnit = (double[]) r.get("per_unit_accuracy");
            List<String> channels = (List<String>) r.get("output_channels");
            StringBuilder units = new StringBuilder();
            for (int i = 0; i < perUnit.length; i++) {
                units.append(i == 0 ? "" : ", ").append(channels.get(i)).append(String.format(" %.1f%%", 100 * perUnit[i]));
            }
            b.append(String.format("%-15s %8.1f%% %8.1f%%   %s%n", e.getKey(), 100 * acc, 100 * lenient, units));
            sum += acc;
            lenientSum += lenient;
        }
        int n = Math.max(1, taskResults.size());
        b.append(String.format("%-15s %8.1f%% %8.1f%%%n", "Mean", 100 * sum / n, 100 * lenientSum / n));
        return b.toString();
    }
}
