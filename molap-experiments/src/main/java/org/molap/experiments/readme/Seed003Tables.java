package org.molap.experiments.readme;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * README tables of seed 003's kept runs: Measure-Wait-Go and the multitask retraining per model (medians over networks,
 * quartiles in brackets).
 */
final class Seed003Tables {
    private Seed003Tables() {
    }

    /** {@code mwg}: one row per model of a kept {@code run mwg}. */
    static String mwg(List<JsonNode> files) {
        JsonNode models = files.get(0).path("results").path("models");
        StringBuilder t = new StringBuilder("| model | parameters | networks | training MSE | error on trained intervals (steps) "
                + "| error on the 8 untrained intervals (steps) | MSE on the untrained intervals | minutes per network |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) models::fields) {
            JsonNode m = e.getValue();
            t.append("| ").append(m.path("label").asText()).append(" | ").append(m.path("parameters").asLong())
                    .append(" | ").append(m.path("train_mse").path("networks").size())
                    .append(" | ").append(sci(m.path("train_mse").path("median").asDouble()))
                    .append(" | ").append(quartiles(m.path("trained_produced_error"), "%.2f"))
                    .append(" | ").append(quartiles(m.path("produced_error"), "%.2f"))
                    .append(" | ").append(quartilesSci(m.path("extrapolation_mse")))
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f", m.path("seconds").path("median").asDouble() / 60))
                    .append(" |\n");
        }
        return t.toString();
    }

    /**
     * {@code nm-multitask}: one row per model of a kept {@code run nm-multitask}: percent correct (atan2) on each task
     * after training, then on every task after retraining on Memory Anti (medians over networks, quartiles of Memory
     * Anti in brackets).
     */
    static String multitask(List<JsonNode> files) {
        JsonNode models = files.get(0).path("results").path("models");
        List<String> trained = names(models.elements().next().path("trained"));
        List<String> retrained = names(models.elements().next().path("retrained"));
        StringBuilder t = new StringBuilder("| model | parameters | retrained entries | networks |");
        trained.forEach(task -> t.append(' ').append(task).append(" |"));
        retrained.forEach(task -> t.append(" after retraining: ").append(task).append(" |"));
        t.append(" minutes per network |\n|---|---|---|---|").append("---|".repeat(trained.size() + retrained.size() + 1)).append('\n');
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) models::fields) {
            JsonNode m = e.getValue();
            t.append("| ").append(m.path("label").asText()).append(" | ").append(m.path("parameters").asLong())
                    .append(" | ").append(m.path("retrained_entries").asLong())
                    .append(" | ").append(m.path("seconds").size()).append(" |");
            trained.forEach(task -> t.append(' ').append(percent(m.path("trained").path(task).path("median"))).append(" |"));
            for (String task : retrained) {
                JsonNode q = m.path("retrained").path(task);
                t.append(' ').append(percent(q.path("median")));
                if (task.equals(retrained.get(retrained.size() - 1))) {
                    t.append(" [").append(percent(q.path("q1"))).append("-").append(percent(q.path("q3"))).append("]");
                }
                t.append(" |");
            }
            double[] seconds = new double[m.path("seconds").size()];
            for (int i = 0; i < seconds.length; i++) {
                seconds[i] = m.path("seconds").get(i).asDouble();
            }
            java.util.Arrays.sort(seconds);
            double median = seconds.length % 2 == 1 ? seconds[seconds.length / 2]
                    : (seconds[seconds.length / 2 - 1] + seconds[seconds.length / 2]) / 2;
            t.append(' ').append(String.format(Locale.ROOT, "%.0f", median / 60)).append(" |\n");
        }
        return t.toString();
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String percent(JsonNode fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction.asDouble());
    }

    private static String quartiles(JsonNode q, String format) {
        return String.format(Locale.ROOT, format + " [" + format + "-" + format + "]", q.path("median").asDouble(), q.path("q1").asDouble(),
                q.path("q3").asDouble());
    }

    private static String quartilesSci(JsonNode q) {
        return sci(q.path("median").asDouble()) + " [" + sci(q.path("q1").asDouble()) + "-" + sci(q.path("q3").asDouble()) + "]";
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.1e", v);
    }
}
