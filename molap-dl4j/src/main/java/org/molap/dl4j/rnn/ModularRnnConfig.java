package org.molap.dl4j.rnn;

/**
 * Size and initialisation of the modular RNN of seed 000 Eq. 1.
 *
 * @param units   N, total recurrent units (seed 000 section 3.1: 100)
 * @param modules number of equally sized modules (seed 000: 2 modules of 50)
 * @param g       gain of the recurrent initialisation, W_rec ~ N(0,1) g / sqrt(N) (seed 000 A.2.3: 1.5)
 * @param seed    seed of every random initial weight
 */
public record ModularRnnConfig(int units, int modules, double g, long seed) {

    public ModularRnnConfig {
        if (units <= 0) {
            throw new IllegalArgumentException("The number of units must be positive, got " + units + ".");
        }
        if (!(g > 0) || Double.isInfinite(g)) {
            throw new IllegalArgumentException("The gain g must be a positive number, got " + g + ".");
        }
        if (modules <= 0 || units % modules != 0) {
            throw new IllegalArgumentException("The module count " + modules + " must divide the number of units "
                    + units + " into equal modules; choose a divisor of " + units + ".");
        }
    }

    /** The paper's network: N = 100, two modules of 50, g = 1.5. */
    public static ModularRnnConfig paper(long seed) {
        return new ModularRnnConfig(100, 2, 1.5, seed);
    }

    public ModularRnnConfig withSeed(long newSeed) {
        return new ModularRnnConfig(units, modules, g, newSeed);
    }

    public int moduleSize() {
        return units / modules;
    }
}
