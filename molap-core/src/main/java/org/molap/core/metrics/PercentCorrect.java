package org.molap.core.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Percent correct of seed 003's multitask experiment (supplement C.4; the authors' util.py {@code percent_correct}):
 * a trial is correct when the fixation output stays above 0.5 at every step before the fixation input drops below
 * 0.5, and the response angle decoded from the (sin, cos) outputs at the last step lies within pi/10 of the
 * target's.
 *
 * <p>Two decoders. {@link Decoder#ATAN2} (the default) reads the full angle. {@link Decoder#ARCTAN} is the authors'
 * {@code arctan(sin / cos)}, defined only modulo pi: it scores a response pointing the opposite way as correct (the
 * very Pro/Anti confusion the experiment probes), and a correct response near the vertical as wrong. Reporting
 * both measures how often a network points the opposite way.
 */
public final class PercentCorrect {

  /** Tolerance on the response angle (supplement C.4). */
  public static final double TOLERANCE = Math.PI / 10;

  public enum Decoder {
    ATAN2,
    ARCTAN;

    double angle(double sin, double cos) {
      return this == ATAN2 ? Math.atan2(sin, cos) : Math.atan(sin / cos);
    }
  }

  private PercentCorrect() {
  }

  /**
   * Fraction of trials correct.
   *
   * @param inputs  [B, >= 1, T]: channel 0 is the fixation input
   * @param targets [B, 3, T]: fixation, sin, cos
   * @param outputs [B, 3, T]: the network's, same layout
   */
  public static double fraction(INDArray inputs, INDArray targets, INDArray outputs, Decoder decoder) {
    boolean[] correct = perTrial(inputs, targets, outputs, decoder);
    int n = 0;
    for (boolean c : correct) {
      n += c ? 1 : 0;
    }
    return (double) n / correct.length;
  }

  /** Whether each trial is correct. A NaN output is wrong. */
  public static boolean[] perTrial(INDArray inputs, INDArray targets, INDArray outputs, Decoder decoder) {
    if (targets.rank() != 3 || !java.util.Arrays.equals(targets.shape(), outputs.shape()) || targets.size(1) != 3
        || inputs.size(0) != targets.size(0) || inputs.size(2) != targets.size(2)) {
      throw new IllegalArgumentException("Percent correct needs targets and outputs of one shape [B, 3, T] and inputs "
          + "[B, channels, T], got " + java.util.Arrays.toString(inputs.shape()) + ", "
          + java.util.Arrays.toString(targets.shape()) + " and " + java.util.Arrays.toString(outputs.shape()) + ".");
    }
    int b = (int) targets.size(0);
    int steps = (int) targets.size(2);
    boolean[] correct = new boolean[b];
    for (int i = 0; i < b; i++) {
      int go = 0;   // the first step whose fixation input is below 0.5 (0 when there is none, as numpy's argmax)
      for (int t = 0; t < steps; t++) {
        if (inputs.getDouble(i, 0, t) < 0.5) {
          go = t;
          break;
        }
      }
      boolean fixated = true;
      for (int t = 0; t < go && fixated; t++) {
        fixated = outputs.getDouble(i, 0, t) > 0.5;
      }
      int last = steps - 1;
      double target = decoder.angle(targets.getDouble(i, 1, last), targets.getDouble(i, 2, last));
      double response = decoder.angle(outputs.getDouble(i, 1, last), outputs.getDouble(i, 2, last));
      correct[i] = fixated && circularDistance(target, response) < TOLERANCE;
    }
    return correct;
  }

  /** min(|a - b|, 2 pi - |a - b|) for angles in (-pi, pi], as the authors compute it. NaN if either is NaN. */
  static double circularDistance(double a, double b) {
    double d = Math.abs(a - b);
    return Math.min(d, 2 * Math.PI - d);
  }
}
