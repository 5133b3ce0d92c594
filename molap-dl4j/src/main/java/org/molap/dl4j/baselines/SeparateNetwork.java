package org.molap.dl4j.baselines;

import org.molap.core.tasks.Task;
import org.molap.dl4j.data.TaskIterator;
import org.molap.dl4j.molap.PhaseSettings;
import org.molap.dl4j.rnn.GraphCache;
import org.molap.dl4j.rnn.Head;
import org.molap.dl4j.rnn.ModularRnnConfig;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.rnn.RecurrentModel;
import org.molap.dl4j.rnn.RnnGraph;
import org.molap.dl4j.train.PhaseRecord;
import org.molap.dl4j.train.TrainableSet;
import org.molap.dl4j.train.Trainer;

/**
 * The separate-networks baseline of seed 000 (section 4, Fig. 2A): a fresh network per task with every weight
 * trainable (W_in, W_rec, b, W_out, b_out), trained with the given trainer (A.2.3: Adam 3e-3).
 */
public final class SeparateNetwork {
    private final GraphCache graphs;
    private final PhaseSettings settings;
    private final Trainer trainer;

    public SeparateNetwork(GraphCache graphs, PhaseSettings settings, Trainer trainer) {
        this.graphs = graphs;
        this.settings = settings;
        this.trainer = trainer;
    }

    public static String phaseName(Task task) {
        return "separate-" + task.name();
    }

    /** Trains a new network of the given configuration on the task; the returned core and head hold its weights. */
    public Result train(ModularRnnConfig network, Task task, long seed) {
        RecurrentCore core = RecurrentCore.random(network, settings.dtype());
        Head head = Head.random(network.units(), task.inputChannels().size(), task.outputChannels().size(),
                settings.readoutScale(), seed, settings.dtype());
        RnnGraph.Shape shape = new RnnGraph.Shape(network.units(), head.inputs(), head.outputs(), settings.steps(),
                settings.dtype(), settings.regularisation());
        RecurrentModel model = graphs.loaded(shape, core, head);
        TaskIterator data = new TaskIterator(task, settings.batchSize(), trainer.config().iterations(), seed + 1, settings.dtype());
        PhaseRecord record = trainer.fit(phaseName(task), model,
                TrainableSet.of(Head.W_IN, RecurrentCore.W_REC, RecurrentCore.BIAS, Head.W_OUT, Head.B_OUT), data);
        model.storeInto(core, head);
        return new Result(core, head, model, record);
    }

    public record Result(RecurrentCore core, Head head, RecurrentModel model, PhaseRecord record) {
    }
}
