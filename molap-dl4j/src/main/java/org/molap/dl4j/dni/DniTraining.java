package org.molap.dl4j.dni;

import org.molap.core.tasks.RuleCuedTask;
import org.molap.core.tasks.Trials;
import org.molap.dl4j.data.TaskIterator;
import org.molap.dl4j.molap.PhaseSettings;
import org.molap.dl4j.rnn.GraphCache;
import org.molap.dl4j.rnn.Head;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.rnn.RecurrentModel;
import org.molap.dl4j.rnn.RnnGraph;
import org.molap.dl4j.train.PhaseRecord;
import org.molap.dl4j.train.TrainableSet;
import org.molap.dl4j.train.Trainer;
import org.molap.dl4j.train.TrainerConfig;
import org.molap.dl4j.train.TrainingListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Continual learning with dynamical non-interference (Duncker et al. 2020, the DNI baseline of seed 000):
 * one network learns the tasks one after another, every weight trainable, each task cued by a one-hot rule
 * input. After each task the covariances of {@link TaskCovariances} are measured on a large batch of that
 * task; from the second task on, every Adam step is projected by {@link DniProjection}. Without projection
 * ({@code alpha = null}) it is plain sequential fine-tuning, the control that shows what DNI is for.
 */
public final class DniTraining {
    /** Trials per forward pass when measuring covariances. */
    private static final int CHUNK = 256;

    private final GraphCache graphs;
    private final PhaseSettings settings;
    private final TrainerConfig optimiser;
    private final Double alpha;
    private final int covarianceTrials;
    private final List<TrainingListener> listeners = new ArrayList<>();

    /**
     * @param optimiser        per task (seed 000 A.2.3: Adam 3e-3 for DNI)
     * @param alpha            DNI's alpha (1e-3), or null for no projection
     * @param covarianceTrials trials per task for the covariances (8192 in the original)
     */
    public DniTraining(GraphCache graphs, PhaseSettings settings, TrainerConfig optimiser, Double alpha, int covarianceTrials) {
        this.graphs = graphs;
        this.settings = settings;
        this.optimiser = optimiser;
        this.alpha = alpha;
        this.covarianceTrials = covarianceTrials;
    }

    public DniTraining addListener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    public static String phaseName(RuleCuedTask task) {
        return "dni-" + task.name();
    }

    /** Called after each task with the live model, e.g. to measure forgetting or save a file. */
    public interface TaskDone {
        void accept(int index, RuleCuedTask task, RecurrentModel model, PhaseRecord record);
    }

    /** Trains the tasks in list order on the network (core + head) and returns one record per task. */
    public List<PhaseRecord> run(RecurrentCore core, Head head, List<RuleCuedTask> tasks, long seed, TaskDone done) {
        RnnGraph.Shape shape = RnnGraph.Shape.of(core, head.inputs(), head.outputs(), settings.steps(),
                settings.dtype(), settings.regularisation());
        RecurrentModel model = graphs.loaded(shape, core, head);
        TaskCovariances covariances = new TaskCovariances();
        List<PhaseRecord> records = new ArrayList<>();
        TrainableSet everything = TrainableSet.of(Head.W_IN, RecurrentCore.W_REC, RecurrentCore.BIAS, Head.W_OUT, Head.B_OUT);
        for (int k = 0; k < tasks.size(); k++) {
            RuleCuedTask task = tasks.get(k);
            Trainer trainer = new Trainer(optimiser);
            listeners.forEach(trainer::addListener);
            if (alpha != null && covariances.tasks() > 0) {
                trainer.projectSteps(new DniProjection(covariances, alpha));
            }
            TaskIterator data = new TaskIterator(task, settings.batchSize(), optimiser.iterations(), seed + 101L * k, settings.dtype());
            PhaseRecord record = trainer.fit(phaseName(task), model, everything, data);
            records.add(record);
            if (alpha != null && k + 1 < tasks.size()) {
                Trials sample = task.sample(covarianceTrials, new Random(seed + 101L * k + 50), settings.dtype());
                covariances.addTask(model, sample.inputs(), sample.targets(), CHUNK);
            }
            if (done != null) {
                done.accept(k, task, model, record);
            }
        }
        model.storeInto(core, head);
        return records;
    }
}
