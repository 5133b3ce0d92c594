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
        b.append(String.format("%n%-15s %9s   %s%n", "Task", "Accuracy", "per output unit"));
        double sum = 0;
        for (Map.Entry<String, Object> e : taskResults.entrySet()) {
            Map<String, Object> r = (Map<String, Object>) e.getValue();
            double acc = (double) r.get("accuracy");
            double[] perUnit = (double[]) r.get("per_unit_accuracy");
            List<String> channels = (List<String>) r.get("output_channels");
            StringBuilder units = new StringBuilder();
            for (int i = 0; i < perUnit.length; i++) {
                units.append(i == 0 ? "" : ", ").append(channels.get(i)).append(String.format(" %.1f%%", 100 * perUnit[i]));
            }
            b.append(String.format("%-15s %8.1f%%   %s%n", e.getKey(), 100 * acc, units));
            sum += acc;
        }
        b.append(String.format("%-15s %8.1f%%%n", "Mean", 100 * sum / Math.max(1, taskResults.size())));
        return b.toString();
    }
}
