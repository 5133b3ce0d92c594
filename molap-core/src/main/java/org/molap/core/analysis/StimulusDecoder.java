package org.molap.core.analysis;

import java.util.Random;

/**
 * The linear decoder of seed 002's generalisation test (Fig. 1e-f; spec A.1.3, A.2.2): x_hat = W r + b from a
 * network's state r at the decision step to the D stimulus coordinates, scored by r^2 = 1 - MSE / Var with MSE
 * averaged over trials and coordinates and Var = 1/12, the variance of U(-1/2, 1/2) (the held-out orthant's own
 * variance would be 1/48: the score is against the full stimulus range, as the authors' code does).
 *
 * <p>Two fits: the paper's protocol (PyTorch-initialised W and b, Adam at 3e-3 on fresh batches of 16, a fixed
 * number of batches) and, as a cross-check that does not depend on how far Adam got, least squares (a ridge of
 * 1e-6 keeps silent ReLU units from making it singular).
 */
public final class StimulusDecoder {
  /** Variance of one stimulus coordinate, U(-1/2, 1/2). */
  public static final double VARIANCE = 1.0 / 12;
  /** The paper's decoder training (the authors' generalize.py): Adam's rate and the batch size. */
  public static final double RATE = 3e-3;
  public static final int BATCH = 16;
  private static final double RIDGE = 1e-6;

  /** Decoder states r [n][N] with their stimuli s [n][D]. */
  public record Sample(double[][] states, double[][] stimuli) {
    public Sample {
      if (states.length != stimuli.length || states.length == 0) {
        throw new IllegalArgumentException("A decoder sample needs as many states as stimuli, at least one; got "
            + states.length + " and " + stimuli.length + ".");
      }
    }
  }

  /** Where the samples come from: a fresh batch of trials per call (the network's states on them). */
  @FunctionalInterface
  public interface Source {
    Sample next(int trials, Random rng);
  }

  private final double[][] weights;   // [D][N]
  private final double[] bias;        // [D]

  private StimulusDecoder(double[][] weights, double[] bias) {
    this.weights = weights;
    this.bias = bias;
  }

  /**
   * The paper's fit: W and b from U(-1/sqrt(N), 1/sqrt(N)) (PyTorch's nn.Linear), then {@code batches} Adam steps
   * (rate 3e-3, betas 0.9 / 0.999, epsilon 1e-8) on the mean squared error of fresh batches of 16.
   */
  public static StimulusDecoder adam(Source train, int units, int dims, int batches, Random rng) {
    double bound = 1 / Math.sqrt(units);
    double[][] w = new double[dims][units];
    double[] b = new double[dims];
    for (double[] row : w) {
      for (int i = 0; i < units; i++) {
        row[i] = bound * (2 * rng.nextDouble() - 1);
      }
    }
    for (int d = 0; d < dims; d++) {
      b[d] = bound * (2 * rng.nextDouble() - 1);
    }
    Adam adam = new Adam(dims * units + dims);
    double[] grad = new double[dims * units + dims];
    for (int step = 1; step <= batches; step++) {
      Sample s = train.next(BATCH, rng);
      java.util.Arrays.fill(grad, 0);
      double scale = 2.0 / (s.states().length * dims);      // d/dx of the mean over trials and coordinates
      for (int n = 0; n < s.states().length; n++) {
        double[] r = s.states()[n];
        for (int d = 0; d < dims; d++) {
          double e = scale * (dot(w[d], r) + b[d] - s.stimuli()[n][d]);
          for (int i = 0; i < units; i++) {
            grad[d * units + i] += e * r[i];
          }
          grad[dims * units + d] += e;
        }
      }
      double[] delta = adam.step(grad, RATE);
      for (int d = 0; d < dims; d++) {
        for (int i = 0; i < units; i++) {
          w[d][i] -= delta[d * units + i];
        }
        b[d] -= delta[dims * units + d];
      }
    }
    return new StimulusDecoder(w, b);
  }

  /** Least squares on a sample: the normal equations of [r, 1], a ridge of 1e-6 on W (not on b). */
  public static StimulusDecoder leastSquares(Sample train) {
    int units = train.states()[0].length;
    int dims = train.stimuli()[0].length;
    double[][] gram = new double[units + 1][units + 1];
    double[][] cross = new double[units + 1][dims];
    for (int n = 0; n < train.states().length; n++) {
      double[] x = java.util.Arrays.copyOf(train.states()[n], units + 1);
      x[units] = 1;
      for (int i = 0; i <= units; i++) {
        for (int j = 0; j <= units; j++) {
          gram[i][j] += x[i] * x[j];
        }
        for (int d = 0; d < dims; d++) {
          cross[i][d] += x[i] * train.stimuli()[n][d];
        }
      }
    }
    for (int i = 0; i < units; i++) {
      gram[i][i] += RIDGE;
    }
    double[][] solution = Cholesky.solve(gram, cross);      // [N + 1][D]
    double[][] w = new double[dims][units];
    double[] b = new double[dims];
    for (int d = 0; d < dims; d++) {
      for (int i = 0; i < units; i++) {
        w[d][i] = solution[i][d];
      }
      b[d] = solution[units][d];
    }
    return new StimulusDecoder(w, b);
  }

  /** Decoded stimuli [n][D] of states [n][N]. */
  public double[][] decode(double[][] states) {
    double[][] out = new double[states.length][bias.length];
    for (int n = 0; n < states.length; n++) {
      for (int d = 0; d < bias.length; d++) {
        out[n][d] = dot(weights[d], states[n]) + bias[d];
      }
    }
    return out;
  }

  /** r^2 = 1 - MSE / (1/12) of this decoder on a sample. */
  public double r2(Sample test) {
    return r2(decode(test.states()), test.stimuli());
  }

  /** r^2 = 1 - MSE / (1/12), the MSE over trials and coordinates. */
  public static double r2(double[][] decoded, double[][] stimuli) {
    double squares = 0;
    int count = 0;
    for (int n = 0; n < stimuli.length; n++) {
      for (int d = 0; d < stimuli[n].length; d++) {
        double e = decoded[n][d] - stimuli[n][d];
        squares += e * e;
        count++;
      }
    }
    return 1 - squares / count / VARIANCE;
  }

  /** The angle in degrees between the decoding directions of the first two coordinates (ideal: 90). */
  public double angle() {
    if (weights.length < 2) {
      return Double.NaN;
    }
    double cos = dot(weights[0], weights[1]) / Math.sqrt(dot(weights[0], weights[0]) * dot(weights[1], weights[1]));
    return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, cos))));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Adam's moments for a flat parameter vector (PyTorch's defaults: betas 0.9 / 0.999, epsilon 1e-8). */
  private static final class Adam {
    private final double[] m;
    private final double[] v;
    private int t;

    Adam(int size) {
      m = new double[size];
      v = new double[size];
    }

    double[] step(double[] grad, double rate) {
      t++;
      double c1 = 1 - Math.pow(0.9, t);
      double c2 = 1 - Math.pow(0.999, t);
      double[] delta = new double[grad.length];
      for (int i = 0; i < grad.length; i++) {
        m[i] = 0.9 * m[i] + 0.1 * grad[i];
        v[i] = 0.999 * v[i] + 0.001 * grad[i] * grad[i];
        delta[i] = rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
      }
      return delta;
    }
  }
}
