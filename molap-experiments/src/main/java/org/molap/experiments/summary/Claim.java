package org.molap.experiments.summary;

import org.molap.core.stats.Spread;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A claim of a seed paper judged on runs over seeds: the claim, the criterion it was judged by, the verdict and the
 * numbers. "Better" needs the paired (same seed, same test sets) difference to exceed twice its standard error, so
 * that a lead within the seed-to-seed noise is not called a win.
 */
public record Claim(String claim, String criterion, boolean holds, String evidence) {

    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("claim", claim);
        m.put("criterion", criterion);
        m.put("verdict", holds ? "holds" : "does not hold");
        m.put("evidence", evidence);
        return m;
    }

    /** The verdict, criterion and evidence, for the console. */
    public void print(java.io.PrintStream console) {
        console.printf("%n%s: %s.%n  criterion: %s%n  %s%n", claim, holds ? "HOLDS" : "DOES NOT HOLD", criterion, evidence);
    }

    /** The paired differences' mean is positive and more than twice their standard error. */
    public static boolean better(Spread diff) {
        return diff.mean() > 0 && diff.mean() > 2 * diff.standardError();
    }

    /** "87.3 ± 1.2% (n = 3)" for fractions. */
    public static String pm(Spread s) {
        return String.format("%.1f ± %.1f%% (n = %d)", 100 * s.mean(), 100 * s.sd(), s.n());
    }

    /** "+1.2 ± 0.8 points, standard error 0.5, n = 3" for differences of fractions. */
    public static String pmPoints(Spread diff) {
        return String.format("%+.1f ± %.1f points, standard error %.1f, n = %d", 100 * diff.mean(), 100 * diff.sd(),
                100 * diff.standardError(), diff.n());
    }
}
