package org.molap.experiments.generalization;

import org.molap.core.primitives.LatentPrimitives;
import org.molap.core.run.RunDirectory;
import org.molap.core.tasks.MolapTasks;
import org.molap.dl4j.train.TrainingListener;
import org.molap.experiments.Cli;
import org.molap.experiments.Experiment;
import org.molap.experiments.Options;
import org.molap.experiments.RunLifecycle;
import org.molap.experiments.RunOption;
import org.molap.experiments.RunRecording;
import org.molap.experiments.UsageException;
import org.molap.experiments.molap.MolapMethod;
import org.molap.experiments.molap.MolapSettings;
import org.molap.export.BarChart;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./molap run generalization}: seed 000 section 4.2 (Fig. 5). For each task, the primitives (CCA, and PCA for
 * comparison) are fitted and the modules pre-trained without it (leave-one-out), or without it and the next task
 * (leave-two-out; T9 pairs with T1); then the left-out tasks' heads are trained on that core and scored. Beside them
 * the CCA core fitted on every task. Only the heads whose scores are reported are trained.
 */
public final class GeneralizationExperiment implements Experiment {
    @Override
    public String name() {
        return "generalization";
    }

    @Override
    public String summary() {
        return "Leave-one-out and leave-two-out pre-training (CCA and PCA): accuracy on the tasks the primitives never saw";
    }

    @Override
    public List<RunOption> options() {
        return Options.join(RunOption.COMMON, RunOption.MOLAP.stream().filter(o -> o != RunOption.LEAVE_OUT
                && o != RunOption.PRIMITIVES && o != RunOption.TASKS).toList());
    }

    /** IDE entry point: the same as {@code ./molap run generalization [options]}. */
    public static void main(String[] args) {
        Cli.runFromIde("generalization", args);
    }

    @Override
    public Path run(Options options, PrintStream console) {
        MolapSettings s = MolapSettings.of(options);
        if (!s.pretrains()) {
            throw new UsageException("run generalization needs pre-training.");
        }
        return RunLifecycle.execute(options, name(), s.describe(), Map.of("seed", s.seed()), run -> execute(s, run, console));
    }

    private void execute(MolapSettings all, RunDirectory run, PrintStream console) {
        long start = System.nanoTime();
        List<String> tasks = MolapTasks.names();
        LinkedHashMap<String, double[]> bars = new LinkedHashMap<>();
        Map<String, Object> results = new LinkedHashMap<>();
        try (RunRecording recording = RunRecording.open(run, all.probes().schedule(all))) {
            double[] full = new double[tasks.size()];
            Map<String, Double> scores = train(all.leavingOut(List.of(), tasks), "cca-all", recording, console);
            for (int k = 0; k < tasks.size(); k++) {
                full[k] = scores.get(tasks.get(k));
            }
            bars.put("CCA, every task", percent(full));
            results.put("cca_every_task", byTask(tasks, full));
            for (LatentPrimitives.Method method : List.of(LatentPrimitives.Method.CCA, LatentPrimitives.Method.PCA)) {
                MolapSettings m = all.withPrimitives(method);
                for (int leftOut : new int[] {1, 2}) {
                    double[] acc = new double[tasks.size()];
                    for (int k = 0; k < tasks.size(); k++) {
                        List<String> set = leftOut == 1 ? List.of(tasks.get(k)) : List.of(tasks.get(k), tasks.get((k + 1) % tasks.size()));
                        String label = method.name().toLowerCase() + "-without-" + String.join("-", set);
                        acc[k] = train(m.leavingOut(set, set), label, recording, console).get(tasks.get(k));
                    }
                    String key = method.name().toLowerCase() + (leftOut == 1 ? "_leave_one_out" : "_leave_two_out");
                    bars.put(method.name() + (leftOut == 1 ? ", leave-one-out" : ", leave-two-out"), percent(acc));
                    results.put(key, byTask(tasks, acc));
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("experiment", name());
        out.put("profile", all.profile().id());
        out.putAll(results);
        out.put("wall_clock_seconds", (System.nanoTime() - start) / 1e9);
        run.writeJson(RunDirectory.RESULTS, out);
        BarChart.write(run.figures().resolve("generalization.png"), "Decisions correct on the task the primitives did not see"
                + " (leave-two-out: it and the next)", "% correct", tasks, bars, 0, 105, 70.0);
        console.printf("%n%-15s", "Task");
        bars.keySet().forEach(k -> console.printf(" %24s", k));
        console.println();
        for (int k = 0; k < tasks.size(); k++) {
            console.printf("%-15s", tasks.get(k));
            for (double[] v : bars.values()) {
                console.printf(" %23.1f%%", v[k]);
            }
            console.println();
        }
    }

    /** One MoLaP run of these settings; its phases are logged under {@code label}. The left-out tasks' scores by name. */
    private static Map<String, Double> train(MolapSettings s, String label, TrainingListener metrics, PrintStream console) {
        console.printf("%n== %s ==%n", label);
        MolapMethod.Outcome outcome = new MolapMethod(s, List.of(it -> metrics.onIteration(it.inPhase(label + "/" + it.phase()))), console)
                .run(new MolapMethod.Hooks() {
                });
        Map<String, Double> scores = new LinkedHashMap<>();
        outcome.scores().forEach((task, score) -> scores.put(task, score.accuracy()));
        return scores;
    }

    private static double[] percent(double[] fractions) {
        double[] p = new double[fractions.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = 100 * fractions[i];
        }
        return p;
    }

    private static Map<String, Double> byTask(List<String> tasks, double[] acc) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int k = 0; k < tasks.size(); k++) {
            m.put(tasks.get(k), acc[k]);
        }
        return m;
    }
}
