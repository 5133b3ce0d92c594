package org.molap.experiments.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Minimum, median and interquartile range of repeated timings, in milliseconds. */
record Stats(double min, double median, double q1, double q3, int n) {
    static Stats of(double[] ms) {
        double[] v = ms.clone();
        Arrays.sort(v);
        return new Stats(v[0], quantile(v, 0.5), quantile(v, 0.25), quantile(v, 0.75), v.length);
    }

    /** Linear interpolation between order statistics (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    double iqr() {
        return q3 - q1;
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min_ms", min);
        m.put("median_ms", median);
        m.put("iqr_ms", iqr());
        m.put("n", n);
        return m;
    }

    /** One line as the bench goes: the round (0 is the warm-up), the contender and the median of its iterations. */
    static void progress(java.io.PrintStream console, int round, int rounds, Contender c, double[] ms) {
        console.printf("  %-9s %-62s %9.1f ms%n", round == 0 ? "warm-up" : "round " + round + "/" + rounds, c.label(), of(ms).median());
    }
}
