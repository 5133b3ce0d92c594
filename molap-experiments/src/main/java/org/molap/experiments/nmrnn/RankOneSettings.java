package org.molap.experiments.nmrnn;

import org.molap.experiments.parallel.NetworkUnits;

import org.molap.experiments.Options;
import org.molap.experiments.Profile;
import org.molap.experiments.UsageException;

/**
 * The rank-1 Measure-Wait-Go model of seed 003 (supplement C.3): the linear symmetric NM-RNN with N 100, M 20, K 1,
 * tau_x 2, tau_z 10, trained 50k iterations at rate 1e-3 (the authors' script: clipping and AdamW), one network in
 * the paper, three here. Quick: 4000 iterations at 1e-2, one network.
 */
public record RankOneSettings(String profile, long firstSeed, int networks, int units, int nmUnits, double tauX, double tauZ,
                              int iterations, double learningRate, int chunk) {

    public static RankOneSettings paper() {
        return new RankOneSettings("paper", 1, 3, 100, 20, 2, 10, 50_000, 1e-3, 1000);
    }

    public static RankOneSettings quick() {
        return new RankOneSettings("quick", 1, 1, 100, 20, 2, 10, 4000, 1e-2, 100);
    }

    public static RankOneSettings of(Options options) {
        RankOneSettings s = options.profile() == Profile.PAPER ? paper() : quick();
        Integer iterations = options.integer("iterations");
        if (iterations != null && iterations <= 0) {
            throw new UsageException("Option --iterations must be positive, got " + iterations + ".");
        }
        return new RankOneSettings(s.profile, options.seed() == null ? 1 : options.seed(), options.positive("networks", s.networks),
                s.units, s.nmUnits, s.tauX, s.tauZ, iterations == null ? s.iterations : iterations, s.learningRate, s.chunk);
    }

    public java.util.List<Long> seeds() {
        return NetworkUnits.seeds(firstSeed, networks);
    }
}
