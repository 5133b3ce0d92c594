package org.molap.core.metrics;

/**
 * The produced interval of seed 003's Measure-Wait-Go (the authors' notebook load_model.ipynb, cells 37-39): the
 * number of steps from the go pulse to the first step at or after it whose output exceeds 0.9 times the trial's
 * maximum output. Applied to the target ramp from -0.5 to 0.5 it gives floor(0.95 I) + 1, the reference an
 * interval produced by a network is compared with.
 */
public final class ProducedInterval {

  /** Fraction of the trial's maximum output that ends the produced interval. */
  public static final double FRACTION = 0.9;

  private ProducedInterval() {
  }

  /**
   * Steps from {@code go} to the first crossing of 0.9 max(output), or NaN when the output never exceeds it at or
   * after the go pulse (its maximum came before) or holds a NaN.
   */
  public static double of(double[] output, int go) {
    if (go < 0 || go >= output.length) {
      throw new IllegalArgumentException("The go pulse at step " + go + " lies outside the trial of " + output.length
          + " steps.");
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double y : output) {
      if (Double.isNaN(y)) {
        return Double.NaN;
      }
      max = Math.max(max, y);
    }
    for (int t = go; t < output.length; t++) {
      if (output[t] > FRACTION * max) {
        return t - go;
      }
    }
    return Double.NaN;
  }
}
