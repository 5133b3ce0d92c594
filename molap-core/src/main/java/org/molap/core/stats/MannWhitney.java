package org.molap.core.stats;

import java.util.Arrays;

/**
 * The Mann-Whitney U test with its exact distribution (seed 003 compares 10 networks against 10 this way): the
 * rank sum of the first sample over all C(n + m, n) ways of splitting the pooled ranks, ties given their mid-ranks
 * (the exact conditional test). Exact for the sample sizes of seed experiments (a few dozen per group).
 */
public final class MannWhitney {

  /**
   * U of the first sample (the number of pairs (x_i, y_j) with x_i > y_j, ties counting 1/2) and the exact
   * p-values: {@code pLess} for the alternative "x tends to be smaller than y", {@code pGreater} for "larger",
   * {@code pTwoSided} twice the smaller, at most 1.
   */
  public record Result(double u, double pLess, double pGreater, double pTwoSided) {
  }

  private MannWhitney() {
  }

  public static Result test(double[] x, double[] y) {
    int n = x.length;
    int m = y.length;
    if (n == 0 || m == 0) {
      throw new IllegalArgumentException("The Mann-Whitney test needs two non-empty samples, got " + n + " and " + m + ".");
    }
    double[] pooled = new double[n + m];
    System.arraycopy(x, 0, pooled, 0, n);
    System.arraycopy(y, 0, pooled, n, m);
    for (double v : pooled) {
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException("The Mann-Whitney test cannot rank NaN.");
      }
    }
    int[] twiceRanks = twiceMidRanks(pooled);
    int observed = 0;
    for (int i = 0; i < n; i++) {
      observed += twiceRanks[i];
    }
    // count[s] = number of n-subsets of the pooled ranks whose doubled rank sum is s
    int maxSum = Arrays.stream(twiceRanks).sum();
    double[][] count = new double[n + 1][maxSum + 1];
    count[0][0] = 1;
    for (int r : twiceRanks) {
      for (int k = n; k >= 1; k--) {
        for (int s = maxSum; s >= r; s--) {
          count[k][s] += count[k - 1][s - r];
        }
      }
    }
    double total = 0;
    double atMost = 0;
    double atLeast = 0;
    for (int s = 0; s <= maxSum; s++) {
      double c = count[n][s];
      total += c;
      if (s <= observed) {
        atMost += c;
      }
      if (s >= observed) {
        atLeast += c;
      }
    }
    double u = observed / 2.0 - n * (n + 1) / 2.0;
    double pLess = atMost / total;
    double pGreater = atLeast / total;
    return new Result(u, pLess, pGreater, Math.min(1, 2 * Math.min(pLess, pGreater)));
  }

  /** Twice the mid-ranks (1-based) of the values: integers even with ties. */
  static int[] twiceMidRanks(double[] values) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    int[] twice = new int[values.length];
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      int sumOfTwiceRanks = (i + 1) + (j + 1);      // twice the mean of ranks i+1..j+1
      for (int k = i; k <= j; k++) {
        twice[order[k]] = sumOfTwiceRanks;
      }
      i = j + 1;
    }
    return twice;
  }
}
