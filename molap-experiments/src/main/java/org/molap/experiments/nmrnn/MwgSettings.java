package org.molap.experiments.nmrnn;

import org.molap.experiments.parallel.NetworkUnits;

import java.util.List;
import org.molap.experiments.Options;
import org.molap.experiments.Profile;
import org.molap.experiments.UsageException;

/**
 * The numbers of seed 003's rank-3 Measure-Wait-Go comparison (supplement C.3; the authors' train_*_mwg.py scripts),
 * per profile. Paper: NM-RNN N 100, K 3, M 5, trained on its low-rank group, then its neuromodulatory group, then all,
 * for 10k, 10k and 50k iterations; LR-RNN N 106 for 70k; RNN N 31 and LSTM N 15 for 50k; all at rate 1e-2, the 40
 * trials as one batch, element clipping at 1 and AdamW 1e-4, the parameters kept at the best of the 1000-iteration
 * chunk ends; 10 networks per model. Quick: N 50 for the NM- and LR-RNN, phases of 500, 500 and 2000 iterations,
 * 3000 for the baselines, chunks of 100, 2 networks per model.
 *
 * @param adamReset Adam's state reset every this many iterations (0: never; 1000 emulates the authors' loop)
 * @param lowRankScale the factor c of the low-rank term: "code" (the authors' code: 1 for the NM-RNN, 1/N for the
 *                     LR-RNN, whose recurrence is then about N times weaker), or one of "1/N" and "1" for both
 */
public record MwgSettings(String profile, List<NmModel> models, long firstSeed, int networks,
                          int nmUnits, int nmModulators, int rank, int lrUnits, int rnnUnits, int lstmUnits,
                          int lowRankIterations, int modulationIterations, int jointIterations,
                          int lrIterations, int rnnIterations, int lstmIterations,
                          double learningRate, double rnnLearningRate, int chunk, int adamReset, String lowRankScale) {

    public MwgSettings {
        if (!List.of("code", "1/N", "1").contains(lowRankScale)) {
            throw new UsageException("Option --low-rank-scale must be code, 1/N or 1, got '" + lowRankScale + "'.");
        }
    }

    /** c for the NM-RNN of N units. */
    double nmScale(int units) {
        return lowRankScale.equals("1/N") ? 1.0 / units : 1;
    }

    /** c for the LR-RNN of N units. */
    double lrScale(int units) {
        return lowRankScale.equals("1") ? 1 : 1.0 / units;
    }

    public static MwgSettings paper() {
        return new MwgSettings("paper", List.of(NmModel.values()), 1, 10, 100, 5, 3, 106, 31, 15,
                10_000, 10_000, 50_000, 70_000, 50_000, 50_000, 1e-2, 1e-2, 1000, 0, "code");
    }

    public static MwgSettings quick() {
        return new MwgSettings("quick", List.of(NmModel.values()), 1, 2, 50, 5, 3, 50, 31, 15,
                500, 500, 2000, 3000, 3000, 3000, 1e-2, 1e-2, 100, 0, "code");
    }

    /** The profile's settings with the command line's changes. */
    public static MwgSettings of(Options options) {
        MwgSettings s = options.profile() == Profile.PAPER ? paper() : quick();
        List<NmModel> models = options.get("models") == null ? s.models : NmModel.list(options.get("models"));
        long seed = options.seed() == null ? s.firstSeed : options.seed();
        int networks = options.positive("networks", s.networks);
        Integer reset = options.integer("adam-reset");
        if (reset != null && reset < 0) {
            throw new UsageException("Option --adam-reset must be 0 (off) or a positive number of iterations, got " + reset + ".");
        }
        Double rnnRate = options.number("rnn-lr");
        if (rnnRate != null && !(rnnRate > 0)) {
            throw new UsageException("Option --rnn-lr must be a positive learning rate, got " + rnnRate + ".");
        }
        return new MwgSettings(s.profile, models, seed, networks, s.nmUnits, s.nmModulators, s.rank, s.lrUnits,
                s.rnnUnits, s.lstmUnits, s.lowRankIterations, s.modulationIterations, s.jointIterations, s.lrIterations,
                s.rnnIterations, s.lstmIterations, s.learningRate, rnnRate == null ? s.rnnLearningRate : rnnRate, s.chunk,
                reset == null ? s.adamReset : reset, options.get("low-rank-scale") == null ? s.lowRankScale : options.get("low-rank-scale"));
    }

    /** The seeds of the networks of every model. */
    public List<Long> seeds() {
        return NetworkUnits.seeds(firstSeed, networks);
    }
}
