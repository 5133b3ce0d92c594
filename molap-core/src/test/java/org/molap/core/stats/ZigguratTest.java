package org.molap.core.stats;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ziggurat's draws against the standard normal: moments, tails, and the Kolmogorov-Smirnov distance. */
class ZigguratTest {

    private static double phi(double x) {        // standard normal CDF via erfc (Abramowitz-Stegun 7.1.26 is too coarse)
        return 0.5 * org.apache.commons.math3.special.Erf.erfc(-x / Math.sqrt(2));
    }

    @Test
    void drawsAreStandardNormal() {
        int n = 2_000_000;
        double[] x = new double[n];
        new Ziggurat(7).fill(x);
        double mean = Arrays.stream(x).average().orElseThrow();
        double var = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        double kurt = Arrays.stream(x).map(v -> Math.pow(v - mean, 4)).sum() / n / (var * var);
        assertEquals(0, mean, 5 * Math.sqrt(1.0 / n));
        assertEquals(1, var, 5 * Math.sqrt(2.0 / n));
        assertEquals(3, kurt, 0.02);
        // Tails: P(|x| > 3.442619855899), the ziggurat's own tail, and P(|x| > 4.5).
        long beyondR = Arrays.stream(x).filter(v -> Math.abs(v) > 3.442619855899).count();
        double pR = 2 * (1 - phi(3.442619855899));
        assertEquals(pR * n, beyondR, 5 * Math.sqrt(pR * n));
        long beyond45 = Arrays.stream(x).filter(v -> Math.abs(v) > 4.5).count();
        double p45 = 2 * (1 - phi(4.5));
        assertEquals(p45 * n, beyond45, 5 * Math.sqrt(p45 * n) + 2);
        // Kolmogorov-Smirnov: sqrt(n) D below 1.95 (the 0.1% critical value).
        Arrays.sort(x);
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = phi(x[i]);
            d = Math.max(d, Math.max(Math.abs(f - (double) i / n), Math.abs(f - (double) (i + 1) / n)));
        }
        assertTrue(Math.sqrt(n) * d < 1.95, "KS sqrt(n) D = " + Math.sqrt(n) * d);
    }

    @Test
    void aSeedGivesOneSequence() {
        Ziggurat a = new Ziggurat(3);
        Ziggurat b = new Ziggurat(3);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.next(), b.next(), 0);
        }
    }

    /** The generator is SplittableRandom's sequence, and a state taken mid-way restores the rest of it exactly. */
    @org.junit.jupiter.api.Test
    void itsUniformSourceIsSplittableRandomAndItsStateRestores() {
        java.util.SplittableRandom reference = new java.util.SplittableRandom(42);
        Ziggurat.SplitMix ours = new Ziggurat.SplitMix(42);
        for (int i = 0; i < 100_000; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(reference.nextInt(), ours.nextInt());
            org.junit.jupiter.api.Assertions.assertEquals(reference.nextLong(), ours.nextLong());
        }
        Ziggurat z = new Ziggurat(7);
        for (int i = 0; i < 1000; i++) {
            z.next();
        }
        long state = z.state();
        double[] rest = new double[1000];
        z.fill(rest);
        Ziggurat again = new Ziggurat(99);
        again.restore(state);
        double[] replay = new double[1000];
        again.fill(replay);
        org.junit.jupiter.api.Assertions.assertArrayEquals(rest, replay, 0);
    }
}
