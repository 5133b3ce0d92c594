package org.molap.core.tasks.motifs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The step motifs of seed 001 (appendix A.2.2): an Ornstein-Uhlenbeck path dz = -z dt + gamma sqrt(dt) chi
 * (dt = 0.1, gamma = 3 sqrt 2) after a warm-up; interval lengths drawn uniformly from [minInterval, maxInterval]
 * while their sum stays below the window; on each interval the motif is the path's mean there; then zeros, and the
 * first value set to 0. With the paper's numbers a motif has 550 to 1049 steps and 2 to 7 levels, as the 100 motifs of
 * the authors' repository (611 to 1048 samples).
 */
public final class StepMotifs {

    /**
     * @param dt          Euler step of the OU path (0.1)
     * @param gamma       its noise amplitude (3 sqrt 2: stationary std about 3)
     * @param warmup      path steps discarded first (200)
     * @param window      path steps the intervals are cut from (1000)
     * @param minInterval shortest interval in steps (50)
     * @param maxInterval longest (500)
     * @param padding     zeros appended (50)
     */
    public record Config(double dt, double gamma, int warmup, int window, int minInterval, int maxInterval, int padding) {
        public Config {
            if (!(dt > 0) || gamma < 0 || warmup < 0 || minInterval < 1 || maxInterval < minInterval || window <= maxInterval
                    || padding < 0) {
                throw new IllegalArgumentException("Not a step-motif generator: dt " + dt + ", window " + window
                        + ", intervals " + minInterval + ".." + maxInterval + ".");
            }
        }

        public static Config paper() {
            return new Config(0.1, 3 * Math.sqrt(2), 200, 1000, 50, 500, 50);
        }

        /** Seed 001 section 8's quick profile: a window of 400 steps, intervals 30..150, 20 zeros (250-420 steps). */
        public static Config quick() {
            return new Config(0.1, 3 * Math.sqrt(2), 200, 400, 30, 150, 20);
        }
    }

    private final Config config;

    public StepMotifs(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    /** {@code count} motifs named step-1, step-2, ..., each from its own path. */
    public List<Motif> sample(int count, Random rng) {
        List<Motif> motifs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            motifs.add(new Motif("step-" + (i + 1), one(rng)));
        }
        return motifs;
    }

    private double[] one(Random rng) {
        double[] z = ouPath(config.warmup() + config.window(), config.dt(), config.gamma(), rng);
        List<Integer> intervals = new ArrayList<>();
        int sum = 0;
        while (true) {
            int length = config.minInterval() + rng.nextInt(config.maxInterval() - config.minInterval() + 1);
            if (sum + length >= config.window()) {
                break;
            }
            intervals.add(length);
            sum += length;
        }
        double[] motif = new double[sum + config.padding()];
        int start = 0;
        for (int length : intervals) {
            double mean = 0;
            for (int k = 0; k < length; k++) {
                mean += z[config.warmup() + start + k];
            }
            mean /= length;
            java.util.Arrays.fill(motif, start, start + length, mean);
            start += length;
        }
        motif[0] = 0;
        return motif;
    }

    /** An Euler-integrated OU path from z = 0: z += -z dt + gamma sqrt(dt) chi, chi ~ N(0, 1); steps values after z_0. */
    static double[] ouPath(int steps, double dt, double gamma, Random rng) {
        double[] z = new double[steps];
        double x = 0;
        double kick = gamma * Math.sqrt(dt);
        for (int k = 0; k < steps; k++) {
            x += -x * dt + kick * rng.nextGaussian();
            z[k] = x;
        }
        return z;
    }
}
