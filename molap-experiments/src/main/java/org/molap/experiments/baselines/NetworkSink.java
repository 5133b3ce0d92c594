package org.molap.experiments.baselines;

import org.molap.core.perturb.UnitPartition;
import org.molap.core.tasks.Task;
import org.molap.dl4j.perturb.PerturbationSweep;
import org.molap.dl4j.rnn.RecurrentModel;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Receives each method's trained network for each task, as it is final for that task (MoLaP: the frozen core with the
 * task's head; separate networks: the task's network; DNI: the one network after the last task), so that a study can
 * perturb it later. The model's arrays are copied at once: engines are reused for the next task.
 */
@FunctionalInterface
public interface NetworkSink {
    NetworkSink NONE = network -> {
    };

    /** A trained network, the task it is tested on (with its test seed) and how many of its outputs are scored. */
    record Trained(String method, Task task, int scored, long testSeed, PerturbationSweep.Network network) {
    }

    void accept(Trained trained);

    /** Copies {@code model}'s arrays into a {@link Trained}, its units split into {@code modules} as MoLaP's are. */
    static Trained copy(String method, Task task, int scored, long testSeed, RecurrentModel model, int modules) {
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> arrays = new LinkedHashMap<>();
        model.parameters().forEach((name, value) -> arrays.put(name, value.dup()));
        return new Trained(method, task, scored, testSeed, new PerturbationSweep.Network(model.shape(), arrays,
                new UnitPartition(model.shape().units(), modules)));
    }
}
