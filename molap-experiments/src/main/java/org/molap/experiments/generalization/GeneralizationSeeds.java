package org.molap.experiments.generalization;

import com.fasterxml.jackson.databind.JsonNode;
import org.molap.core.run.RunDirectory;
import org.molap.core.stats.Spread;
import org.molap.core.tasks.MolapTasks;
import org.molap.experiments.summary.Claim;
import org.molap.experiments.summary.SeedRunSet;
import org.molap.export.BarChart;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.molap.experiments.summary.Claim.pm;
import static org.molap.experiments.summary.Claim.pmPoints;

/**
 * {@code ./molap run summary} of {@code run generalization} runs (seed 000 section 4.2, Fig. 5) over seeds: per
 * pre-training condition and task the mean and standard deviation over seeds, the bars of Fig. 5 with that spread,
 * and a verdict on each of the section's claims.
 */
public final class GeneralizationSeeds {
    /** The conditions of Fig. 5, as results.json names them, and their labels. */
    public static final Map<String, String> CONDITIONS = conditions();
    private static final String T7 = "ContextMemDm1";

    private GeneralizationSeeds() {
    }

    private static Map<String, String> conditions() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cca_every_task", "CCA, every task");
        m.put("cca_leave_one_out", "CCA, leave-one-out");
        m.put("cca_leave_two_out", "CCA, leave-two-out");
        m.put("pca_leave_one_out", "PCA, leave-one-out");
        m.put("pca_leave_two_out", "PCA, leave-two-out");
        return java.util.Collections.unmodifiableMap(m);
    }

    public static void write(SeedRunSet runs, RunDirectory run, PrintStream console) {
        List<String> tasks = MolapTasks.names();
        Map<String, Object> conditions = new LinkedHashMap<>();
        LinkedHashMap<String, double[]> means = new LinkedHashMap<>();
        LinkedHashMap<String, double[]> sds = new LinkedHashMap<>();
        List<String> categories = new ArrayList<>(tasks);
        categories.add("Mean");
        for (Map.Entry<String, String> c : CONDITIONS.entrySet()) {
            Map<String, Object> byTask = new LinkedHashMap<>();
            double[] mean = new double[categories.size()];
            double[] sd = new double[categories.size()];
            for (int i = 0; i < categories.size(); i++) {
                Spread s = Spread.of(perSeed(runs, c.getKey(), i < tasks.size() ? List.of(tasks.get(i)) : tasks));
                byTask.put(categories.get(i), stats(s, perSeed(runs, c.getKey(), i < tasks.size() ? List.of(tasks.get(i)) : tasks)));
                mean[i] = 100 * s.mean();
                sd[i] = 100 * s.sd();
            }
            conditions.put(c.getKey(), byTask);
            means.put(c.getValue(), mean);
            sds.put(c.getValue(), sd);
        }
        List<Claim> claims = claims(runs, tasks);
        runs.writeSummary(run, "conditions", conditions, claims, console);
        BarChart.write(run.figures().resolve("generalization.png"), "Decisions correct on the task the primitives did not see, mean ± sd over "
                + runs.seeds().size() + " seeds", "% correct", categories, means, sds, 0, 105, 70.0);
    }

    static List<Claim> claims(SeedRunSet runs, List<String> tasks) {
        List<Claim> claims = new ArrayList<>();
        for (String out : List.of("one", "two")) {
            String cca = "cca_leave_" + out + "_out";
            String pca = "pca_leave_" + out + "_out";
            Spread diff = paired(runs, cca, pca, tasks);
            claims.add(new Claim("With " + out + " task" + (out.equals("one") ? "" : "s") + " left out of the primitives, CCA generalises better than PCA",
                    "the mean over the nine left-out tasks, CCA minus PCA on the same seeds, exceeds twice its standard error",
                    Claim.better(diff), "mean over the tasks: CCA " + pm(Spread.of(perSeed(runs, cca, tasks))) + ", PCA "
                    + pm(Spread.of(perSeed(runs, pca, tasks))) + " (CCA minus PCA: " + pmPoints(diff) + ")"));
        }
        double[] drop = new double[tasks.size()];
        for (int i = 0; i < tasks.size(); i++) {
            drop[i] = paired(runs, "cca_every_task", "cca_leave_one_out", List.of(tasks.get(i))).mean();
        }
        int worst = 0;
        for (int i = 1; i < drop.length; i++) {
            worst = drop[i] > drop[worst] ? i : worst;
        }
        StringBuilder evidence = new StringBuilder("accuracy lost when the task is left out (CCA every task minus CCA leave-one-out, mean over seeds):");
        for (int i = 0; i < tasks.size(); i++) {
            evidence.append(String.format(" %s %+.1f", tasks.get(i), 100 * drop[i]));
        }
        claims.add(new Claim("Performance on T7 (Context Mem Dm 1) is relatively worse when it is left out than other tasks are when left out",
                "T7's loss from being left out (CCA every task minus CCA leave-one-out, mean over seeds) is the largest of the nine",
                tasks.get(worst).equals(T7), evidence + " points; the largest is " + tasks.get(worst)));
        return claims;
    }

    /** The condition's mean over {@code tasks}, one value per seed. */
    static double[] perSeed(SeedRunSet runs, String condition, List<String> tasks) {
        return runs.resultsBySeed().values().stream().mapToDouble(r -> meanOver(r.path(condition), tasks)).toArray();
    }

    private static Spread paired(SeedRunSet runs, String a, String b, List<String> tasks) {
        return Spread.of(runs.resultsBySeed().values().stream()
                .mapToDouble(r -> meanOver(r.path(a), tasks) - meanOver(r.path(b), tasks)).toArray());
    }

    private static double meanOver(JsonNode byTask, List<String> tasks) {
        return tasks.stream().mapToDouble(t -> byTask.path(t).asDouble(Double.NaN)).average().orElse(Double.NaN);
    }

    private static Map<String, Object> stats(Spread s, double[] perSeed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", s.mean());
        m.put("sd", s.sd());
        m.put("per_seed", perSeed);
        return m;
    }
}
