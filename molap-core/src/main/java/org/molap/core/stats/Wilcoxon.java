package org.molap.core.stats;

/**
 * The Wilcoxon signed-rank test on paired values with its exact distribution (seed 001 compares a network's 10
 * per-motif errors from random initial states against the same motifs chained, section 4.0): zero differences are
 * dropped (Wilcoxon's convention), the absolute differences ranked with ties given their mid-ranks, and W+, the rank
 * sum of the positive differences, compared with its distribution over all 2^n sign assignments (the exact
 * conditional test). With 10 pairs the smallest two-sided p is 2/1024.
 */
public final class Wilcoxon {

    /**
     * @param wPlus     rank sum of the pairs where x > y
     * @param wMinus    rank sum of the pairs where x < y
     * @param pairs     pairs with a non-zero difference (those ranked)
     * @param pLess     P(W+ <= observed): the alternative "x tends to be smaller than y"
     * @param pGreater  P(W+ >= observed): "x tends to be larger"
     * @param pTwoSided twice the smaller, at most 1
     */
    public record Result(double wPlus, double wMinus, int pairs, double pLess, double pGreater, double pTwoSided) {
    }

    private Wilcoxon() {
    }

    public static Result test(double[] x, double[] y) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("The signed-rank test needs two non-empty samples of equal length (pairs), got "
                    + x.length + " and " + y.length + ".");
        }
        double[] differences = java.util.stream.IntStream.range(0, x.length).mapToDouble(i -> x[i] - y[i]).toArray();
        for (double d : differences) {
            if (Double.isNaN(d)) {
                throw new IllegalArgumentException("The signed-rank test cannot rank NaN.");
            }
        }
        double[] nonZero = java.util.Arrays.stream(differences).filter(d -> d != 0).toArray();
        int n = nonZero.length;
        if (n == 0) {
            return new Result(0, 0, 0, 1, 1, 1);
        }
        int[] twiceRanks = MannWhitney.twiceMidRanks(java.util.Arrays.stream(nonZero).map(Math::abs).toArray());
        int observed = 0;
        int maxSum = 0;
        for (int i = 0; i < n; i++) {
            observed += nonZero[i] > 0 ? twiceRanks[i] : 0;
            maxSum += twiceRanks[i];
        }
        // count[s]: sign assignments whose doubled positive rank sum is s (each rank in or out of W+)
        double[] count = new double[maxSum + 1];
        count[0] = 1;
        for (int r : twiceRanks) {
            for (int s = maxSum; s >= r; s--) {
                count[s] += count[s - r];
            }
        }
        double total = Math.pow(2, n);
        double atMost = 0;
        double atLeast = 0;
        for (int s = 0; s <= maxSum; s++) {
            atMost += s <= observed ? count[s] : 0;
            atLeast += s >= observed ? count[s] : 0;
        }
        double pLess = atMost / total;
        double pGreater = atLeast / total;
        return new Result(observed / 2.0, (maxSum - observed) / 2.0, n, pLess, pGreater, Math.min(1, 2 * Math.min(pLess, pGreater)));
    }
}
