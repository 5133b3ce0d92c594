package org.molap.core.stats;

import java.util.Arrays;

/**
 * Median and quartiles of a sample, by linear interpolation between order statistics (numpy's default): the
 * p-quantile of n sorted values is at position p (n - 1). Seed 003 reports medians over networks.
 */
public record Quartiles(double q1, double median, double q3, int n) {

  public static Quartiles of(double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("Quartiles of an empty sample.");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return new Quartiles(quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75), sorted.length);
  }

  /**
   * The p-quantile of already sorted values. NaN sorts last, as in Arrays.sort; between two equal values (infinite
   * ones included) the quantile is that value.
   */
  static double quantile(double[] sorted, double p) {
    double position = p * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    double fraction = position - below;
    if (sorted[above] == sorted[below] || fraction == 0) {
      return sorted[below];
    }
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
  }
}
