package org.molap.experiments.readme;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.molap.experiments.readme.Cells.median;
import static org.molap.experiments.readme.Cells.names;
import static org.molap.experiments.readme.Cells.percent;
import static org.molap.experiments.readme.Cells.quartiles;
import static org.molap.experiments.readme.Cells.quartilesSci;
import static org.molap.experiments.readme.Cells.sci;

/**
 * README tables of seed 003's kept runs: Measure-Wait-Go and the multitask retraining per model, Element Finder per
 * condition (medians over networks, quartiles in brackets), and the rank-1 network per seed.
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
            t.append(' ').append(String.format(Locale.ROOT, "%.0f", median(m.path("seconds")) / 60)).append(" |\n");
        }
        return t.toString();
    }

    /**
     * {@code element-finder}: one row per condition of a kept {@code run element-finder}: held-out MSE of the parameters
     * kept at the lowest training loss and of the last ones, the lowest training loss (the paper's figure), and for
     * the NM-RNNs the error with their most-used gain component clamped over the intact error.
     */
    static String elementFinder(List<JsonNode> files) {
        JsonNode conditions = files.get(0).path("results").path("conditions");
        StringBuilder t = new StringBuilder("| condition | parameters | networks | held-out MSE (lowest-loss parameters) | held-out MSE "
                + "(last parameters) | lowest training loss | clamped / intact (most-used s_k) | minutes per network |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (JsonNode c : (Iterable<JsonNode>) conditions::elements) {
            t.append("| ").append(c.path("label").asText()).append(" | ").append(c.path("parameters").asLong())
                    .append(" | ").append(c.path("held_out_mse").path("networks").size())
                    .append(" | ").append(quartiles(c.path("held_out_mse"), "%.2f"))
                    .append(" | ").append(quartiles(c.path("final_held_out_mse"), "%.2f"))
                    .append(" | ").append(String.format(Locale.ROOT, "%.2f", median(c.path("lowest_training_loss"))))
                    .append(" | ").append(c.has("ablation_ratio") ? String.format(Locale.ROOT, "%.2fx", median(c.path("ablation_ratio"))) : "")
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f", median(c.path("seconds")) / 60)).append(" |\n");
        }
        return t.toString();
    }

    /**
     * {@code mwg-rank-one}: one row per network of a kept {@code run mwg-rank-one}: training MSE, the RMSE of s(t)
     * against appendix B's prediction on each test interval's ramp (relative to s's range there), and the largest
     * deviation from the exact identity.
     */
    static String rankOne(List<JsonNode> files) {
        JsonNode networks = files.get(0).path("results").path("networks");
        JsonNode interior = files.get(0).path("results").path("interior_relative_rmse_15");
        List<String> intervals = names(networks.get(0).path("relativeRmse"));
        StringBuilder t = new StringBuilder("| seed | training MSE |");
        intervals.forEach(i -> t.append(" s(t) against the prediction, ").append(i.replace("I=", "I = ")).append(" |"));
        if (!interior.isMissingNode()) {
            t.append(" the same, I = 15 without the ramp's ends |");
        }
        t.append(" identity error | minutes |\n|---|---|").append("---|".repeat(intervals.size() + 2 + (interior.isMissingNode() ? 0 : 1)))
                .append('\n');
        int row = 0;
        for (JsonNode n : (Iterable<JsonNode>) networks::elements) {
            t.append("| ").append(n.path("seed").asLong()).append(" | ").append(sci(n.path("trainMse").asDouble())).append(" |");
            intervals.forEach(i -> t.append(String.format(Locale.ROOT, " %.3f |", n.path("relativeRmse").path(i).asDouble())));
            if (!interior.isMissingNode()) {
                t.append(String.format(Locale.ROOT, " %.3f |", interior.get(row).asDouble()));
            }
            row++;
            double identity = 0;
            for (JsonNode e : (Iterable<JsonNode>) n.path("identityError")::elements) {
                identity = Math.max(identity, e.asDouble());
            }
            t.append(' ').append(sci(identity)).append(String.format(Locale.ROOT, " | %.1f |\n", n.path("seconds").asDouble() / 60));
        }
        return t.toString();
    }
}
