package org.molap.experiments.readme;

import static org.molap.experiments.readme.Cells.median;
import static org.molap.experiments.readme.Cells.quartiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * {@code disentangle}: one row per condition (D, N_task) of a kept {@code run disentangle} (seed 002): in- and
 * out-of-distribution r^2 (medians over networks x folds x decoder fits, quartiles in brackets), the least-squares
 * decoder's OOD r^2, the decision accuracy and the top-3 principal components' share of the variance (medians over
 * networks).
 */
final class DisentangleTable {
    private DisentangleTable() {
    }

    static String table(List<JsonNode> files) {
        StringBuilder t = new StringBuilder("| D | N_task | parameters | networks | ID r^2 | OOD r^2 | ID - OOD | OOD r^2, least squares "
                + "| decision accuracy | top-3 PCs' variance | minutes per network |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (JsonNode c : (Iterable<JsonNode>) files.get(0).path("results").path("conditions")::elements) {
            t.append("| ").append(c.path("dims").asInt()).append(" | ").append(c.path("tasks").asInt())
                    .append(" | ").append(c.path("parameters").asLong())
                    .append(" | ").append(c.path("accuracy").size())
                    .append(" | ").append(quartiles(c.path("id"), "%.3f"))
                    .append(" | ").append(quartiles(c.path("ood"), "%.3f"))
                    .append(" | ").append(String.format(Locale.ROOT, "%.3f", c.path("id").path("median").asDouble()
                            - c.path("ood").path("median").asDouble()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.3f", c.path("ood_least_squares").path("median").asDouble()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.3f", median(c.path("accuracy"))))
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f", median(c.path("top3_variance"))))
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f", median(c.path("seconds")) / 60)).append(" |\n");
        }
        return t.toString();
    }
}
