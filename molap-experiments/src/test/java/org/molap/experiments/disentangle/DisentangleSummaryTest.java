package org.molap.experiments.disentangle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.molap.experiments.summary.Claim;

/** Known answers for Fig. 1g's claims (spec 002-7) on made-up least-squares r^2 values. */
class DisentangleSummaryTest {

  @Test
  void dimensionClaimsReadTheJumpAndThePlateau() {
    List<Condition> conditions = new ArrayList<>();
    conditions.add(condition(2, 2, 0.60));
    conditions.add(condition(12, 2, 0.90));          // the D = 2 plateau
    conditions.add(condition(2, 3, 0.40));
    conditions.add(condition(4, 3, 0.70));           // +0.30 over N_task = D - 1: jumps
    conditions.add(condition(6, 3, 0.87));           // N_task >= 2D: within 0.05 of 0.90
    conditions.add(condition(12, 3, 0.93));
    conditions.add(condition(3, 4, 0.50));
    conditions.add(condition(5, 4, 0.55));           // +0.05: no jump
    conditions.add(condition(8, 4, 0.80));           // 0.10 below the plateau
    List<Claim> claims = DisentangleSummary.claims(conditions, false, 0.976);
    assertEquals(List.of(true, false), verdicts(claims, "jumps"));
    assertEquals(List.of(true, false), verdicts(claims, "enough tasks"));
  }

  private static List<Boolean> verdicts(List<Claim> claims, String words) {
    return claims.stream().filter(c -> c.claim().contains(words)).map(Claim::holds).toList();
  }

  /** One network whose 4 folds all decode at ood out of distribution and 0.95 in it. */
  private static Condition condition(int tasks, int dims, double ood) {
    double[] id = {0.95, 0.95, 0.95, 0.95};
    double[] out = {ood, ood, ood, ood};
    DisentangleNetwork.Result r = new DisentangleNetwork.Result(tasks, dims, 1, 0, 0, null, 0.95, true, id, out, new double[4][0],
        new double[4][0], new double[4], 0.9, 1, 1e-3, 0.95, new double[0][], new double[0][]);
    return new Condition(tasks, dims, List.of(r));
  }
}
