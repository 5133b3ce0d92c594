package org.molap.experiments.robustness;

import org.molap.core.perturb.Perturbation;
import org.molap.core.run.RunDirectory;
import org.molap.core.stats.Spread;
import org.molap.core.tasks.Trials;
import org.molap.dl4j.perturb.PerturbationSweep;
import org.molap.experiments.Cli;
import org.molap.experiments.Experiment;
import org.molap.experiments.Options;
import org.molap.experiments.Profile;
import org.molap.experiments.RunLifecycle;
import org.molap.experiments.RunOption;
import org.molap.experiments.baselines.BaselineSettings;
import org.molap.experiments.baselines.BaselinesExperiment;
import org.molap.experiments.baselines.MethodResult;
import org.molap.experiments.baselines.NetworkSink;
import org.molap.experiments.parallel.ChildJvms;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.nio.file.Files;

/**
 * {@code ./molap run robustness}: seed 000 section 4.1 (Figs. 3, 4, S1-S5, A.4). Trains the methods of the comparison
 * as {@code run baselines} does, then perturbs every method's trained network for every task (lesions in module 1,
 * module 2, between modules and anywhere, activity silencing, weight noise), each level in random draws, and scores
 * the decisions on the task's test set: curves of % correct against the level, per task and averaged over the tasks.
 */
public final class RobustnessExperiment implements Experiment {
    private static final double[] QUICK_PERCENTS = {10, 30, 50};
    private static final double[] PAPER_PERCENTS = {5, 10, 20, 30, 40, 50};
    private static final double[] QUICK_SIGMAS = {0.01, 0.03};
    private static final double[] PAPER_SIGMAS = {0.005, 0.01, 0.015, 0.02, 0.025, 0.03};

    @Override
    public String name() {
        return "robustness";
    }

    @Override
    public String summary() {
        return "Lesions, silencing and weight noise on every method's trained networks: % correct against the level";
    }

    @Override
    public List<RunOption> options() {
        return Options.join(RunOption.COMMON, RunOption.MOLAP, List.of(RunOption.METHODS, RunOption.DNI_ALPHA,
                RunOption.LR_BASELINES, RunOption.DRAWS, RunOption.WORKERS));
    }

    /** IDE entry point: the same as {@code ./molap run robustness [options]}. */
    public static void main(String[] args) {
        Cli.runFromIde("robustness", args);
    }

    @Override
    public Path run(Options options, PrintStream console) {
        BaselineSettings b = BaselineSettings.of(options);
        boolean paper = options.profile() == Profile.PAPER;
        int draws = options.positive("draws", paper ? 30 : 3);
        double[] percents = paper ? PAPER_PERCENTS : QUICK_PERCENTS;
        double[] sigmas = paper ? PAPER_SIGMAS : QUICK_SIGMAS;
        int workers = options.positive("workers", ChildJvms.cores());
        List<PerturbationFamily> families = PerturbationFamily.paperFamilies(percents, sigmas);
        Map<String, Object> config = new LinkedHashMap<>(b.describe());
        config.put("draws", draws);
        Map<String, Object> levels = new LinkedHashMap<>();
        families.forEach(f -> levels.put(f.name(), f.levels()));
        config.put("perturbation_levels", levels);
        return RunLifecycle.execute(options, name(), config, b.seeds(), run -> execute(b, percents, sigmas, draws, workers, run, console));
    }

    private void execute(BaselineSettings b, double[] percents, double[] sigmas, int draws, int workers, RunDirectory run,
                         PrintStream console) {
        List<PerturbationFamily> families = PerturbationFamily.paperFamilies(percents, sigmas);
        long start = System.nanoTime();
        List<NetworkSink.Trained> networks = new ArrayList<>();
        List<MethodResult> methods = BaselinesExperiment.train(b, run, console, networks::add);
        long sweepStart = System.nanoTime();
        SweepPlan plan = new SweepPlan(percents, sigmas, draws, b.molap().seed() + 31_000);
        List<SweepUnit> units = new ArrayList<>();
        for (NetworkSink.Trained t : networks) {
            units.add(new SweepUnit(t.method(), t.task().name(), t.scored(), t.network(),
                    run.file("sweep").resolve(t.method()).resolve(t.task().name() + ".json")));
        }
        List<Integer> pending = IntStream.range(0, units.size()).filter(i -> !Files.exists(units.get(i).output())).boxed().toList();
        int parallel = Math.min(workers, pending.size());
        console.printf("Perturbation sweep: %d networks (%d swept before this run resumed), %d families, %d draws per level, %s%n",
                units.size(), units.size() - pending.size(), families.size(), draws, parallel > 1 ? parallel + " child JVMs" : "in this JVM");
        // one test set per task and seed (DNI's tasks are other tasks of the same names: inputs padded to every channel)
        Map<List<Object>, Trials> tests = new java.util.HashMap<>();
        java.util.function.Function<NetworkSink.Trained, Trials> test = t -> tests.computeIfAbsent(List.of(t.task(), t.testSeed()),
                k -> t.task().sample(b.molap().testTrials(), new Random(t.testSeed()), b.molap().phases().dtype()));
        if (parallel > 1) {
            SweepWorkers.run(plan, pending.stream().map(units::get).toList(), i -> test.apply(networks.get(pending.get(i))), parallel,
                    run.file("sweep"), console);
        } else {
            for (int i : pending) {
                Trials trials = test.apply(networks.get(i));
                units.get(i).writeAccuracy(plan.perturb(units.get(i).network(), trials.inputs(), trials.targets(), units.get(i).scored()));
                console.printf("perturbed %s / %s%n", units.get(i).method(), units.get(i).task());
            }
        }
        Map<String, Map<String, Map<String, double[][]>>> byFamily = new LinkedHashMap<>();   // family -> method -> task -> [level][draw]
        for (SweepUnit u : units) {
            SweepUnit.readAccuracy(u.output()).forEach((family, acc) -> byFamily.computeIfAbsent(family, k -> new LinkedHashMap<>())
                    .computeIfAbsent(u.method(), k -> new LinkedHashMap<>()).put(u.task(), acc));
        }
        Map<String, Object> perturbations = new LinkedHashMap<>();
        for (PerturbationFamily f : families) {
            double[] xs = new double[f.levels().length + 1];
            System.arraycopy(f.levels(), 0, xs, 1, f.levels().length);
            Map<String, Object> m = new LinkedHashMap<>();
            Map<String, double[][]> overall = new LinkedHashMap<>();
            byFamily.get(f.name()).forEach((method, tasks) -> {
                Map<String, Object> perTask = new LinkedHashMap<>();
                tasks.forEach((task, acc) -> perTask.put(task, summary(acc)));
                double[][] meanOverTasks = meanOverTasks(tasks.values(), xs.length, draws);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("tasks", perTask);
                entry.put("mean_over_tasks", summary(meanOverTasks));
                m.put(method, entry);
                overall.put(method, meanOverTasks);
            });
            Map<String, Object> family = new LinkedHashMap<>();
            family.put("axis", f.axis());
            family.put("levels", xs);
            family.put("methods", m);
            perturbations.put(f.name(), family);
            RobustnessFigures.write(run.figures(), f, xs, byFamily.get(f.name()), overall);
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("experiment", name());
        results.put("profile", b.molap().profile().id());
        Map<String, Object> unperturbedByMethod = new LinkedHashMap<>();
        methods.forEach(r -> unperturbedByMethod.put(r.method(), r.meanAccuracy()));
        results.put("unperturbed_mean_accuracy", unperturbedByMethod);
        results.put("draws", draws);
        results.put("perturbations", perturbations);
        // Fig. 3 b-e: MoLaP on T9 (or the last task it learned) with 30% of a module's or the inter-module weights lesioned
        networks.stream().filter(t -> t.method().equals(BaselinesExperiment.MOLAP_METHOD))
                .reduce((a, c) -> a.task().name().equals("MultiMem") ? a : c)
                .ifPresent(t -> results.put("lesioned_traces", LesionedTraces.write(run.figures(), t.method(), t.task().name(),
                        t.task().outputChannels(), t.network(), test.apply(t), b.molap().seed() + 32_000)));
        results.put("sweep_seconds", (System.nanoTime() - sweepStart) / 1e9);
        results.put("wall_clock_seconds", (System.nanoTime() - start) / 1e9);
        run.writeJson(RunDirectory.RESULTS, results);
        console.printf("Perturbation sweep: %d networks, %.0f s%n", networks.size(), (System.nanoTime() - sweepStart) / 1e9);
    }

    /** Per level: the mean and standard deviation over draws, as fractions. */
    private static Map<String, Object> summary(double[][] accuracy) {
        double[] mean = new double[accuracy.length];
        double[] sd = new double[accuracy.length];
        for (int l = 0; l < accuracy.length; l++) {
            Spread s = Spread.of(accuracy[l]);
            mean[l] = s.mean();
            sd[l] = s.sd();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", mean);
        m.put("sd", sd);
        return m;
    }

    /** Per level and draw, the mean over tasks (draw d of every task: the same seeds). */
    private static double[][] meanOverTasks(java.util.Collection<double[][]> tasks, int levels, int draws) {
        double[][] mean = new double[levels][draws];
        for (double[][] acc : tasks) {
            for (int l = 0; l < levels; l++) {
                for (int d = 0; d < draws; d++) {
                    mean[l][d] += acc[l][d] / tasks.size();
                }
            }
        }
        return mean;
    }
}
