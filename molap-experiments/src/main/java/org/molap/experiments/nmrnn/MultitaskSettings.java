package org.molap.experiments.nmrnn;

import org.molap.experiments.parallel.NetworkUnits;

import java.util.List;
import org.molap.experiments.Options;
import org.molap.experiments.Profile;
import org.molap.experiments.UsageException;

/**
 * The numbers of seed 003's multitask experiment (supplement C.2-C.3; the authors' train_*_multitask_plus_retrain.py):
 * NM-RNN N 100, M 20, K 3 (x reads fixation and stimulus, z also the contexts), LR-RNN N 100, K 3, RNN N 18, LSTM
 * N 8 (the paper's sizes; {@code --matched} gives RNN 38 and LSTM 17, the NM-RNN's parameter count); trained on 3000
 * trials of Delay Pro, Delay Anti and Memory Pro in minibatches of 100 drawn with replacement, rate 1e-3, for 150k
 * iterations; then retrained on 1000 Memory Anti trials with a new context channel, rate 1e-2, 50k iterations: the
 * NM-RNN only its neuromodulatory group, the baselines only their input weights. Medium (the paper profile here, the
 * full one with {@code --iterations 150000 --retrain-iterations 50000 --networks 10}): 50k and 20k iterations, 3
 * networks. Quick: N 50, M 10 for the NM-RNN, 300 trials, 1500 iterations in batches of 50, retrained 500 on 100.
 */
public record MultitaskSettings(String profile, List<NmModel> models, long firstSeed, int networks, boolean matched,
                                int nmUnits, int nmModulators, int rank, int lrUnits, int trials, int batch, int iterations,
                                double learningRate, int retrainTrials, int retrainIterations, double retrainRate,
                                int testTrials, int chunk) {

    public static MultitaskSettings paper() {
        return new MultitaskSettings("paper", List.of(NmModel.values()), 1, 3, false, 100, 20, 3, 100, 3000, 100, 50_000,
                1e-3, 1000, 20_000, 1e-2, 1000, 1000);
    }

    public static MultitaskSettings quick() {
        return new MultitaskSettings("quick", List.of(NmModel.values()), 1, 2, false, 50, 10, 3, 50, 300, 50, 1500,
                1e-3, 100, 500, 1e-2, 200, 100);
    }

    public static MultitaskSettings of(Options options) {
        MultitaskSettings s = options.profile() == Profile.PAPER ? paper() : quick();
        Integer iterations = options.integer("iterations");
        Integer retrain = options.integer("retrain-iterations");
        if ((iterations != null && iterations <= 0) || (retrain != null && retrain <= 0)) {
            throw new UsageException("Options --iterations and --retrain-iterations must be positive.");
        }
        return new MultitaskSettings(s.profile, options.get("models") == null ? s.models : NmModel.list(options.get("models")),
                options.seed() == null ? 1 : options.seed(), options.positive("networks", s.networks),
                Boolean.parseBoolean(options.get("matched")), s.nmUnits, s.nmModulators, s.rank, s.lrUnits, s.trials, s.batch,
                iterations == null ? s.iterations : iterations, s.learningRate, s.retrainTrials,
                retrain == null ? s.retrainIterations : retrain, s.retrainRate, s.testTrials, s.chunk);
    }

    /** Units of the vanilla RNN and the LSTM: the paper's (about 500 parameters), or matched to the NM-RNN's. */
    int rnnUnits() {
        return matched ? 38 : 18;
    }

    int lstmUnits() {
        return matched ? 17 : 8;
    }

    public List<Long> seeds() {
        return NetworkUnits.seeds(firstSeed, networks);
    }
}
