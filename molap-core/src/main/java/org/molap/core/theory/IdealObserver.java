package org.molap.core.theory;

import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The best r^2 with which any decoder can recover a stimulus coordinate s ~ U(-1/2, 1/2) from n noisy samples
 * s + sigma xi_t (seed 002, spec A.4 and A.5.2; the authors' Figures/Fig5a.py, "equation 7").
 *
 * <p>Averaging the n samples leaves an error of variance sigma^2 / n, so r^2 = 1 - MSE / Var with Var = 1/12 gives
 * the ceiling 1 - 12 sigma^2 / n (0.976 for sigma = 0.2, n = 20). The Bayes-optimal estimate, the posterior mean
 * under the uniform prior, does slightly better near the edges of the range: the posterior is the normal
 * N(mean, sigma^2 / n) truncated to [-1/2, 1/2].
 */
public final class IdealObserver {
  /** Variance of U(-1/2, 1/2). */
  public static final double STIMULUS_VARIANCE = 1.0 / 12;
  /** The standard normal (no random generator: only its density and distribution function are used). */
  private static final NormalDistribution UNIT = new NormalDistribution(null, 0, 1);

  private IdealObserver() {
  }

  /** r^2 of the sample mean: 1 - (sigma^2 / Var) / n. */
  public static double ceiling(double sigma, int samples) {
    if (samples < 1 || !(sigma >= 0)) {
      throw new IllegalArgumentException("The ceiling needs n >= 1 samples and sigma >= 0, got " + samples + " and " + sigma + ".");
    }
    return 1 - sigma * sigma / STIMULUS_VARIANCE / samples;
  }

  /** The posterior mean of s given the mean of n samples: the mean of N(sampleMean, sigma^2 / n) truncated to [-1/2, 1/2]. */
  public static double posteriorMean(double sampleMean, double sigma, int samples) {
    double sd = sigma / Math.sqrt(samples);
    double a = (-0.5 - sampleMean) / sd;
    double b = (0.5 - sampleMean) / sd;
    double mass = UNIT.cumulativeProbability(b) - UNIT.cumulativeProbability(a);
    if (mass < 1e-300) {          // the sample mean lies far outside the range: the nearer edge
      return Math.max(-0.5, Math.min(0.5, sampleMean));
    }
    return sampleMean + sd * (UNIT.density(a) - UNIT.density(b)) / mass;
  }

  /** r^2 of the posterior mean, by Monte Carlo over {@code trials} stimuli drawn from rng. */
  public static double bayesR2(double sigma, int samples, int trials, Random rng) {
    double sd = sigma / Math.sqrt(samples);
    double squares = 0;
    for (int i = 0; i < trials; i++) {
      double s = rng.nextDouble() - 0.5;
      double estimate = posteriorMean(s + sd * rng.nextGaussian(), sigma, samples);
      squares += (estimate - s) * (estimate - s);
    }
    return 1 - squares / trials / STIMULUS_VARIANCE;
  }
}
