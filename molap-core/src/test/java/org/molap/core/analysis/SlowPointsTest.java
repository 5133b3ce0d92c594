package org.molap.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The slow-point search (spec 002-6) on networks whose fixed points are known. */
class SlowPointsTest {

  /** F(h) = relu(1 + h / 2) has its one fixed point at h = 2 in every unit. */
  @Test
  void findsTheFixedPointOfAContraction() {
    int n = 5;
    double[][] w = new double[n][n];
    double[] drive = new double[n];
    for (int i = 0; i < n; i++) {
      w[i][i] = 0.5;
      drive[i] = 1;
    }
    double[][] starts = {{0, 1, 3, 5, 0.5}, {4, 4, 4, 4, 4}};
    SlowPoints.Result r = SlowPoints.find(w, drive, starts, 5000, 0.01);
    for (double[] p : r.points()) {
      for (double x : p) {
        assertEquals(2, x, 1e-3);
      }
    }
    assertTrue(r.speedAfter()[0] < 1e-6 * r.speedBefore()[0]);
  }

  /** F(h) = U U' h with U orthonormal and positive: every state of the plane span(U) is fixed; the search lands on it. */
  @Test
  void slowPointsOfAPlaneAttractorLieOnThePlane() {
    int n = 12;
    Random rng = new Random(4);
    double[][] u = new double[n][2];
    for (int i = 0; i < n; i++) {
      u[i][0] = 1 / Math.sqrt(n);                        // unit, positive
      u[i][1] = i < n / 2 ? 1 / Math.sqrt(n) : -1 / Math.sqrt(n);   // orthogonal to the first
    }
    double[][] w = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        w[i][j] = u[i][0] * u[j][0] + u[i][1] * u[j][1];
      }
    }
    double[][] starts = new double[40][n];
    for (double[] s : starts) {
      double a = 1 + 2 * rng.nextDouble();
      double b = rng.nextDouble() - 0.5;
      for (int i = 0; i < n; i++) {
        s[i] = a * u[i][0] + b * u[i][1] + 0.3 * rng.nextDouble();   // off the plane
      }
    }
    SlowPoints.Result r = SlowPoints.find(w, new double[n], starts, 4000, 0.01);
    for (int k = 0; k < starts.length; k++) {
      assertTrue(r.speedAfter()[k] < 1e-3 * r.speedBefore()[k], "point " + k + ": " + r.speedBefore()[k] + " -> " + r.speedAfter()[k]);
      double[] p = r.points()[k];
      double a = 0;
      double b = 0;
      for (int i = 0; i < n; i++) {
        a += p[i] * u[i][0];
        b += p[i] * u[i][1];
      }
      for (int i = 0; i < n; i++) {
        assertEquals(a * u[i][0] + b * u[i][1], p[i], 1e-2, "point " + k + " lies on the plane");
      }
    }
  }
}
