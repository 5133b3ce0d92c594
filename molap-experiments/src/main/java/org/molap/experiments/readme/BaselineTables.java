package org.molap.experiments.readme;

import com.fasterxml.jackson.databind.JsonNode;
import org.molap.core.stats.Spread;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.molap.experiments.readme.ReadmeTables.spaced;

/**
 * The README's tables of the MoLaP comparison (seed 000 section 4), from kept result files: a {@code run summary}
 * over seeds, its judged claims, two {@code run baselines} runs side by side, and two summaries paired seed by seed.
 */
final class BaselineTables {
    private BaselineTables() {
    }

    /** Per task and method the mean ± sd over seeds (the mean alone for one seed), then the counts per method. */
    static String summary(List<JsonNode> files) {
        JsonNode methods = files.get(0).path("results").path("methods");
        List<String> keys = names(methods);
        StringBuilder t = header("task", keys);
        for (String task : names(methods.path(keys.get(0)).path("tasks"))) {
            t.append("| ").append(spaced(task)).append(" |");
            for (String m : keys) {
                JsonNode s = methods.path(m).path("tasks").path(task);
                t.append(' ').append(meanSd(s.path("accuracy").asDouble(), s.path("sd").asDouble(), s.path("n").asInt())).append(" |");
            }
            t.append('\n');
        }
        row(t, "mean", keys, m -> {
            JsonNode s = methods.path(m).path("mean_accuracy_over_seeds");
            return "**" + meanSd(s.path("accuracy").asDouble(), s.path("sd").asDouble(), s.path("n").asInt()) + "**";
        });
        row(t, "seeds with every task above 70%", keys, m -> {
            JsonNode tasks = methods.path(m).path("tasks");
            int seeds = methods.path(m).path("seeds").size();
            int above = 0;
            for (int i = 0; i < seeds; i++) {
                boolean all = true;
                for (JsonNode task : tasks) {
                    all &= task.path("per_seed").path(i).asDouble() > 0.7;
                }
                above += all ? 1 : 0;
            }
            return above + " of " + seeds;
        });
        row(t, "mean at tolerance 0.2", keys, m -> number(methods.path(m).path("mean_accuracy_at_tolerance_0.2").asDouble()));
        row(t, "parameters", keys, m -> String.format(Locale.ROOT, "%,d", methods.path(m).path("parameters").asLong()));
        row(t, "trained (summed over phases)", keys, m -> String.format(Locale.ROOT, "%,d", methods.path(m).path("trained_parameters").asLong()));
        row(t, "scalar parameter updates", keys, m -> String.format(Locale.ROOT, "%.2e", methods.path(m).path("parameter_updates").asDouble()));
        row(t, "seeds", keys, m -> {
            List<String> seeds = new ArrayList<>();
            methods.path(m).path("seeds").forEach(s -> seeds.add(s.asText()));
            return String.join(",", seeds);
        });
        return t.toString();
    }

    /** The summary's claims, one bullet each: the claim, its verdict, the evidence and the criterion. */
    static String claims(List<JsonNode> files) {
        StringBuilder t = new StringBuilder();
        for (JsonNode c : files.get(0).path("results").path("claims")) {
            t.append("- **").append(c.path("claim").asText()).append(": ").append(c.path("verdict").asText()).append(".** ")
                    .append(sentence(c.path("evidence").asText())).append(" Criterion: ").append(sentence(c.path("criterion").asText())).append('\n');
        }
        return t.toString();
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    /** Two baselines runs, task by task and method by method as "first / second", headed by their leaks. */
    static String pair(List<JsonNode> files) {
        JsonNode a = files.get(0).path("results").path("methods");
        JsonNode b = files.get(1).path("results").path("methods");
        String sides = "a = " + ReadmeTables.trim(files.get(0).path("config").path("alpha").asDouble()) + " / a = "
                + ReadmeTables.trim(files.get(1).path("config").path("alpha").asDouble());
        List<String> keys = names(a);
        StringBuilder t = new StringBuilder("| task |");
        keys.forEach(m -> t.append(' ').append(m).append(": ").append(sides).append(" |"));
        t.append("\n|---|").append("---|".repeat(keys.size())).append('\n');
        for (String task : names(a.path(keys.get(0)).path("tasks"))) {
            row(t, spaced(task), keys, m -> number(a.path(m).path("tasks").path(task).path("accuracy").asDouble()) + " / "
                    + number(b.path(m).path("tasks").path(task).path("accuracy").asDouble()));
        }
        row(t, "**mean**", keys, m -> "**" + number(a.path(m).path("mean_accuracy").asDouble()) + " / "
                + number(b.path(m).path("mean_accuracy").asDouble()) + "**");
        return t.toString();
    }

    /**
     * MoLaP in two summaries that differ in one setting, on the seeds both ran: per task the mean ± sd of each, and
     * of the paired difference (second minus first); the columns are headed by the differing setting.
     */
    static String paired(List<JsonNode> files) {
        JsonNode a = files.get(0).path("results").path("methods").path("molap");
        JsonNode b = files.get(1).path("results").path("methods").path("molap");
        List<Long> seeds = new ArrayList<>();
        a.path("seeds").forEach(s -> seeds.add(s.asLong()));
        List<Long> common = new ArrayList<>();
        b.path("seeds").forEach(s -> {
            if (seeds.contains(s.asLong())) {
                common.add(s.asLong());
            }
        });
        String[] setting = difference(files.get(0).path("config").path("baselines_config"), files.get(1).path("config").path("baselines_config"));
        StringBuilder t = new StringBuilder("| task | " + setting[0] + " | " + setting[1] + " | difference, same seeds |\n|---|---|---|---|\n");
        List<String> tasks = new ArrayList<>(names(a.path("tasks")));
        double[][] meanA = new double[common.size()][tasks.size()];
        double[][] meanB = new double[common.size()][tasks.size()];
        for (int k = 0; k < tasks.size(); k++) {
            double[] x = onSeeds(a, tasks.get(k), common);
            double[] y = onSeeds(b, tasks.get(k), common);
            for (int i = 0; i < common.size(); i++) {
                meanA[i][k] = x[i];
                meanB[i][k] = y[i];
            }
            t.append("| ").append(spaced(tasks.get(k))).append(" | ").append(pairRow(x, y)).append('\n');
        }
        double[] x = new double[common.size()];
        double[] y = new double[common.size()];
        for (int i = 0; i < common.size(); i++) {
            x[i] = java.util.Arrays.stream(meanA[i]).average().orElse(Double.NaN);
            y[i] = java.util.Arrays.stream(meanB[i]).average().orElse(Double.NaN);
        }
        return t.append("| mean | ").append(pairRow(x, y)).append('\n').toString();
    }

    /** "89.7 ± 1.1 | 89.3 ± 1.7 | -0.4 ± 2.8 |" in percentage points. */
    private static String pairRow(double[] x, double[] y) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = y[i] - x[i];
        }
        Spread sx = Spread.of(x);
        Spread sy = Spread.of(y);
        Spread sd = Spread.of(d);
        return meanSd(sx.mean(), sx.sd(), x.length) + " | " + meanSd(sy.mean(), sy.sd(), y.length) + " | "
                + String.format(Locale.ROOT, "%+.1f ± %.1f", 100 * sd.mean(), 100 * sd.sd()) + " |";
    }

    /** A task's accuracy on the given seeds, from the summary's per-seed list (in its seed order). */
    private static double[] onSeeds(JsonNode method, String task, List<Long> seeds) {
        Map<Long, Double> bySeed = new TreeMap<>();
        Iterator<JsonNode> values = method.path("tasks").path(task).path("per_seed").elements();
        method.path("seeds").forEach(s -> bySeed.put(s.asLong(), values.next().asDouble()));
        return seeds.stream().mapToDouble(bySeed::get).toArray();
    }

    /** The settings in which two configurations differ, as "key = value" per side ("methods" aside). */
    private static String[] difference(JsonNode a, JsonNode b) {
        List<String> left = new ArrayList<>();
        List<String> right = new ArrayList<>();
        a.fieldNames().forEachRemaining(k -> {
            if (!k.equals("methods") && !a.path(k).equals(b.path(k))) {
                left.add(k + " = " + a.path(k).asText());
                right.add(k + " = " + b.path(k).asText());
            }
        });
        return new String[] {String.join(", ", left), String.join(", ", right)};
    }

    private static StringBuilder header(String first, List<String> keys) {
        StringBuilder t = new StringBuilder("| " + first + " |");
        keys.forEach(m -> t.append(' ').append(m).append(" |"));
        return t.append("\n|---|").append("---|".repeat(keys.size())).append('\n');
    }

    private static void row(StringBuilder t, String label, List<String> keys, java.util.function.Function<String, String> cell) {
        t.append("| ").append(label).append(" |");
        keys.forEach(m -> t.append(' ').append(cell.apply(m)).append(" |"));
        t.append('\n');
    }

    static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String meanSd(double mean, double sd, int n) {
        return n > 1 ? String.format(Locale.ROOT, "%.1f ± %.1f", 100 * mean, 100 * sd) : number(mean);
    }

    private static String number(double fraction) {
        return String.format(Locale.ROOT, "%.1f", 100 * fraction);
    }
}
