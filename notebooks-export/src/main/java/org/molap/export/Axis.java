package org.molap.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A numeric axis: maps data values in [min, max] onto a pixel interval, linearly or in log10, and chooses
 * readable tick positions (1, 2, 5 x 10^k steps; whole decades on a log axis).
 */
final class Axis {
    private final double min;
    private final double max;
    private final boolean log;
    private double pixelFrom;
    private double pixelTo;

    private Axis(double min, double max, boolean log) {
        this.min = min;
        this.max = max;
        this.log = log;
    }

    /** A linear axis showing exactly [min, max]. */
    static Axis linear(double min, double max) {
        if (!(max > min)) {
            throw new IllegalArgumentException("An axis needs max > min, got [" + min + ", " + max + "].");
        }
        return new Axis(min, max, false);
    }

    /** A linear axis covering the finite values given, widened to tick positions. */
    static Axis linearCovering(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return linear(0, 1);
        }
        if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double step = niceStep((hi - lo) / 5);
        return linear(Math.floor(lo / step) * step, Math.ceil(hi / step) * step);
    }

    /** A log10 axis covering the positive values given, widened to whole decades. */
    static Axis logCovering(double lo, double hi) {
        if (!(lo > 0) || !Double.isFinite(hi)) {
            return new Axis(0.1, 10, true);
        }
        double a = Math.floor(Math.log10(lo));
        double b = Math.ceil(Math.log10(hi));
        if (b <= a) {
            b = a + 1;
        }
        return new Axis(Math.pow(10, a), Math.pow(10, b), true);
    }

    /** Places the axis on screen: {@code min} lands on {@code from}, {@code max} on {@code to}. */
    Axis place(double from, double to) {
        this.pixelFrom = from;
        this.pixelTo = to;
        return this;
    }

    boolean isLog() {
        return log;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    /** Whether a value can be drawn on this axis (finite, and positive on a log axis). */
    boolean accepts(double v) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    /** The pixel coordinate of {@code v}; values outside the range map outside the pixel interval. */
    double toPixel(double v) {
        double f = log ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                       : (v - min) / (max - min);
        return pixelFrom + f * (pixelTo - pixelFrom);
    }

    /** The pixel coordinate of {@code v} clamped to the axis range. */
    double toPixelClamped(double v) {
        return toPixel(Math.max(min, Math.min(max, v)));
    }

    /** Tick positions inside [min, max]. */
    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            int a = (int) Math.round(Math.log10(min));
            int b = (int) Math.round(Math.log10(max));
            int every = Math.max(1, (int) Math.ceil((b - a) / 8.0));
            for (int e = a; e <= b; e += every) {
                ticks.add(Math.pow(10, e));
            }
            return ticks;
        }
        double step = niceStep((max - min) / 5);
        for (double t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return ticks;
    }

    /** The label of a tick: plain numbers, powers of ten in e-notation outside [1e-3, 1e4]. */
    String label(double tick) {
        double abs = Math.abs(tick);
        if (tick != 0 && (abs < 1e-3 || abs >= 1e5)) {
            int exponent = (int) Math.floor(Math.log10(abs) + 1e-9);
            double mantissa = tick / Math.pow(10, exponent);
            return Math.abs(mantissa - Math.rint(mantissa)) < 1e-6 && Math.rint(mantissa) == 1
                    ? "1e" + exponent
                    : String.format(Locale.ROOT, "%se%d", Fmt.trim(mantissa, 2), exponent);
        }
        return Fmt.trim(tick, 6);
    }

    /** The smallest of 1, 2, 5 x 10^k that is at least {@code rough}. */
    static double niceStep(double rough) {
        if (!(rough > 0) || !Double.isFinite(rough)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * magnitude;
    }
}
