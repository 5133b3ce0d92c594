package org.molap.core.analysis;

/**
 * Slow points of a ReLU network under a constant input (seed 002, Fig. 1d; the authors' analyze.py): starting from
 * given states, Adam moves each state h to lower the speed q(h) = mean_i (F_i(h) - h_i)^2 of the map
 * F(h) = relu(drive + W h); where q reaches about 0 the state is a fixed point, and slow points spread along a
 * plane mark a 2-D attractor.
 *
 * <p>Gradient: with d = F(h) - h and p = drive + W h, dq/dh_j = (2 / N) (sum_i d_i 1[p_i > 0] W_ij - d_j).
 */
public final class SlowPoints {
  /** The states found, with each state's speed q before and after the search. */
  public record Result(double[][] points, double[] speedBefore, double[] speedAfter) {
  }

  private SlowPoints() {
  }

  /** Speed q(h) = mean_i (relu(drive + W h)_i - h_i)^2. */
  public static double speed(double[][] w, double[] drive, double[] h) {
    double sum = 0;
    for (int i = 0; i < h.length; i++) {
      double d = Math.max(0, pre(w, drive, h, i)) - h[i];
      sum += d * d;
    }
    return sum / h.length;
  }

  /** Adam (betas 0.9 / 0.999, epsilon 1e-8) on each start, {@code steps} steps at {@code rate}. */
  public static Result find(double[][] w, double[] drive, double[][] starts, int steps, double rate) {
    int n = drive.length;
    double[][] points = new double[starts.length][];
    double[] before = new double[starts.length];
    double[] after = new double[starts.length];
    for (int k = 0; k < starts.length; k++) {
      double[] h = starts[k].clone();
      before[k] = speed(w, drive, h);
      double[] m = new double[n];
      double[] v = new double[n];
      double[] d = new double[n];
      double[] slope = new double[n];
      double[] grad = new double[n];
      for (int t = 1; t <= steps; t++) {
        for (int i = 0; i < n; i++) {
          double p = pre(w, drive, h, i);
          d[i] = Math.max(0, p) - h[i];
          slope[i] = p > 0 ? d[i] : 0;
        }
        for (int j = 0; j < n; j++) {
          double s = 0;
          for (int i = 0; i < n; i++) {
            s += slope[i] * w[i][j];
          }
          grad[j] = 2.0 / n * (s - d[j]);
        }
        double c1 = 1 - Math.pow(0.9, t);
        double c2 = 1 - Math.pow(0.999, t);
        for (int j = 0; j < n; j++) {
          m[j] = 0.9 * m[j] + 0.1 * grad[j];
          v[j] = 0.999 * v[j] + 0.001 * grad[j] * grad[j];
          h[j] -= rate * (m[j] / c1) / (Math.sqrt(v[j] / c2) + 1e-8);
        }
      }
      points[k] = h;
      after[k] = speed(w, drive, h);
    }
    return new Result(points, before, after);
  }

  private static double pre(double[][] w, double[] drive, double[] h, int i) {
    double p = drive[i];
    for (int j = 0; j < h.length; j++) {
      p += w[i][j] * h[j];
    }
    return p;
  }
}
