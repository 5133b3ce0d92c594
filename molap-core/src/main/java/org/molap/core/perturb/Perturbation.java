package org.molap.core.perturb;

import java.util.Arrays;
import java.util.Random;

/**
 * A perturbation of a trained recurrent network (seed 000 A.4): weight lesions, activity silencing, weight noise. One
 * draw is {@link #apply}: from the network's W_rec (row-major N x N, entry [i][j] from unit j to unit i) and a random
 * source, the perturbed W_rec and the units clamped at 0 at every step. The same source gives the same draw.
 */
public sealed interface Perturbation {

    /** One draw: the recurrent weights to use and which units are silenced (all false: none). */
    record Draw(double[] wRec, boolean[] silenced) {
    }

    Draw apply(double[] wRec, UnitPartition units, Random rng);

    /** The perturbation's level as the figures' x axis shows it: percent lesioned or silenced, or sigma. */
    double level();

    /** A random {@code percent}% of the weights in {@code scope} set to 0 (rounded to whole entries). */
    record WeightLesion(LesionScope scope, double percent) implements Perturbation {
        public WeightLesion {
            requirePercent(percent);
        }

        @Override
        public Draw apply(double[] wRec, UnitPartition units, Random rng) {
            int n = requireSquare(wRec, units);
            int[] chosen = new int[n * n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (scope.contains(i, j, units)) {
                        chosen[count++] = i * n + j;
                    }
                }
            }
            double[] lesioned = wRec.clone();
            for (int index : pick(chosen, count, percent, rng)) {
                lesioned[index] = 0;
            }
            return new Draw(lesioned, new boolean[n]);
        }

        @Override
        public double level() {
            return percent;
        }
    }

    /** A random {@code percent}% of the units (rounded) clamped at 0 at every step; the weights unchanged. */
    record ActivitySilencing(double percent) implements Perturbation {
        public ActivitySilencing {
            requirePercent(percent);
        }

        @Override
        public Draw apply(double[] wRec, UnitPartition units, Random rng) {
            int n = requireSquare(wRec, units);
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            boolean[] silenced = new boolean[n];
            for (int unit : pick(all, n, percent, rng)) {
                silenced[unit] = true;
            }
            return new Draw(wRec.clone(), silenced);
        }

        @Override
        public double level() {
            return percent;
        }
    }

    /** N(0, sigma^2) added to every recurrent weight. */
    record WeightNoise(double sigma) implements Perturbation {
        public WeightNoise {
            if (!(sigma >= 0) || Double.isInfinite(sigma)) {
                throw new IllegalArgumentException("The noise's sigma must be finite and >= 0, got " + sigma + ".");
            }
        }

        @Override
        public Draw apply(double[] wRec, UnitPartition units, Random rng) {
            int n = requireSquare(wRec, units);
            double[] noisy = wRec.clone();
            for (int k = 0; k < noisy.length; k++) {
                noisy[k] += sigma * rng.nextGaussian();
            }
            return new Draw(noisy, new boolean[n]);
        }

        @Override
        public double level() {
            return sigma;
        }
    }

    /** round(percent / 100 * count) of the first {@code count} candidates, uniformly without replacement. */
    private static int[] pick(int[] candidates, int count, double percent, Random rng) {
        int k = (int) Math.round(percent / 100 * count);
        int[] c = Arrays.copyOf(candidates, count);
        for (int m = 0; m < k; m++) {        // partial Fisher-Yates: the first k places are the draw
            int r = m + rng.nextInt(count - m);
            int t = c[m];
            c[m] = c[r];
            c[r] = t;
        }
        return Arrays.copyOf(c, k);
    }

    private static void requirePercent(double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("A percentage between 0 and 100 is needed, got " + percent + ".");
        }
    }

    private static int requireSquare(double[] wRec, UnitPartition units) {
        int n = units.units();
        if (wRec.length != n * n) {
            throw new IllegalArgumentException("W_rec has " + wRec.length + " entries; " + n + " units need " + n * n + ".");
        }
        return n;
    }
}
