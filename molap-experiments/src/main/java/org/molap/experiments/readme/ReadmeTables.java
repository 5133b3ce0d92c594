package org.molap.experiments.readme;

import com.fasterxml.jackson.databind.JsonNode;
import org.molap.core.run.AtomicFiles;
import org.molap.core.run.RunDirectory;
import org.molap.experiments.UsageException;
import org.molap.experiments.generalization.GeneralizationSeeds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's results tables, generated from the result files kept in the repository ({@code results/}): each table
 * sits between {@code <!-- table: <kind> <file> [<file>] -->} and {@code <!-- end table -->}, and
 * {@code ./molap readme} rewrites it from its files. ReadmeTablesTest fails when a table and its files disagree.
 */
public final class ReadmeTables {
    private static final Pattern TABLE = Pattern.compile("(<!-- table: (\\S+) ([^>]*?) -->\\n)(.*?)(<!-- end table -->)", Pattern.DOTALL);
    private static final Map<String, Function<List<JsonNode>, String>> KINDS = Map.ofEntries(
            Map.entry("molap-tasks", ReadmeTables::molapTasks),
            Map.entry("families", ReadmeTables::families),
            Map.entry("bench", ReadmeTables::bench),
            Map.entry("generalization", ReadmeTables::generalization),
            Map.entry("generalization-seeds", ReadmeTables::generalizationSeeds),
            Map.entry("robustness-seeds", ReadmeTables::robustnessSeeds),
            Map.entry("baselines-summary", BaselineTables::summary),
            Map.entry("claims", BaselineTables::claims),
            Map.entry("baselines-pair", BaselineTables::pair),
            Map.entry("molap-paired", BaselineTables::paired),
            Map.entry("memory", MemoryTable::table),
            Map.entry("mwg", Seed003Tables::mwg),
            Map.entry("nm-multitask", Seed003Tables::multitask),
            Map.entry("element-finder", Seed003Tables::elementFinder),
            Map.entry("mwg-rank-one", Seed003Tables::rankOne),
            Map.entry("motifs", MotifTable::table),
            Map.entry("disentangle", DisentangleTable::table));

    private ReadmeTables() {
    }

    /** The README text with every marked table generated from its files under {@code root}. */
    public static String render(Path root, String readme) {
        Matcher m = TABLE.matcher(readme);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Function<List<JsonNode>, String> kind = KINDS.get(m.group(2));
            if (kind == null) {
                throw new UsageException("README table of unknown kind '" + m.group(2) + "'; known: " + KINDS.keySet() + ".");
            }
            List<JsonNode> files = new ArrayList<>();
            for (String name : m.group(3).trim().split("\\s+")) {
                files.add(read(root.resolve(name)));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + kind.apply(files) + m.group(5)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** {@code ./molap readme}: rewrites README.md's tables in the checkout at {@code root}; true when it changed. */
    public static boolean update(Path root) {
        Path readme = root.resolve("README.md");
        try {
            String before = Files.readString(readme);
            String after = render(root, before);
            if (!after.equals(before)) {
                AtomicFiles.write(readme, after);
            }
            return !after.equals(before);
        } catch (IOException e) {
            throw new UsageException("README.md cannot be read in " + root + " (" + e.getMessage() + ").");
        }
    }

    private static JsonNode read(Path file) {
        try {
            return RunDirectory.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UsageException("The result file " + file + " behind a README table cannot be read (" + e.getMessage() + ").");
        }
    }

    /**
     * Per task of seed 000, the accuracy of each results.json given (a column each, headed by its leak), with the
     * first file's accuracy at tolerance 0.2 beside it; the mean over tasks last.
     */
    static String molapTasks(List<JsonNode> runs) {
        StringBuilder t = new StringBuilder("| task |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int i = 0; i < runs.size(); i++) {
            double alpha = runs.get(i).path("config").path("alpha").asDouble();
            t.append(alpha == 1 ? " a = 1 (Eq. 1, no leak) |" : " a = " + trim(alpha) + (i == 0 ? " (default)" : "") + " |");
            rule.append("---|");
            if (i == 0) {
                t.append(" at tolerance 0.2 |");
                rule.append("---|");
            }
        }
        t.append('\n').append(rule).append('\n');
        JsonNode first = runs.get(0).path("results").path("tasks");
        for (Map.Entry<String, JsonNode> task : (Iterable<Map.Entry<String, JsonNode>>) first::fields) {
            t.append("| ").append(spaced(task.getKey())).append(" |");
            for (int i = 0; i < runs.size(); i++) {
                JsonNode r = runs.get(i).path("results").path("tasks").path(task.getKey());
                t.append(' ').append(percent(r.path("accuracy"))).append(" |");
                if (i == 0) {
                    t.append(' ').append(percent(r.path("accuracy_at_tolerance_0.2"))).append(" |");
                }
            }
            t.append('\n');
        }
        t.append("| mean |");
        for (int i = 0; i < runs.size(); i++) {
            JsonNode r = runs.get(i).path("results");
            t.append(i == 0 ? " **" + percent(r.path("mean_accuracy")) + "** |" : " " + percent(r.path("mean_accuracy")) + " |");
            if (i == 0) {
                t.append(' ').append(percent(r.path("mean_accuracy_at_tolerance_0.2"))).append(" |");
            }
        }
        return t.append('\n').toString();
    }

    /** The families bench (bench JSON): per family and engine, min and median ms, the limit and median over it. */
    static String families(List<JsonNode> benches) {
        StringBuilder t = new StringBuilder("| family (paper size) | engine | min ms | median ms | physical limit ms | median / limit |\n"
                + "|---|---|---|---|---|---|\n");
        String previous = null;
        for (JsonNode row : benches.get(0).path("families")) {
            String label = row.path("label").asText();
            int cut = label.lastIndexOf(", ");
            String family = label.substring(0, cut);
            String engine = label.substring(cut + 2).replace("fast engine", "fast");
            t.append("| ").append(family.equals(previous) ? "" : family).append(" | ").append(engine).append(" | ")
                    .append(ms(row.path("min_ms").asDouble())).append(" | ").append(ms(row.path("median_ms").asDouble())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", row.path("physical_limit_ms").asDouble())).append(" | ")
                    .append(times(row.path("over_limit").asDouble())).append(" |\n");
            previous = family;
        }
        return t.toString();
    }

    /**
     * The bench's problems (bench JSON), one block each: every contender's min, median and interquartile range in
     * ms and its median over ours, then the physical limit and ours over it.
     */
    static String bench(List<JsonNode> benches) {
        StringBuilder t = new StringBuilder("| problem (N, batch, T) | contender | min ms | median ms | IQR ms | median / ours |\n"
                + "|---|---|---|---|---|---|\n");
        for (JsonNode p : benches.get(0).path("problems")) {
            String problem = String.format(Locale.ROOT, "%s (%d, %d, %d)", p.path("name").asText(), p.path("N").asInt(),
                    p.path("batch").asInt(), p.path("T").asInt());
            double ours = p.path("contenders").path("ours").path("median_ms").asDouble();
            boolean first = true;
            for (JsonNode c : p.path("contenders")) {
                String label = c.path("label").asText();
                t.append("| ").append(first ? problem : "").append(" | ").append(first ? "**" + label + "**" : label).append(" | ")
                        .append(ms(c.path("min_ms").asDouble())).append(" | ").append(ms(c.path("median_ms").asDouble())).append(" | ")
                        .append(String.format(Locale.ROOT, "%.1f", c.path("iqr_ms").asDouble())).append(" | ")
                        .append(String.format(Locale.ROOT, "%.2fx", c.path("median_ms").asDouble() / ours)).append(" |\n");
                first = false;
            }
            t.append(String.format(Locale.ROOT, "| | physical limit (%.2f GFLOP at %.0f GFLOP/s peak sgemm) | | %.1f | | ours at %.2fx the limit |%n",
                    p.path("flops_per_iteration").asDouble() / 1e9, p.path("peak_sgemm_gflops").asDouble(),
                    p.path("physical_limit_ms").asDouble(), p.path("ours_over_limit").asDouble()));
        }
        return t.toString();
    }

    /** run generalization's bars (results.json): per task, % correct after each pre-training; the mean last. */
    static String generalization(List<JsonNode> runs) {
        JsonNode r = runs.get(0).path("results");
        List<String> keys = List.copyOf(GeneralizationSeeds.CONDITIONS.keySet());
        List<String> tasks = new ArrayList<>();
        r.path(keys.get(0)).fieldNames().forEachRemaining(tasks::add);
        StringBuilder t = conditionsHeader();
        for (String task : tasks) {
            t.append("| ").append(spaced(task)).append(" |");
            keys.forEach(k -> t.append(String.format(Locale.ROOT, " %.1f |", 100 * r.path(k).path(task).asDouble())));
            t.append('\n');
        }
        t.append("| mean |");
        keys.forEach(k -> t.append(String.format(Locale.ROOT, " **%.1f** |",
                100 * tasks.stream().mapToDouble(task -> r.path(k).path(task).asDouble()).average().orElse(Double.NaN))));
        return t.append('\n').toString();
    }

    /** run summary of generalization runs: per task (and the mean over tasks), each condition's mean ± sd over seeds. */
    static String generalizationSeeds(List<JsonNode> runs) {
        JsonNode c = runs.get(0).path("results").path("conditions");
        List<String> keys = List.copyOf(GeneralizationSeeds.CONDITIONS.keySet());
        List<String> rows = new ArrayList<>();
        c.path(keys.get(0)).fieldNames().forEachRemaining(rows::add);
        StringBuilder t = conditionsHeader();
        for (String row : rows) {
            boolean mean = row.equals("Mean");
            t.append("| ").append(mean ? "mean" : spaced(row)).append(" |");
            keys.forEach(k -> {
                String cell = String.format(Locale.ROOT, "%.1f ± %.1f", 100 * c.path(k).path(row).path("mean").asDouble(),
                        100 * c.path(k).path(row).path("sd").asDouble());
                t.append(' ').append(mean ? "**" + cell + "**" : cell).append(" |");
            });
            t.append('\n');
        }
        return t.toString();
    }

    private static StringBuilder conditionsHeader() {
        StringBuilder t = new StringBuilder("| task |");
        GeneralizationSeeds.CONDITIONS.values().forEach(label -> t.append(' ').append(label).append(" |"));
        return t.append("\n|---|").append("---|".repeat(GeneralizationSeeds.CONDITIONS.size())).append('\n');
    }

    /**
     * run summary of robustness runs: per perturbation family and method, % correct averaged over the perturbed levels
     * and the tasks (mean ± sd over seeds); the first row is the unperturbed accuracy.
     */
    static String robustnessSeeds(List<JsonNode> runs) {
        JsonNode families = runs.get(0).path("results").path("perturbations");
        List<String> methods = new ArrayList<>();
        families.elements().next().path("methods").fieldNames().forEachRemaining(methods::add);
        StringBuilder t = new StringBuilder("| perturbation (levels) |");
        methods.forEach(m -> t.append(' ').append(m).append(" |"));
        t.append("\n|---|").append("---|".repeat(methods.size())).append('\n');
        JsonNode any = families.elements().next();
        t.append("| none (unperturbed) |");
        methods.forEach(m -> t.append(String.format(Locale.ROOT, " %.1f ± %.1f |", any.path("methods").path(m).path("mean_over_seeds").get(0).asDouble(),
                any.path("methods").path(m).path("sd_over_seeds").get(0).asDouble())));
        t.append('\n');
        for (Map.Entry<String, JsonNode> f : (Iterable<Map.Entry<String, JsonNode>>) families::fields) {
            JsonNode levels = f.getValue().path("levels");
            t.append("| ").append(f.getKey()).append(" (").append(trim(levels.get(1).asDouble())).append("..")
                    .append(trim(levels.get(levels.size() - 1).asDouble())).append(") |");
            methods.forEach(m -> {
                double[] perSeed = RunDirectory.JSON.convertValue(f.getValue().path("methods").path(m).path("robustness_per_seed"), double[].class);
                org.molap.core.stats.Spread s = org.molap.core.stats.Spread.of(perSeed);
                t.append(String.format(Locale.ROOT, " %.1f ± %.1f |", 100 * s.mean(), 100 * s.sd()));
            });
            t.append('\n');
        }
        return t.toString();
    }

    /** "ContextMemDm1" -> "Context Mem Dm 1". */
    static String spaced(String task) {
        return task.replaceAll("(?<=[a-z])(?=[A-Z0-9])", " ");
    }

    private static String percent(JsonNode v) {
        return v.isNumber() ? String.format(Locale.ROOT, "%.1f%%", 100 * v.asDouble()) : "n/a";
    }

    private static String ms(double v) {
        return v >= 1000 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Two significant figures, as a factor: 1.8x, 34x, 2400x. */
    static String times(double v) {
        if (v < 10) {
            return String.format(Locale.ROOT, "%.1fx", v);
        }
        double scale = Math.pow(10, Math.floor(Math.log10(v)) - 1);
        return String.format(Locale.ROOT, "%.0fx", Math.round(v / scale) * scale);
    }

    static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
