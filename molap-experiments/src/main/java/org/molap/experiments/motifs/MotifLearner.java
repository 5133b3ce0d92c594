package org.molap.experiments.motifs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.molap.core.tasks.motifs.Motif;
import org.molap.dl4j.data.RepeatedBatch;
import org.molap.dl4j.model.TrainableModel;
import org.molap.dl4j.train.Optimiser;
import org.molap.dl4j.train.PhaseRecord;
import org.molap.dl4j.train.Trainer;
import org.molap.dl4j.train.TrainerConfig;
import org.molap.dl4j.train.TrainableSet;
import org.molap.dl4j.train.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seed 001's continual learning (section 3.3): the additive and multiplicative networks learn motif after motif, each
 * through its own columns of the motif parameters, everything else frozen (so learning motif k + 1 cannot change what
 * motifs 1..k produce); the control network learns all motifs at once with every parameter it has. Every minibatch
 * is the same trials of the motif (or of all motifs); the model draws fresh initial states and noise for each.
 * <p>
 * Because the motifs' columns are disjoint and a column receives gradient only from its own motif's trials, learning
 * all motifs in one minibatch ({@link #learnTogether}) trains each column as learning it alone would, up to the draws
 * of noise and initial states and Adam's epsilon (the shared loss weighs each motif by its share of the scored steps,
 * a constant factor Adam's per-entry steps do not see). It is the fast path: at the paper's sizes a step of 16 trials
 * costs little more than its per-operation overhead, a step of 160 trials ten times the work.
 */
final class MotifLearner {

    /**
     * Trials per motif in a minibatch, iterations (per motif, or in all for the control network), Adam's rate and betas,
     * the preparation window in steps, and the steps of the model (the longest motif: shorter ones are padded, unscored).
     */
    record Settings(int trialsPerMotif, int iterations, double learningRate, Optimiser optimiser, int preparation, int steps) {
    }

    private MotifLearner() {
    }

    /**
     * The entries learning motif {@code motif} may change: its column of each motif parameter (and the shared weights
     * of a control network trained motif after motif).
     */
    static TrainableSet forMotif(Architecture architecture, TrainableModel model, int motif) {
        TrainableSet set = new TrainableSet();
        for (String p : architecture.motifParameters()) {
            INDArray mask = Nd4j.zeros(model.array(p).dataType(), model.array(p).shape());
            mask.getColumn(motif).assign(1);
            set.masked(p, mask);
        }
        architecture.sharedTrained().forEach(set::all);
        return set;
    }

    /** Every motif parameter whole, and for the control network also J and w. */
    static TrainableSet forAll(Architecture architecture) {
        List<String> names = new ArrayList<>(architecture.motifParameters());
        names.addAll(architecture.sharedTrained());
        return TrainableSet.of(names);
    }

    /** Table 1: the entries the learning changes for all motifs, counted from the sets it trains. */
    static long trainedEntries(Architecture architecture, TrainableModel model, int motifs) {
        if (architecture.sharedTrained().size() > 0) {
            return entries(forAll(architecture), model);
        }
        long n = 0;
        for (int k = 0; k < motifs; k++) {
            n += entries(forMotif(architecture, model, k), model);
        }
        return n;
    }

    private static long entries(TrainableSet set, TrainableModel model) {
        long n = 0;
        for (String p : set.variables()) {
            n += set.trainableEntries(p, model.array(p).length());
        }
        return n;
    }

    /** Learns motif {@code motif} alone: its columns, on {@code trialsPerMotif} trials of it per minibatch. */
    static PhaseRecord learn(Architecture architecture, TrainableModel model, List<Motif> motifs, int motif, Settings s,
                             TrainingListener... listeners) {
        int[] order = new int[s.trialsPerMotif()];
        Arrays.fill(order, motif);
        return fit(motifs.get(motif).name(), model, forMotif(architecture, model, motif), batch(motifs, order, s),
                architecture, s, listeners);
    }

    /**
     * Learns every motif at once, {@code trialsPerMotif} trials of each per minibatch: the control network with all its
     * parameters, the others through their motif parameters only (every column, each from its own motif's trials).
     */
    static PhaseRecord learnTogether(Architecture architecture, TrainableModel model, List<Motif> motifs, Settings s,
                                     TrainingListener... listeners) {
        int[] order = new int[s.trialsPerMotif() * motifs.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i % motifs.size();
        }
        return fit("all motifs", model, forAll(architecture), batch(motifs, order, s), architecture, s, listeners);
    }

    /** The trials padded to the model's steps, as a batch with its loss mask. */
    private static DataSet batch(List<Motif> motifs, int[] order, Settings s) {
        return MotorTrials.single(motifs, order, s.preparation(), s.steps(), DataType.FLOAT).dataSet();
    }

    private static PhaseRecord fit(String phase, TrainableModel model, TrainableSet set, DataSet batch, Architecture architecture,
                                   Settings s, TrainingListener... listeners) {
        Trainer trainer = new Trainer(new TrainerConfig(s.learningRate(), s.iterations()).with(architecture.optimiser(s.optimiser())));
        for (TrainingListener l : listeners) {
            trainer.addListener(l);
        }
        return trainer.fit(phase, model, set, new RepeatedBatch(batch, s.iterations()));
    }
}
