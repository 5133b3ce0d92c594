package org.molap.experiments.disentangle;

import java.util.Arrays;
import java.util.List;
import org.molap.core.stats.Quartiles;

/**
 * The networks of one N_task and D, pooled as seed 002's Fig. 1f pools them: r^2 over networks x folds (x fits of
 * the Adam protocol), in and out of distribution; the primary decoder is the paper's Adam protocol when it ran,
 * least squares otherwise.
 */
record Condition(int tasks, int dims, List<DisentangleNetwork.Result> networks) {

  boolean adam() {
    return networks.get(0).idAdam()[0].length > 0;
  }

  String decoder() {
    return adam() ? "Adam protocol" : "least squares";
  }

  double[] id() {
    return adam() ? flat(networks.stream().map(DisentangleNetwork.Result::idAdam).toList())
        : flat1(networks.stream().map(DisentangleNetwork.Result::idLeastSquares).toList());
  }

  double[] ood() {
    return adam() ? flat(networks.stream().map(DisentangleNetwork.Result::oodAdam).toList())
        : flat1(networks.stream().map(DisentangleNetwork.Result::oodLeastSquares).toList());
  }

  double[] idLeastSquares() {
    return flat1(networks.stream().map(DisentangleNetwork.Result::idLeastSquares).toList());
  }

  double[] oodLeastSquares() {
    return flat1(networks.stream().map(DisentangleNetwork.Result::oodLeastSquares).toList());
  }

  /** Each network's r^2 averaged over its folds (and fits), in network order. */
  double[] perNetwork(boolean outOfDistribution) {
    return networks.stream().mapToDouble(r -> Arrays.stream(folds(r, outOfDistribution)).average().orElse(Double.NaN)).toArray();
  }

  /** One network's r^2 per fold with the primary decoder (the mean over fits for the Adam protocol). */
  double[] folds(DisentangleNetwork.Result r, boolean outOfDistribution) {
    if (!adam()) {
      return outOfDistribution ? r.oodLeastSquares() : r.idLeastSquares();
    }
    return Arrays.stream(outOfDistribution ? r.oodAdam() : r.idAdam()).mapToDouble(f -> Arrays.stream(f).average().orElse(Double.NaN))
        .toArray();
  }

  Quartiles idQ() {
    return Quartiles.of(id());
  }

  Quartiles oodQ() {
    return Quartiles.of(ood());
  }

  /** Median over networks of a per-network number. */
  double median(java.util.function.ToDoubleFunction<DisentangleNetwork.Result> f) {
    return Quartiles.of(networks.stream().mapToDouble(f).toArray()).median();
  }

  /** "24-task networks", "3-task networks (D = 4)". */
  String networksName() {
    return tasks + "-task networks" + (dims == 2 ? "" : " (D = " + dims + ")");
  }

  String label() {
    return tasks + (tasks == 1 ? " task" : " tasks") + (dims == 2 ? "" : ", D = " + dims);
  }

  private static double[] flat(List<double[][]> values) {
    return values.stream().flatMap(Arrays::stream).flatMapToDouble(Arrays::stream).toArray();
  }

  private static double[] flat1(List<double[]> values) {
    return values.stream().flatMapToDouble(Arrays::stream).toArray();
  }
}
