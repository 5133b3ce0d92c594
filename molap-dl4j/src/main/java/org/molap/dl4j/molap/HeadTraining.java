package org.molap.dl4j.molap;

import org.molap.core.tasks.Task;
import org.molap.dl4j.data.TaskIterator;
import org.molap.dl4j.rnn.GraphCache;
import org.molap.dl4j.rnn.Head;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.rnn.RecurrentModel;
import org.molap.dl4j.rnn.RnnGraph;
import org.molap.dl4j.train.PhaseRecord;
import org.molap.dl4j.train.Trainer;
import org.molap.dl4j.train.TrainableSet;

/**
 * Task training (seed 000 sections 3.4, A.2.3): a new input matrix and a new readout with bias per task;
 * W_rec and b stay frozen.
 */
public final class HeadTraining {
    private final GraphCache graphs;
    private final PhaseSettings settings;
    private final Trainer trainer;

    public HeadTraining(GraphCache graphs, PhaseSettings settings, Trainer trainer) {
        this.graphs = graphs;
        this.settings = settings;
        this.trainer = trainer;
    }

    public static String phaseName(Task task) {
        return "task-" + task.name();
    }

    /** Trains a fresh head for the task on the (frozen) core; returns the head and what the phase did. */
    public Result train(RecurrentCore core, Task task, long seed) {
        return train(core, task, seed, phaseName(task), TrainableSet.of(Head.W_IN, Head.W_OUT, Head.B_OUT));
    }

    /**
     * Trains a fresh head for the task on the core with the given variables trainable (heads only for MoLaP;
     * everything for a separate network); the core and the head hold the trained weights afterwards.
     */
    public Result train(RecurrentCore core, Task task, long seed, String phase, TrainableSet trainable) {
        Head head = Head.random(core.units(), task.inputChannels().size(), task.outputChannels().size(),
                settings.readoutScale(), seed, settings.dtype());
        RecurrentModel graph = graphs.loaded(shape(core, task), core, head);
        TaskIterator data = new TaskIterator(task, settings.batchSize(), trainer.config().iterations(), seed + 1, settings.dtype());
        PhaseRecord record = trainer.fit(phase, graph, trainable, data);
        graph.storeInto(core, head);
        return new Result(head, graph, record);
    }

    public RnnGraph.Shape shape(RecurrentCore core, Task task) {
        return RnnGraph.Shape.of(core, task.inputChannels().size(), task.outputChannels().size(),
                settings.steps(), settings.dtype(), settings.regularisation());
    }

    public record Result(Head head, RecurrentModel model, PhaseRecord record) {
    }
}
