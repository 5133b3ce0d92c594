package org.molap.experiments.disentangle;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.molap.core.run.RunDirectory;
import org.molap.core.stats.Quartiles;
import org.molap.experiments.Cli;
import org.molap.experiments.Experiment;
import org.molap.experiments.Options;
import org.molap.experiments.RunLifecycle;
import org.molap.experiments.RunOption;
import org.molap.experiments.parallel.NetworkUnits;
import org.molap.experiments.summary.Claim;

/**
 * {@code ./molap run disentangle}: seed 002 (Vafidis, Bhargava and Rangel, CogSci 2024), Fig. 1f-g: networks trained
 * on N_task classifications of a noisy D-dimensional stimulus, and how well a linear decoder of their state
 * generalises to an orthant it never saw, as N_task (and D) vary.
 */
public final class DisentangleExperiment implements Experiment {
  @Override
  public String name() {
    return "disentangle";
  }

  @Override
  public String summary() {
    return "Multitask classification (seed 002): out-of-distribution decoding of the stimulus as tasks and dimensions vary";
  }

  @Override
  public List<RunOption> options() {
    return List.of(RunOption.PROFILE, RunOption.OUT, RunOption.SEED, RunOption.TASK_COUNTS, RunOption.DIMS,
        RunOption.DISENTANGLE_NETWORKS, RunOption.DISENTANGLE_ITERATIONS, RunOption.DECODER_FITS, RunOption.READOUT,
        RunOption.DECISION_ONLY, RunOption.STIMULUS_NOISE, RunOption.WORKERS,
        RunOption.NETWORKS_FROM, RunOption.CHECKPOINT_EVERY);
  }

  @Override
  public void runUnit(Path settings, List<String> arguments, PrintStream console) throws IOException {
    DisentangleNetwork.runUnit(settings, arguments, console);
  }

  public static void main(String[] args) {
    Cli.runFromIde("disentangle", args);
  }

  @Override
  public Path run(Options options, PrintStream console) {
    DisentangleSettings s = DisentangleSettings.of(options);
    Map<String, Object> config = RunDirectory.JSON.convertValue(s, LinkedHashMap.class);
    NetworkUnits.Plan plan = NetworkUnits.Plan.of(options, name(), config);
    return RunLifecycle.execute(options, name(), config, Map.of("networks", s.seeds(), "test", DisentangleNetwork.TEST_SEED),
        run -> execute(s, plan, run, console));
  }

  private void execute(DisentangleSettings s, NetworkUnits.Plan plan, RunDirectory run, PrintStream console) {
    List<DisentangleNetwork.Unit> units = new ArrayList<>();
    for (long seed : s.seeds()) {          // seed by seed: a run stopped early has every condition at its first seeds
      for (int dims : s.dims()) {
        for (int tasks : s.taskCounts()) {
          units.add(new DisentangleNetwork.Unit(tasks, dims, seed, run.path().resolve(NetworkUnits.NETWORKS)
              .resolve(DisentangleNetwork.name(tasks, dims, seed)), s));
        }
      }
    }
    plan.train(name(), s, units, run, console);
    List<Condition> conditions = new ArrayList<>();
    for (int dims : s.dims()) {
      for (int tasks : s.taskCounts()) {
        conditions.add(new Condition(tasks, dims, units.stream().filter(u -> u.tasks() == tasks && u.dims() == dims)
            .map(u -> DisentangleNetwork.read(u.dir())).toList()));
      }
    }
    Map<String, double[][]> curves = new LinkedHashMap<>();
    conditions.forEach(c -> c.networks().forEach(r -> curves.put(DisentangleNetwork.name(r.tasks(), r.dims(), r.seed()), r.lossCurve())));
    NetworkUnits.writeLossCurves(run, curves);
    List<Claim> claims = DisentangleSummary.claims(conditions, s.profile().equals("quick"), s.ceiling());
    DisentangleFigures.write(run, conditions, s);
    run.writeJson(RunDirectory.RESULTS, results(s, conditions, claims));
    print(conditions, claims, s.ceiling(), console);
  }

  private static Map<String, Object> results(DisentangleSettings s, List<Condition> conditions, List<Claim> claims) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("experiment", "disentangle");
    out.put("profile", s.profile());
    out.put("ceiling", s.ceiling());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Condition c : conditions) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("tasks", c.tasks());
      row.put("dims", c.dims());
      row.put("decoder", c.decoder());
      row.put("parameters", c.networks().get(0).parameters());
      row.put("id", quartiles(c.id()));
      row.put("ood", quartiles(c.ood()));
      row.put("id_least_squares", quartiles(c.idLeastSquares()));
      row.put("ood_least_squares", quartiles(c.oodLeastSquares()));
      row.put("accuracy", c.networks().stream().mapToDouble(DisentangleNetwork.Result::accuracy).toArray());
      row.put("top3_variance", c.networks().stream().mapToDouble(DisentangleNetwork.Result::top3Variance).toArray());
      row.put("decoder_angle", c.median(r -> java.util.Arrays.stream(r.angleOod()).average().orElse(Double.NaN)));
      row.put("seconds", c.networks().stream().mapToDouble(DisentangleNetwork.Result::seconds).toArray());
      row.put("networks", c.networks().stream().map(r -> perFold(c, r)).toList());
      rows.add(row);
    }
    out.put("conditions", rows);
    out.put("claims", claims.stream().map(Claim::json).toList());
    return out;
  }

  /** One network's row of the per-fold table: fold q holds out orthants q mod 4. */
  private static Map<String, Object> perFold(Condition c, DisentangleNetwork.Result r) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("seed", r.seed());
    row.put("accuracy", r.accuracy());
    row.put("id_folds", c.folds(r, false));
    row.put("ood_folds", c.folds(r, true));
    row.put("id_least_squares_folds", r.idLeastSquares());
    row.put("ood_least_squares_folds", r.oodLeastSquares());
    row.put("decoder_angle_folds", r.angleOod());
    row.put("seconds", r.seconds());
    return row;
  }

  private static Map<String, Object> quartiles(double[] values) {
    Quartiles q = Quartiles.of(values);
    return Map.of("median", q.median(), "q1", q.q1(), "q3", q.q3(), "values", values);
  }

  private static void print(List<Condition> conditions, List<Claim> claims, double ceiling, PrintStream console) {
    console.printf("%n%-16s %8s %16s %16s %9s %7s %9s%n", "condition", "params", "ID r^2", "OOD r^2", "accuracy", "top-3", "s/network");
    for (Condition c : conditions) {
      console.printf("%-16s %8d %16s %16s %9.3f %7.3f %9.0f%n", c.label(), c.networks().get(0).parameters(), format(c.idQ()),
          format(c.oodQ()), c.median(DisentangleNetwork.Result::accuracy), c.median(DisentangleNetwork.Result::top3Variance),
          c.median(DisentangleNetwork.Result::seconds));
    }
    console.printf("(medians over networks x folds%s; the ideal observer's ceiling %.3f)%n",
        conditions.get(0).adam() ? " x fits of the paper's Adam decoder" : ", least-squares decoder", ceiling);
    claims.forEach(c -> c.print(console));
  }

  private static String format(Quartiles q) {
    return String.format("%.3f [%.2f-%.2f]", q.median(), q.q1(), q.q3());
  }
}
