package org.molap.dl4j.baselines;

import org.molap.core.tasks.Task;
import org.molap.dl4j.molap.HeadTraining;
import org.molap.dl4j.molap.PhaseSettings;
import org.molap.dl4j.rnn.GraphCache;
import org.molap.dl4j.rnn.Head;
import org.molap.dl4j.rnn.ModularRnnConfig;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.train.TrainableSet;
import org.molap.dl4j.train.Trainer;

/**
 * The separate-networks baseline of seed 000 (section 4, Fig. 2A): a fresh network per task with every weight
 * trainable (W_in, W_rec, b, W_out, b_out), trained with the given trainer (A.2.3: Adam 3e-3). It is head
 * training on a new random core with nothing frozen.
 */
public final class SeparateNetwork {
    private final PhaseSettings settings;
    private final HeadTraining training;

    public SeparateNetwork(GraphCache graphs, PhaseSettings settings, Trainer trainer) {
        this.settings = settings;
        this.training = new HeadTraining(graphs, settings, trainer);
    }

    public static String phaseName(Task task) {
        return "separate-" + task.name();
    }

    /** Trains a new network of the given configuration on the task; the result holds its core and head. */
    public Result train(ModularRnnConfig network, Task task, long seed) {
        RecurrentCore core = RecurrentCore.random(network, settings.dtype());
        HeadTraining.Result trained = training.train(core, task, seed, phaseName(task),
                TrainableSet.of(Head.W_IN, RecurrentCore.W_REC, RecurrentCore.BIAS, Head.W_OUT, Head.B_OUT));
        return new Result(core, trained);
    }

    public record Result(RecurrentCore core, HeadTraining.Result trained) {
    }
}
