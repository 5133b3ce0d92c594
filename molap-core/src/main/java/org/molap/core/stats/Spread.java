package org.molap.core.stats;

import java.util.Arrays;

/**
 * Mean and spread of a few repeated measurements (for instance one number per seed): the mean, the sample
 * standard deviation (n - 1 in the denominator; 0 for a single value), the standard error of the mean, and
 * the extremes. NaN values are not allowed: a missing measurement must be left out, not averaged.
 */
public record Spread(double mean, double sd, int n, double min, double max) {

    public static Spread of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("A spread needs at least one value.");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("A spread needs finite values, got " + Arrays.toString(values) + ".");
            }
        }
        double mean = Arrays.stream(values).sum() / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0;
        return new Spread(mean, sd, values.length, Arrays.stream(values).min().orElseThrow(), Arrays.stream(values).max().orElseThrow());
    }

    /** sd / sqrt(n). */
    public double standardError() {
        return sd / Math.sqrt(n);
    }
}
