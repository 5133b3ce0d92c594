package org.molap.core.corpus;

import org.molap.core.tasks.Task;
import org.molap.core.tasks.Trials;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A corpus of tasks seen side by side (seed 000 section 3.3): trial i of the corpus is trial i of every task,
 * their channels concatenated, e.g. 25 input and 22 output channels for the nine MoLaP tasks.
 * Channel names are prefixed with the task name ("DelayPro/cos").
 */
public final class TaskCorpus {
    private final List<Task> tasks;

    public TaskCorpus(List<Task> tasks) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("A corpus needs at least one task.");
        }
        this.tasks = List.copyOf(tasks);
    }

    public List<Task> tasks() {
        return tasks;
    }

    /**
     * The corpus without the named tasks (seed 000 section 4.2's leave-one-out and leave-two-out): their trials are
     * never drawn, so they cannot reach a fit on this corpus. Naming a task it does not hold, or every task, is an error.
     */
    public TaskCorpus without(java.util.Collection<String> names) {
        for (String name : names) {
            if (tasks.stream().noneMatch(t -> t.name().equals(name))) {
                throw new IllegalArgumentException("The corpus has no task '" + name + "' to leave out.");
            }
        }
        return new TaskCorpus(tasks.stream().filter(t -> !names.contains(t.name())).toList());
    }

    /** One batch of every task, in corpus order, channels side by side: [batch, sum of channels, time]. */
    public Trials sampleSideBySide(int batchSize, Random rng, DataType dtype) {
        List<INDArray> inputs = new ArrayList<>();
        List<INDArray> targets = new ArrayList<>();
        List<String> inNames = new ArrayList<>();
        List<String> outNames = new ArrayList<>();
        for (Task task : tasks) {
            Trials t = task.sample(batchSize, rng, dtype);
            inputs.add(t.inputs());
            targets.add(t.targets());
            t.inputChannels().forEach(c -> inNames.add(task.name() + "/" + c));
            t.outputChannels().forEach(c -> outNames.add(task.name() + "/" + c));
        }
        return new Trials("corpus", Nd4j.concat(1, inputs.toArray(INDArray[]::new)),
                Nd4j.concat(1, targets.toArray(INDArray[]::new)), inNames, outNames);
    }
}
