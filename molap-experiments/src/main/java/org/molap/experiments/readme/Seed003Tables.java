package org.molap.experiments.readme;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * README tables of seed 003's kept runs: Measure-Wait-Go per model (medians over networks, quartiles in brackets).
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
