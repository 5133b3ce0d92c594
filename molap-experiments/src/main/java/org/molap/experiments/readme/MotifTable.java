package org.molap.experiments.readme;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code motifs}: one row per architecture of a kept {@code run motifs} (seed 001): the network scores from random starts
 * and after every other motif, their ratio, the signed-rank test over all (network, motif) pairs; means over networks,
 * the range over networks in brackets.
 */
final class MotifTable {
    private MotifTable() {
    }

    static String table(List<JsonNode> files) {
        JsonNode architectures = files.get(0).path("results").path("architectures");
        StringBuilder t = new StringBuilder("| architecture | N | learned entries | networks | random-start score | chained score "
                + "| chained / random | pooled Wilcoxon p (pairs) | minutes per network |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) architectures::fields) {
            JsonNode a = e.getValue();
            JsonNode pooled = a.path("pooled_wilcoxon");
            t.append("| ").append(a.path("label").asText()).append(" | ").append(a.path("units").asInt())
                    .append(" | ").append(a.path("trained_entries").asLong())
                    .append(" | ").append(a.path("random_score").size())
                    .append(" | ").append(meanRange(a.path("random_score"), "%.3f"))
                    .append(" | ").append(meanRange(a.path("chained_score"), "%.3f"))
                    .append(" | ").append(meanRange(a.path("penalty"), "%.2f"))
                    .append(" | ").append(String.format(Locale.ROOT, "%.2g (%d)", pooled.path("p_two_sided").asDouble(),
                            pooled.path("pairs").asInt()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.0f", mean(a.path("seconds")) / 60)).append(" |\n");
        }
        return t.toString();
    }

    private static String meanRange(JsonNode values, String format) {
        double[] v = Cells.values(values);
        String mean = String.format(Locale.ROOT, format, mean(values));
        return v.length < 2 ? mean : mean + String.format(Locale.ROOT, " [" + format + "-" + format + "]",
                Arrays.stream(v).min().orElseThrow(), Arrays.stream(v).max().orElseThrow());
    }

    private static double mean(JsonNode values) {
        return Arrays.stream(Cells.values(values)).average().orElseThrow();
    }
}
