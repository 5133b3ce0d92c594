package org.molap.core.tasks.motifs;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The oscillatory motifs of seed 001 (appendix A.2.1: "the output from a random Gaussian network with tanh nonlinearity
 * set in the chaotic regime", low-pass filtered). The paper gives no numbers; this follows the ten patterns of the
 * authors' repository, each exactly a constant plus 4 harmonics of a period equal to its own length, starting at 0:
 * a chaotic rate network (N 500, g 1.5, J ~ N(0, 1/N), tau 1, dt 0.1, 500 warm-up steps) is read out by two random
 * readouts w ~ N(0, 1/N) over T ~ U{900..960} steps (one T per pair); each readout keeps harmonics 0..4 of period T,
 * is shifted to start at 0 and rescaled to a standard deviation drawn from [0.45, 0.8]. Being T-periodic, a motif ends
 * where it starts, with the same slope, so chains of them are seamless.
 */
public final class OscillatoryMotifs {

    public record Config(int units, double gain, double dt, int warmup, int minLength, int maxLength, int harmonics,
                         double minStd, double maxStd) {
        public Config {
            if (units < 1 || !(dt > 0) || warmup < 0 || minLength < 2 || maxLength < minLength || harmonics < 1
                    || 2 * harmonics >= minLength || !(minStd > 0) || maxStd < minStd) {
                throw new IllegalArgumentException("Not an oscillatory-motif generator: " + units + " units, lengths "
                        + minLength + ".." + maxLength + ", " + harmonics + " harmonics, std " + minStd + ".." + maxStd + ".");
            }
        }

        public static Config paper() {
            return new Config(500, 1.5, 0.1, 500, 900, 960, 4, 0.45, 0.8);
        }

        /** Shorter motifs (300-360 steps) from a smaller network, for quick profiles and tests. */
        public static Config quick() {
            return new Config(200, 1.5, 0.1, 300, 300, 360, 4, 0.45, 0.8);
        }
    }

    private final Config config;

    public OscillatoryMotifs(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    /** {@code count} motifs named osc-1, osc-2, ..., two per simulated network (both of a pair have the same length). */
    public List<Motif> sample(int count, Random rng) {
        List<Motif> motifs = new ArrayList<>(count);
        while (motifs.size() < count) {
            int length = config.minLength() + rng.nextInt(config.maxLength() - config.minLength() + 1);
            double[][] readouts = chaoticReadouts(length, rng);
            for (int r = 0; r < 2 && motifs.size() < count; r++) {
                double[] f = lowPass(readouts[r], config.harmonics());
                double first = f[0];
                double std = 0;
                double mean = 0;
                for (int t = 0; t < length; t++) {
                    f[t] -= first;
                    mean += f[t] / length;
                }
                for (double v : f) {
                    std += (v - mean) * (v - mean) / length;
                }
                double scale = (config.minStd() + rng.nextDouble() * (config.maxStd() - config.minStd())) / Math.sqrt(std);
                for (int t = 0; t < length; t++) {
                    f[t] *= scale;
                }
                motifs.add(new Motif("osc-" + (motifs.size() + 1), f));
            }
        }
        return motifs;
    }

    /** Two readouts w' tanh(x) of a chaotic network dx/dt = -x + g J tanh(x), over {@code steps} steps after the warm-up. */
    private double[][] chaoticReadouts(int steps, Random rng) {
        int n = config.units();
        double[] j = new double[n * n];
        double sd = config.gain() / Math.sqrt(n);
        for (int i = 0; i < j.length; i++) {
            j[i] = sd * rng.nextGaussian();
        }
        double[][] w = new double[2][n];
        for (double[] row : w) {
            for (int i = 0; i < n; i++) {
                row[i] = rng.nextGaussian() / Math.sqrt(n);
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextGaussian();
        }
        double[] r = new double[n];
        double[][] out = new double[2][steps];
        for (int k = 0; k < config.warmup() + steps; k++) {
            for (int i = 0; i < n; i++) {
                r[i] = Math.tanh(x[i]);
            }
            if (k >= config.warmup()) {
                for (int o = 0; o < 2; o++) {
                    double y = 0;
                    for (int i = 0; i < n; i++) {
                        y += w[o][i] * r[i];
                    }
                    out[o][k - config.warmup()] = y;
                }
            }
            for (int i = 0; i < n; i++) {
                double drive = 0;
                for (int c = 0, row = i * n; c < n; c++) {
                    drive += j[row + c] * r[c];
                }
                x[i] += config.dt() * (-x[i] + drive);
            }
        }
        return out;
    }

    /**
     * The projection of y onto harmonics 0..h of its own length T: y's discrete Fourier series with every frequency above
     * h set to zero (what an FFT, zeroing and inverse FFT give), computed directly.
     */
    static double[] lowPass(double[] y, int h) {
        int length = y.length;
        double[] f = new double[length];
        for (int k = 0; k <= h; k++) {
            double a = 0;
            double b = 0;
            for (int t = 0; t < length; t++) {
                double phase = 2 * Math.PI * k * t / length;
                a += y[t] * Math.cos(phase);
                b += y[t] * Math.sin(phase);
            }
            double weight = k == 0 ? 1.0 / length : 2.0 / length;
            for (int t = 0; t < length; t++) {
                double phase = 2 * Math.PI * k * t / length;
                f[t] += weight * (a * Math.cos(phase) + b * Math.sin(phase));
            }
        }
        return f;
    }
}
