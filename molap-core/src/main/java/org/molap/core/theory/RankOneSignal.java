package org.molap.core.theory;

import java.util.function.DoubleUnaryOperator;

/**
 * The neuromodulatory signal that makes a rank-1 NM-RNN produce a given output f(t) (seed 003, appendix B), for the
 * continuous dynamics without inputs, in the convention without the 1/N factor that appendix B silently drops:
 * <pre>
 *   tau_x dx/dt = -x + L s(t) R' phi(x),     y = c' x + d
 * </pre>
 * Eq. 15: s(t) = (f + tau_x f' - d) / ((c'L) R' phi(w L^ + w_perp(0) e^{-t/tau_x})),
 * with w = (f - c' w_perp(0) e^{-t/tau_x} - d) / (c' L^) (Eq. 12) and L^ = L / |L|.
 */
public record RankOneSignal(double[] l, double[] r, double[] c, double d, double tauX, double[] wPerp0,
                            DoubleUnaryOperator phi) {

  /** L^ = L / |L|. */
  public double[] unitL() {
    double norm = Math.sqrt(dot(l, l));
    double[] u = new double[l.length];
    for (int i = 0; i < l.length; i++) {
      u[i] = l[i] / norm;
    }
    return u;
  }

  /** Eq. 12 without inputs: the rank-1 coordinate w(t) that the output f(t) requires. */
  public double w(double t, double f) {
    return (f - dot(c, wPerp0) * Math.exp(-t / tauX) - d) / dot(c, unitL());
  }

  /** x(t) = w(t) L^ + w_perp(0) e^{-t/tau_x}, the state that produces f(t). */
  public double[] state(double t, double f) {
    double[] unit = unitL();
    double w = w(t, f);
    double decay = Math.exp(-t / tauX);
    double[] x = new double[unit.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = w * unit[i] + wPerp0[i] * decay;
    }
    return x;
  }

  /** Eq. 15: s(t) for the target value f and slope f' at time t. */
  public double signal(double t, double f, double slope) {
    double[] x = state(t, f);
    double[] phiX = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      phiX[i] = phi.applyAsDouble(x[i]);
    }
    return (f + tauX * slope - d) / (dot(c, l) * dot(r, phiX));
  }

  /**
   * The discrete-time identity of the trained linear symmetric model without input (L = R = q, |q| = 1,
   * w_t = q'x_t): w_t = w_{t-1} (1 + (s_t - 1) / tau_x), hence s_t = 1 + tau_x (w_t - w_{t-1}) / w_{t-1}.
   */
  public static double discreteSignal(double wNow, double wBefore, double tauX) {
    return 1 + tauX * (wNow - wBefore) / wBefore;
  }

  /**
   * Eq. 16's discrete analogue on a ramp of slope 1/I read out with bias d: s_t ~ 1 + tau_x (f_t - f_{t-1}) /
   * (f_{t-1} - d), the hyperbola Fig. 3B overlays on the trained network's s(t).
   */
  public static double rampSignal(double fNow, double fBefore, double d, double tauX) {
    return 1 + tauX * (fNow - fBefore) / (fBefore - d);
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
