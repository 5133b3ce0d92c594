package org.molap.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting shared by the charts and the report (always Locale.ROOT: a dot for decimals). */
final class Fmt {
    private Fmt() {
    }

    /** {@code v} with at most {@code maxDecimals} decimals and no trailing zeros: 0.5, 20, 0.001. */
    static String trim(double v, int maxDecimals) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "n/a" : (v > 0 ? "inf" : "-inf");
        }
        String s = BigDecimal.valueOf(v).setScale(maxDecimals, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** v to {@code digits} significant digits without trailing zeros: 36.666667 -> "36.67", 0.976 -> "0.976". */
    static String significant(double v, int digits) {
        if (!Double.isFinite(v) || v == 0) {
            return trim(v, 0);
        }
        return new BigDecimal(v).round(new java.math.MathContext(digits, RoundingMode.HALF_UP)).stripTrailingZeros().toPlainString();
    }

    /** A fraction in [0, 1] as a percentage with one decimal: 0.93 -> "93.0%". */
    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.1f%%", 100 * fraction) : "n/a";
    }

    /**
     * A measured number for a table: integers with thousands separators (10,301), ordinary magnitudes
     * with four significant digits (0.3125, 210.5), very small or large ones in e-notation (1.234e-05).
     */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return trim(v, 0);
        }
        double abs = Math.abs(v);
        if (v == Math.rint(v) && abs < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        if (abs >= 1e-3 && abs < 1e6) {
            int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(abs)));
            return trim(v, decimals);
        }
        return String.format(Locale.ROOT, "%.3e", v).replaceAll("\\.?0+e", "e");
    }
}
