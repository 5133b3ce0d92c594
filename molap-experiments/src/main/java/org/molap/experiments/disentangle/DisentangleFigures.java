package org.molap.experiments.disentangle;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.molap.core.run.RunDirectory;
import org.molap.core.stats.Quartiles;
import org.molap.export.BarChart;
import org.molap.export.LineChart;
import org.molap.experiments.parallel.NetworkUnits;
import org.nd4j.linalg.factory.Nd4j;

/** Seed 002's figures (Fig. 1f, 1g) and the arrays behind them. */
final class DisentangleFigures {
  private DisentangleFigures() {
  }

  static void write(RunDirectory run, List<Condition> conditions, DisentangleSettings s) {
    List<Condition> flat = conditions.stream().filter(c -> c.dims() == 2).toList();
    if (!flat.isEmpty()) {
      r2(run, flat, s.ceiling());
      perNetwork(run, flat, s.ceiling());
    }
    if (conditions.stream().mapToInt(Condition::dims).distinct().count() > 1) {
      byDimension(run, conditions);
    }
    if (!flat.isEmpty()) {
      attractor(run, flat.get(flat.size() - 1));
    }
    LinkedHashMap<String, double[][]> curves = new LinkedHashMap<>();
    conditions.forEach(c -> curves.put(c.label(), org.molap.experiments.molap.LossCurve.columns(c.networks().get(0).lossCurve())));
    LineChart.write(run.figures().resolve("disentangle_loss.png"), "Training loss, the first network of each condition", "iteration",
        s.lossLabel() + " (batch of 16)", curves, true);
    for (Condition c : conditions) {
      String stem = "tasks" + c.tasks() + (c.dims() == 2 ? "" : "_dims" + c.dims());
      NetworkUnits.writeArray(run.arrays(), stem + "_r2_id.npy", Nd4j.createFromArray(c.id()));
      NetworkUnits.writeArray(run.arrays(), stem + "_r2_ood.npy", Nd4j.createFromArray(c.ood()));
    }
  }

  /** Fig. 1f: in- and out-of-distribution r^2 per N_task (medians, bars half the IQR), the ideal observer dashed. */
  private static void r2(RunDirectory run, List<Condition> flat, double ceiling) {
    List<String> labels = flat.stream().map(Condition::label).toList();
    LinkedHashMap<String, double[]> median = new LinkedHashMap<>();
    Map<String, double[]> bars = new LinkedHashMap<>();
    put(median, bars, "in distribution", flat.stream().map(Condition::idQ).toList());
    put(median, bars, "out of distribution", flat.stream().map(Condition::oodQ).toList());
    double low = Math.min(0, median.values().stream().flatMapToDouble(Arrays::stream).min().orElse(0) - 0.1);
    BarChart.write(run.figures().resolve("disentangle_r2.png"), "Decoding the stimulus from the final state, by number of tasks ("
            + flat.get(0).decoder() + "; bars: IQR / 2)", "r^2 = 1 - MSE / (1/12)", labels, median, bars,
        Math.floor(low * 10) / 10, 1, ceiling);
  }

  /**
   * Every network, not only the medians: its r^2 averaged over the 4 folds, in distribution just left of its N_task and
   * out of it just right, the medians over networks as lines, the ideal observer's ceiling dashed.
   */
  private static void perNetwork(RunDirectory run, List<Condition> flat, double ceiling) {
    LinkedHashMap<String, double[][]> points = new LinkedHashMap<>();
    LinkedHashMap<String, double[][]> lines = new LinkedHashMap<>();
    for (boolean ood : new boolean[] {false, true}) {
      String name = ood ? "out of distribution" : "in distribution";
      double offset = ood ? 0.2 : -0.2;
      List<Double> xs = new java.util.ArrayList<>();
      List<Double> ys = new java.util.ArrayList<>();
      double[] medians = new double[flat.size()];
      for (int i = 0; i < flat.size(); i++) {
        double[] values = flat.get(i).perNetwork(ood);
        for (double v : values) {
          xs.add(flat.get(i).tasks() + offset);
          ys.add(v);
        }
        medians[i] = Quartiles.of(values).median();
      }
      points.put(name, new double[][] {xs.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray()});
      lines.put(name + ", median", new double[][] {flat.stream().mapToDouble(c -> c.tasks() + offset).toArray(), medians});
    }
    double[] span = {flat.get(0).tasks() - 0.5, flat.get(flat.size() - 1).tasks() + 0.5};
    lines.put("ideal observer", new double[][] {span, {ceiling, ceiling}});
    org.molap.export.ScatterChart.write(run.figures().resolve("disentangle_networks.png"), "Each network's r^2, mean over its 4 folds ("
        + flat.get(0).decoder() + ")", "N_task", "r^2", points, lines, false);
  }

  /** Fig. 1g: out-of-distribution r^2 per N_task, one series per stimulus dimension D. */
  private static void byDimension(RunDirectory run, List<Condition> conditions) {
    List<Integer> tasks = conditions.stream().map(Condition::tasks).distinct().sorted().toList();
    LinkedHashMap<String, double[]> series = new LinkedHashMap<>();
    conditions.stream().mapToInt(Condition::dims).distinct().sorted().forEach(d -> series.put("D = " + d,
        tasks.stream().mapToDouble(n -> conditions.stream().filter(c -> c.dims() == d && c.tasks() == n).findFirst()
            .map(c -> c.oodQ().median()).orElse(Double.NaN)).toArray()));
    BarChart.write(run.figures().resolve("disentangle_dims.png"), "Out-of-distribution r^2 by number of tasks and stimulus dimension"
            + " (medians)", "OOD r^2  [x: N_task]", tasks.stream().map(String::valueOf).toList(), series, null,
        Math.min(0, Math.floor(series.values().stream().flatMapToDouble(Arrays::stream).filter(Double::isFinite).min().orElse(0) * 10) / 10),
        1, null);
  }

  /**
   * Fig. 1d: the first network of the condition with the most tasks, its noise-free trajectories on their first two
   * principal components coloured by the stimulus's quadrant, and its slow points.
   */
  private static void attractor(RunDirectory run, Condition c) {
    DisentangleNetwork.Result r = c.networks().get(0);
    java.nio.file.Path dir = run.path().resolve(NetworkUnits.NETWORKS).resolve(DisentangleNetwork.name(r.tasks(), r.dims(), r.seed()));
    org.nd4j.linalg.api.ndarray.INDArray traj = Nd4j.createFromNpyFile(dir.resolve("trajectories_pcs.npy").toFile());   // [B, T, 3]
    org.nd4j.linalg.api.ndarray.INDArray slow = Nd4j.createFromNpyFile(dir.resolve("slow_points_pcs.npy").toFile());    // [K, 3]
    org.nd4j.linalg.api.ndarray.INDArray stimuli = Nd4j.createFromNpyFile(dir.resolve("stimuli.npy").toFile());         // [B, D]
    NetworkUnits.writeArray(run.arrays(), "attractor_trajectories_pcs.npy", traj);
    NetworkUnits.writeArray(run.arrays(), "attractor_slow_points_pcs.npy", slow);
    LinkedHashMap<String, double[][]> lines = new LinkedHashMap<>();
    int steps = (int) traj.size(1);
    for (int q = 0; q < org.molap.core.tasks.disentangle.Orthants.count(2); q++) {
      java.util.List<Double> xs = new java.util.ArrayList<>();
      java.util.List<Double> ys = new java.util.ArrayList<>();
      for (int b = 0; b < traj.size(0); b++) {
        if (org.molap.core.tasks.disentangle.Orthants.of(stimuli.getRow(b).toDoubleVector()) != q) {
          continue;
        }
        for (int t = 0; t < steps; t++) {
          xs.add(traj.getDouble(b, t, 0));
          ys.add(traj.getDouble(b, t, 1));
        }
        xs.add(traj.getDouble(b, steps - 1, 0));     // a gap before the next trial
        ys.add(Double.NaN);
      }
      lines.put("s in " + org.molap.core.tasks.disentangle.Orthants.name(q, 2),
          new double[][] {xs.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray()});
    }
    LinkedHashMap<String, double[][]> points = new LinkedHashMap<>();
    points.put("slow points", new double[][] {slow.getColumn(0).toDoubleVector(), slow.getColumn(1).toDoubleVector()});
    org.molap.export.ScatterChart.write(run.figures().resolve("disentangle_attractor.png"), c.label() + " (seed " + r.seed()
        + "): noise-free trajectories and slow points, PC1-PC2 of the activity", "PC1", "PC2", points, lines, false);
  }

  private static void put(LinkedHashMap<String, double[]> median, Map<String, double[]> bars, String name, List<Quartiles> qs) {
    median.put(name, qs.stream().mapToDouble(Quartiles::median).toArray());
    bars.put(name, qs.stream().mapToDouble(q -> (q.q3() - q.q1()) / 2).toArray());
  }
}
