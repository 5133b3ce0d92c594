package org.molap.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PercentCorrectTest {

  private static final int T = 10;
  private static final int GO = 6;

  /** One trial: fixation input 1 before GO; target angle theta; the response angle and fixation level given. */
  private static INDArray[] trial(double theta, double response, double fixation, double responseLength) {
    INDArray in = Nd4j.zeros(1, 3, T);
    INDArray target = Nd4j.zeros(1, 3, T);
    INDArray out = Nd4j.zeros(1, 3, T);
    for (int t = 0; t < T; t++) {
      in.putScalar(0, 0, t, t < GO ? 1 : 0);
      target.putScalar(0, 0, t, t < GO ? 0.8 : 0);
      out.putScalar(0, 0, t, t < GO ? fixation : 0);
    }
    target.putScalar(0, 1, T - 1, Math.sin(theta));
    target.putScalar(0, 2, T - 1, Math.cos(theta));
    out.putScalar(0, 1, T - 1, responseLength * Math.sin(response));
    out.putScalar(0, 2, T - 1, responseLength * Math.cos(response));
    return new INDArray[] {in, target, out};
  }

  private static boolean[] score(double theta, double response, double fixation) {
    INDArray[] a = trial(theta, response, fixation, 0.7);
    return new boolean[] {PercentCorrect.perTrial(a[0], a[1], a[2], PercentCorrect.Decoder.ATAN2)[0],
        PercentCorrect.perTrial(a[0], a[1], a[2], PercentCorrect.Decoder.ARCTAN)[0]};
  }

  @Test
  void knownAnswers() {
    // {atan2, the authors' arctan}
    assertArrayEquals(new boolean[] {true, true}, score(0.3, 0.3 + 0.3, 0.8), "within pi/10 (0.314)");
    assertArrayEquals(new boolean[] {false, false}, score(0.3, 0.3 + 0.33, 0.8), "just outside pi/10");
    assertArrayEquals(new boolean[] {false, true}, score(0.3, 0.3 + Math.PI, 0.8), "the opposite direction");
    assertArrayEquals(new boolean[] {true, false}, score(Math.PI / 2 - 0.05, Math.PI / 2 + 0.05, 0.8),
        "across the vertical, where arctan jumps by pi");
    assertArrayEquals(new boolean[] {true, true}, score(Math.PI - 0.05, -Math.PI + 0.05, 0.8), "across +-pi");
    assertArrayEquals(new boolean[] {false, false}, score(0.3, 0.3, 0.4), "fixation broken before the go cue");
  }

  @Test
  void fractionOverABatchAndNaNIsWrong() {
    INDArray[] good = trial(1.0, 1.0, 0.9, 1);
    INDArray[] bad = trial(1.0, Double.NaN, 0.9, 1);
    INDArray in = Nd4j.concat(0, good[0], bad[0]);
    INDArray target = Nd4j.concat(0, good[1], bad[1]);
    INDArray out = Nd4j.concat(0, good[2], bad[2]);
    assertEquals(0.5, PercentCorrect.fraction(in, target, out, PercentCorrect.Decoder.ATAN2), 0.0);
  }
}
