package org.molap.dl4j.data;

import org.molap.core.tasks.Task;
import org.molap.core.tasks.Trials;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;

import java.util.Random;

/** Batches of one task's trials: features = task inputs, labels = task targets, labels mask = the task's loss mask (if any). */
public final class TaskIterator extends GeneratedIterator {
    private final Task task;
    private final DataType dtype;

    public TaskIterator(Task task, int batchSize, int batches, long seed, DataType dtype) {
        super(batchSize, batches, seed);
        this.task = task;
        this.dtype = dtype;
    }

    @Override
    protected DataSet generate(int batchSize, Random rng) {
        Trials trials = task.sample(batchSize, rng, dtype);
        return new DataSet(trials.inputs(), trials.targets(), null, trials.mask());
    }

    @Override
    public int inputColumns() {
        return task.inputChannels().size();
    }

    @Override
    public int totalOutcomes() {
        return task.outputChannels().size();
    }
}
