package org.molap.export;

import java.util.Collection;

/** The extent of the points a plot will draw. */
final class Ranges {
    private Ranges() {
    }

    /**
     * {min, max} of coordinate {@code dim} (0: x, 1: y) over the drawable points of {xs, ys} series: both
     * coordinates finite and, with {@code logY}, y > 0. {+inf, -inf} when there is none.
     */
    static double[] of(Collection<double[][]> series, boolean logY, int dim) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[][] xy : series) {
            int n = Math.min(xy[0].length, xy[1].length);
            for (int i = 0; i < n; i++) {
                double x = xy[0][i];
                double y = xy[1][i];
                if (Double.isFinite(x) && Double.isFinite(y) && (!logY || y > 0)) {
                    double v = xy[dim][i];
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return new double[] {lo, hi};
    }
}
