package org.molap.experiments.baselines;

import org.molap.experiments.generalization.GeneralizationSeeds;
import org.molap.experiments.robustness.RobustnessSeeds;
import org.molap.experiments.summary.SeedRunSet;
import java.nio.file.Files;

import org.molap.core.run.RunDirectory;
import org.molap.core.stats.Spread;
import org.molap.experiments.Cli;
import org.molap.experiments.Experiment;
import org.molap.experiments.Options;
import org.molap.experiments.RunLifecycle;
import org.molap.experiments.UsageException;
import org.molap.experiments.molap.TaskScore;
import org.molap.export.BarChart;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./molap run summary --runs <dir>[,<dir>...]}: a study over seeds. Runs of {@code run generalization} or
 * {@code run robustness} (one per seed) go to {@link GeneralizationSeeds} or {@link RobustnessSeeds}; otherwise it is
 * the baselines comparison over seeds. Reads completed
 * {@code run baselines} directories of one configuration (one per seed, or several per seed that split the
 * methods), and writes per method and task the mean and standard deviation over seeds, the parameter and
 * update counts, and a verdict on each claim of seed 000 section 4 ({@link ClaimVerdicts}).
 */
public final class SeedSummary implements Experiment {

    @Override
    public String name() {
        return "summary";
    }

    @Override
    public String summary() {
        return "Baselines over seeds: mean and spread per task and method, and a verdict per claim of seed 000 (--runs <dirs>)";
    }

    @Override
    public java.util.List<org.molap.experiments.RunOption> options() {
        return java.util.List.of(org.molap.experiments.RunOption.RUNS, org.molap.experiments.RunOption.OUT);
    }

    /** IDE entry point: the same as {@code ./molap run summary [options]}. */
    public static void main(String[] args) {
        Cli.runFromIde("summary", args);
    }

    @Override
    public Path run(Options options, PrintStream console) {
        if (options.get("runs") == null) {
            throw new UsageException("run summary needs --runs: baselines run directories, or folders of them, separated by commas.");
        }
        List<Path> paths = Arrays.stream(options.get("runs").split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Path::of).toList();
        String experiment = paths.isEmpty() || !Files.isRegularFile(paths.get(0).resolve(RunDirectory.MANIFEST)) ? "baselines"
                : SeedRunSet.experimentOf(paths.get(0));
        if (experiment.equals("generalization") || experiment.equals("robustness")) {
            SeedRunSet set = SeedRunSet.read(paths, experiment);
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("source_runs", paths.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
            config.put(experiment + "_config", set.config());
            return RunLifecycle.execute(options, name(), config, Map.of("seeds", set.seeds()), run -> {
                run.recordInManifest("profile", set.config().path("profile").asText());
                if (experiment.equals("generalization")) {
                    GeneralizationSeeds.write(set, run, console);
                } else {
                    RobustnessSeeds.write(set, run, console);
                }
            });
        }
        SeedRuns runs = SeedRuns.read(paths);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("source_runs", runs.sources.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
        config.put("baselines_config", runs.config);
        Map<String, String> skipped = new LinkedHashMap<>();
        runs.skipped.forEach((dir, status) -> {
            skipped.put(dir.toAbsolutePath().normalize().toString(), status);
            console.printf("left out %s (%s)%n", dir, status);
        });
        config.put("skipped_runs", skipped);
        Map<String, Object> seeds = new LinkedHashMap<>();
        runs.methods.forEach((m, r) -> seeds.put(m, List.copyOf(r.bySeed().keySet())));
        return RunLifecycle.execute(options, name(), config, seeds, run -> write(runs, run, console));
    }

    private void write(SeedRuns runs, RunDirectory run, PrintStream console) {
        run.recordInManifest("profile", runs.config.path("profile").asText()); // the runs' profile, not the default
        Map<String, Object> methods = new LinkedHashMap<>();
        LinkedHashMap<String, double[]> means = new LinkedHashMap<>();
        LinkedHashMap<String, double[]> sds = new LinkedHashMap<>();
        List<String> categories = new ArrayList<>(runs.tasks);
        categories.add("Mean");
        StringBuilder table = new StringBuilder(String.format("%n%-15s", "Task"));
        runs.methods.keySet().forEach(m -> table.append(String.format(" %24s", m)));
        table.append('\n');
        for (Map.Entry<String, SeedRuns.MethodRuns> e : runs.methods.entrySet()) {
            String method = e.getKey();
            Map<String, Object> tasks = new LinkedHashMap<>();
            double[] mean = new double[categories.size()];
            double[] sd = new double[categories.size()];
            for (int i = 0; i < runs.tasks.size(); i++) {
                String task = runs.tasks.get(i);
                Spread s = spread(runs, method, List.of(task), "accuracy");
                Map<String, Object> t = stats(s);
                t.put(TaskScore.LENIENT_KEY, spread(runs, method, List.of(task), TaskScore.LENIENT_KEY).mean());
                t.put("per_seed", runs.perSeed(method, List.of(task), "accuracy"));
                tasks.put(task, t);
                mean[i] = 100 * s.mean();
                sd[i] = 100 * s.sd();
            }
            Spread overall = spread(runs, method, runs.tasks, "accuracy");
            mean[runs.tasks.size()] = 100 * overall.mean();
            sd[runs.tasks.size()] = 100 * overall.sd();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", e.getValue().label());
            m.put("seeds", List.copyOf(e.getValue().bySeed().keySet()));
            m.put("tasks", tasks);
            m.put("mean_accuracy", overall.mean());
            m.put("mean_accuracy_over_seeds", stats(overall));
            m.put("mean_" + TaskScore.LENIENT_KEY, spread(runs, method, runs.tasks, TaskScore.LENIENT_KEY).mean());
            long seed = e.getValue().bySeed().firstKey();
            for (String count : List.of("parameters", "trained_parameters", "parameter_updates")) {
                m.put(count, runs.count(method, seed, count));
            }
            methods.put(method, m);
            means.put(e.getValue().label(), mean);
            sds.put(e.getValue().label(), sd);
        }
        for (int i = 0; i < categories.size(); i++) {
            table.append(String.format("%-15s", categories.get(i)));
            for (String label : means.keySet()) {
                table.append(String.format(" %16.1f ± %4.1f%%", means.get(label)[i], sds.get(label)[i]));
            }
            table.append('\n');
        }
        List<org.molap.experiments.summary.Claim> claims = ClaimVerdicts.judge(runs);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("experiment", name());
        results.put("profile", runs.config.path("profile").asText());
        results.put("methods", methods);
        results.put("claims", claims.stream().map(org.molap.experiments.summary.Claim::json).toList());
        run.writeJson(RunDirectory.RESULTS, results);
        BarChart.write(run.figures().resolve(ComparisonFigures.ACCURACY), "Decisions correct, mean ± sd over seeds, by method",
                "% correct", categories, means, sds, 0, 105, 70.0);
        console.print(table);
        claims.forEach(c -> c.print(console));
    }

    private static Spread spread(SeedRuns runs, String method, List<String> tasks, String key) {
        return Spread.of(runs.perSeed(method, tasks, key));
    }

    /** accuracy (the mean, so that reports read it as any task's accuracy), sd, n, min, max. */
    private static Map<String, Object> stats(Spread s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", s.mean());
        m.put("sd", s.sd());
        m.put("n", s.n());
        m.put("min", s.min());
        m.put("max", s.max());
        return m;
    }
}
