package org.molap.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.molap.core.tasks.disentangle.Orthants;

/** Seed 002's decoder (spec 002-4) on synthetic states whose geometry is known. */
class StimulusDecoderTest {
  private static final int UNITS = 64;
  private static final int DIMS = 2;

  /** States of stimuli from these orthants through a fixed map. */
  private static StimulusDecoder.Source source(List<Integer> orthants, Function<double[], double[]> map) {
    return (trials, rng) -> {
      double[][] s = new double[trials][];
      double[][] r = new double[trials][];
      for (int n = 0; n < trials; n++) {
        s[n] = Orthants.sample(orthants, DIMS, rng);
        r[n] = map.apply(s[n]);
      }
      return new StimulusDecoder.Sample(r, s);
    };
  }

  /** Mean over the 4 folds of r^2 on the held-out orthant, the decoder trained in (ID) or out of (OOD) it. */
  private static double[] idOod(Function<double[], double[]> map, boolean adam) {
    double id = 0;
    double ood = 0;
    Random rng = new Random(17);
    for (int fold = 0; fold < Orthants.FOLDS; fold++) {
      StimulusDecoder.Sample test = source(Orthants.heldOut(fold, DIMS), map).next(640, rng);
      StimulusDecoder.Source all = source(Orthants.all(DIMS), map);
      StimulusDecoder.Source kept = source(Orthants.kept(fold, DIMS), map);
      id += fit(all, adam, rng).r2(test) / Orthants.FOLDS;
      ood += fit(kept, adam, rng).r2(test) / Orthants.FOLDS;
    }
    return new double[] {id, ood};
  }

  private static StimulusDecoder fit(StimulusDecoder.Source train, boolean adam, Random rng) {
    return adam ? StimulusDecoder.adam(train, UNITS, DIMS, 3000, rng) : StimulusDecoder.leastSquares(train.next(4000, rng));
  }

  private static Function<double[], double[]> disentangled() {
    Random rng = new Random(1);
    double[][] a = new double[UNITS][DIMS];
    for (double[] row : a) {
      for (int d = 0; d < DIMS; d++) {
        row[d] = rng.nextGaussian();
      }
    }
    Random noise = new Random(2);
    return s -> {
      double[] r = new double[UNITS];
      for (int i = 0; i < UNITS; i++) {
        r[i] = a[i][0] * s[0] + a[i][1] * s[1] + 0.01 * noise.nextGaussian();
      }
      return r;
    };
  }

  /** Place-cell-like units (Gaussian tuning around random centres): s is linear in them only locally. */
  private static Function<double[], double[]> entangled() {
    Random rng = new Random(3);
    double[][] centre = new double[UNITS][DIMS];
    for (double[] c : centre) {
      c[0] = rng.nextDouble() - 0.5;
      c[1] = rng.nextDouble() - 0.5;
    }
    return s -> {
      double[] r = new double[UNITS];
      for (int i = 0; i < UNITS; i++) {
        double d0 = s[0] - centre[i][0];
        double d1 = s[1] - centre[i][1];
        r[i] = Math.exp(-(d0 * d0 + d1 * d1) / (2 * 0.15 * 0.15));
      }
      return r;
    };
  }

  @Test
  void aDisentangledStateGeneralisesToTheHeldOutOrthant() {
    for (boolean adam : new boolean[] {false, true}) {
      double[] r2 = idOod(disentangled(), adam);
      assertTrue(r2[0] > 0.9, (adam ? "Adam" : "least squares") + " ID " + r2[0]);
      assertEquals(r2[0], r2[1], 0.01, (adam ? "Adam" : "least squares") + ": OOD as good as ID");
    }
  }

  @Test
  void anEntangledStateDoesNot() {
    for (boolean adam : new boolean[] {false, true}) {
      double[] r2 = idOod(entangled(), adam);
      assertTrue(r2[0] - r2[1] > 0.05, (adam ? "Adam" : "least squares") + ": ID " + r2[0] + " OOD " + r2[1]);
    }
  }

  /** Known answers: a perfect decoder scores 1; always answering 0 scores 0 against Var = 1/12 on the full range. */
  @Test
  void rSquaredIsAgainstTheFullRangesVariance() {
    double[][] s = {{0.5, -0.5}, {-0.5, 0.5}};
    assertEquals(1.0, StimulusDecoder.r2(s, s), 1e-15);
    assertEquals(1 - 0.25 / (1.0 / 12), StimulusDecoder.r2(new double[2][2], s), 1e-12);
  }
}
