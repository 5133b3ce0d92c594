package org.molap.dl4j.rnn;

/**
 * Size, dynamics and initialisation of the modular RNN of seed 000 Eq. 1 with a leak:
 * {@code h_t = (1 - leak) h_{t-1} + leak tanh(W_rec h_{t-1} + W_in x_t + b)}.
 *
 * @param units   N, total recurrent units (seed 000 section 3.1: 100)
 * @param modules number of equally sized modules (seed 000: 2 modules of 50)
 * @param g       gain of the recurrent initialisation, W_rec ~ N(0,1) g / sqrt(N) (seed 000 A.2.3: 1.5)
 * @param seed    seed of every random initial weight
 * @param leak    a = dt / tau in (0, 1]. Seed 000 Eq. 1 has no leak (a = 1); its tasks come from Yang et al. 2019
 *                (seed 000 ref. 76), whose networks use a = 0.2 (dt 20 ms, tau 100 ms), as does the DNI code
 *                it compares with. Without the leak no network holds a stimulus through the memory delay
 *                (REFERENCE.md section 1), so the paper profile uses {@link #YANG_LEAK}.
 */
public record ModularRnnConfig(int units, int modules, double g, long seed, double leak) {
    /** a = dt / tau = 20 ms / 100 ms (Yang et al. 2019, the source of seed 000's tasks). */
    public static final double YANG_LEAK = 0.2;

    public ModularRnnConfig {
        if (units <= 0) {
            throw new IllegalArgumentException("The number of units must be positive, got " + units + ".");
        }
        if (!(g > 0) || Double.isInfinite(g)) {
            throw new IllegalArgumentException("The gain g must be a positive number, got " + g + ".");
        }
        if (!(leak > 0 && leak <= 1)) {
            throw new IllegalArgumentException("The leak a = dt / tau must be in (0, 1], got " + leak + "; a = 1 is seed 000 Eq. 1 without a leak.");
        }
        if (modules <= 0 || units % modules != 0) {
            throw new IllegalArgumentException("The module count " + modules + " must divide the number of units "
                    + units + " into equal modules; choose a divisor of " + units + ".");
        }
    }

    /** The literal Eq. 1 of seed 000: no leak (a = 1). */
    public ModularRnnConfig(int units, int modules, double g, long seed) {
        this(units, modules, g, seed, 1.0);
    }

    /** The paper's network: N = 100, two modules of 50, g = 1.5, with Yang et al.'s leak a = 0.2. */
    public static ModularRnnConfig paper(long seed) {
        return new ModularRnnConfig(100, 2, 1.5, seed, YANG_LEAK);
    }

    public ModularRnnConfig withSeed(long newSeed) {
        return new ModularRnnConfig(units, modules, g, newSeed, leak);
    }

    public int moduleSize() {
        return units / modules;
    }
}
