package org.molap.core.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Seed 003, appendix B, Eq. 15: driving a rank-1 network open-loop with the signal s(t) of Eq. 15 makes it produce
 * the target f(t) exactly (RK4 with dt = 1e-3 over [0, 10], error < 1e-8), for tanh and for identity transfer; with
 * the 1/N factor of appendix A the same signal misses.
 */
class RankOneSignalTest {

  private static final int N = 30;
  private static final double TAU = 2;

  private static double f(double t) {
    return 0.3 + 0.2 * Math.sin(0.7 * t);
  }

  private static double slope(double t) {
    return 0.14 * Math.cos(0.7 * t);
  }

  private static RankOneSignal system(DoubleUnaryOperator phi, long seed) {
    Random rng = new Random(seed);
    double[] l = new double[N];
    double[] r = new double[N];
    double[] c = new double[N];
    double[] perp = new double[N];
    for (int i = 0; i < N; i++) {
      l[i] = rng.nextGaussian();
      c[i] = rng.nextGaussian() / Math.sqrt(N);
      perp[i] = 0.05 * rng.nextGaussian();
    }
    for (int i = 0; i < N; i++) {
      r[i] = 0.3 * l[i] + 0.1 * rng.nextGaussian();    // R overlaps L, so R' phi(x) stays away from 0
    }
    // w_perp(0) in the complement of L.
    double along = RankOneSignal.dot(perp, l) / RankOneSignal.dot(l, l);
    for (int i = 0; i < N; i++) {
      perp[i] -= along * l[i];
    }
    return new RankOneSignal(l, r, c, -1.0, TAU, perp, phi);
  }

  /** Max |y(t) - f(t)| over [0, 10], x driven by Eq. 15's s(t); scale multiplies the recurrent term (1/N: appendix A). */
  private static double maxError(RankOneSignal sys, double scale) {
    double dt = 1e-3;
    double[] x = sys.state(0, f(0));
    double worst = 0;
    for (int step = 0; step < 10_000; step++) {
      double t = step * dt;
      double[] k1 = derivative(sys, t, x, scale);
      double[] k2 = derivative(sys, t + dt / 2, axpy(x, k1, dt / 2), scale);
      double[] k3 = derivative(sys, t + dt / 2, axpy(x, k2, dt / 2), scale);
      double[] k4 = derivative(sys, t + dt, axpy(x, k3, dt), scale);
      for (int i = 0; i < N; i++) {
        x[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
      }
      double y = RankOneSignal.dot(sys.c(), x) + sys.d();
      worst = Math.max(worst, Math.abs(y - f(t + dt)));
    }
    return worst;
  }

  private static double[] derivative(RankOneSignal sys, double t, double[] x, double scale) {
    double s = sys.signal(t, f(t), slope(t));
    double[] phiX = new double[N];
    for (int i = 0; i < N; i++) {
      phiX[i] = sys.phi().applyAsDouble(x[i]);
    }
    double drive = scale * s * RankOneSignal.dot(sys.r(), phiX);
    double[] dx = new double[N];
    for (int i = 0; i < N; i++) {
      dx[i] = (-x[i] + sys.l()[i] * drive) / TAU;
    }
    return dx;
  }

  private static double[] axpy(double[] x, double[] k, double h) {
    double[] y = new double[x.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = x[i] + h * k[i];
    }
    return y;
  }

  @Test
  void equationFifteenProducesTheTargetExactly() {
    for (DoubleUnaryOperator phi : new DoubleUnaryOperator[] {Math::tanh, v -> v}) {
      for (long seed = 1; seed <= 2; seed++) {
        double error = maxError(system(phi, seed), 1);
        System.out.printf("Eq. 15, seed %d: max |y - f| = %.1e%n", seed, error);
        assertTrue(error < 1e-8, "max |y - f| = " + error);
      }
    }
  }

  @Test
  void withAppendixAsOneOverNTheSameSignalMisses() {
    assertTrue(maxError(system(Math::tanh, 1), 1.0 / N) > 1e-2);
  }

  @Test
  void discreteIdentityOfTheLinearSymmetricModel() {
    // w_t = w_{t-1} (1 + (s_t - 1) / tau) without input: the identity recovers s_t.
    double w = 0.7;
    for (double s : new double[] {0.2, 0.9, 1.3}) {
      double next = w * (1 + (s - 1) / TAU);
      assertEquals(s, RankOneSignal.discreteSignal(next, w, TAU), 1e-14);
      w = next;
    }
    // On a ramp of slope 1/I read with bias d the signal is the hyperbola 1 + tau / (I (f - d)).
    assertEquals(1 + TAU / (15 * (0.1 + 0.5)), RankOneSignal.rampSignal(0.1 + 1.0 / 15, 0.1, -0.5, TAU), 1e-14);
  }
}
