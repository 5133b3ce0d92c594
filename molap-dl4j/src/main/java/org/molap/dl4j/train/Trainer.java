package org.molap.dl4j.train;

import org.molap.dl4j.model.TrainableModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one training loop: per iteration, gradients of the loss for the trainable variables, then their
 * element masks, then clipping (if the {@link Optimiser} asks), then Adam (and AdamW's decoupled decay), then the
 * masked update. Masking the gradient before Adam keeps the optimiser
 * state of frozen entries at exactly zero; masking the update as well makes frozen entries bitwise unchanged.
 * (SameDiff's own fit reports a loss of 0 in M2.1 and has no hook for masks: REFERENCE.md section 5.)
 */
public final class Trainer {
    private final TrainerConfig config;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private UpdateProjection projection;

    public Trainer(TrainerConfig config) {
        this.config = config;
    }

    public TrainerConfig config() {
        return config;
    }

    public Trainer addListener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Applies {@code projection} to the masked Adam steps of every iteration (null: none). */
    public Trainer projectSteps(UpdateProjection projection) {
        this.projection = projection;
        return this;
    }

    /** Runs {@code config.iterations()} iterations (or until the data ends) and returns what the phase did. */
    public PhaseRecord fit(String phase, TrainableModel model, TrainableSet trainable, DataSetIterator data) {
        Checkpoints checkpoints = Checkpoints.active();
        String key = checkpoints == null ? null : checkpoints.nextKey(phase);
        Checkpoints.Saved ended = checkpoints == null ? null : checkpoints.ended(key);
        if (ended != null) {     // resumed run: this phase had ended; its model is restored, not trained again
            restore(model, ended.variables(), "model variable", key);
            if (ended.iterator() != null) {
                ((Resumable) data).restoreState(ended.iterator());
            }
            if (ended.model() != null) {
                ((Resumable) model).restoreState(ended.model());
            }
            return ended.header().record();
        }
        List<String> names = new ArrayList<>();
        Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();
        Map<String, INDArray> optimiserState = new LinkedHashMap<>();
        long trainableEntries = 0;
        for (String name : trainable.variables()) {
            INDArray param = model.parameters().get(name);
            if (param == null) {
                throw new IllegalArgumentException("The model has no variable '" + name + "' to train.");
            }
            names.add(name);
            INDArray state = Nd4j.zeros(param.dataType(), 1, Adam.builder().build().stateSize(param.length()));
            optimiserState.put(name, state);
            updaters.put(name, adamFor(param, state));
            trainableEntries += trainable.trainableEntries(name, param.length());
        }
        long parameters = model.parameters().values().stream().mapToLong(INDArray::length).sum();
        Map<String, Long> sizes = new LinkedHashMap<>();
        model.parameters().forEach((name, value) -> sizes.put(name, value.length()));

        double first = Double.NaN;
        double last = Double.NaN;
        int done = 0;
        double earlierSeconds = 0;   // trained before a resume
        Checkpoints.Saved underWay = checkpoints == null ? null : checkpoints.underWay(key);
        if (underWay != null) {
            restore(model, underWay.variables(), "model variable", key);
            for (Map.Entry<String, INDArray> e : optimiserState.entrySet()) {
                restoreArray(e.getValue(), underWay.optimiser().get(e.getKey()), "optimiser state", e.getKey(), key);
            }
            if (underWay.iterator() != null) {
                ((Resumable) data).restoreState(underWay.iterator());
            }
            if (underWay.model() != null) {
                ((Resumable) model).restoreState(underWay.model());
            }
            done = underWay.header().iteration();
            first = underWay.header().firstLoss();
            last = underWay.header().lastLoss();
            earlierSeconds = underWay.header().trainedSeconds();
        }
        long start = System.nanoTime();
        while (done < config.iterations() && data.hasNext()) {
            DataSet batch = data.next();
            TrainableModel.LossAndGradients result = model.lossAndGradients(batch.getFeatures(), batch.getLabels(),
                    batch.getLabelsMaskArray(), names);
            double loss = result.loss();
            double mse = result.mse();
            if (!Double.isFinite(loss)) {
                throw new TrainingDivergedException(phase, done, loss);
            }
            Map<String, INDArray> steps = new LinkedHashMap<>();
            for (String name : names) {
                if (!Double.isFinite(result.gradients().get(name).sumNumber().doubleValue())) {   // NaN or infinite entries
                    throw new TrainingDivergedException(phase, done, name);
                }
                INDArray mask = trainable.mask(name);
                if (mask != null) {
                    result.gradients().get(name).muli(mask);
                }
            }
            Optimiser o = config.optimiser();
            if (o.clipValue() > 0 || o.clipNorm() > 0) {
                GradientClipping.apply(names.stream().map(result.gradients()::get).toList(), o.clipValue(), o.clipNorm());
            }
            for (String name : names) {
                INDArray grad = result.gradients().get(name);
                INDArray mask = trainable.mask(name);
                updaters.get(name).applyUpdater(grad, done, 0); // grad now holds the Adam step
                if (o.decoupledDecay()) {
                    grad.addi(model.array(name).mul(config.learningRateAt(done) * o.weightDecay()));   // AdamW
                }
                if (mask != null) {
                    grad.muli(mask);
                }
                steps.put(name, grad);
            }
            if (projection != null) {
                projection.project(steps);
                steps.forEach((name, step) -> {
                    if (trainable.mask(name) != null) {
                        step.muli(trainable.mask(name)); // a projection must not move frozen entries
                    }
                });
            }
            steps.forEach((name, step) -> model.array(name).subi(step));
            if (done == 0) {
                first = loss;
            }
            last = loss;
            if (!listeners.isEmpty()) {
                TrainingListener.Iteration it = new TrainingListener.Iteration(phase, done, loss, mse, model, batch,
                        java.util.Collections.unmodifiableMap(steps), config.learningRateAt(done));
                for (TrainingListener l : listeners) {
                    l.onIteration(it);
                }
            }
            done++;
            if (checkpoints != null && done < config.iterations() && checkpoints.due(done)) {
                checkpoints.save(key, done, first, last, model.parameters(), optimiserState,
                        data instanceof Resumable r ? r.saveState() : null, model instanceof Resumable m ? m.saveState() : null,
                        null, earlierSeconds + (System.nanoTime() - start) / 1e9);
            }
        }
        double seconds = earlierSeconds + (System.nanoTime() - start) / 1e9;
        double ms = done == 0 ? 0 : seconds * 1e3 / done;
        PhaseRecord record = new PhaseRecord(phase, done, first, last, parameters, trainableEntries, trainableEntries * done, ms, sizes);
        if (checkpoints != null) {
            // the generators' states too: a model or an iterator may go on into the next phase
            checkpoints.save(key, done, first, last, model.parameters(), Map.of(), data instanceof Resumable r ? r.saveState() : null,
                    model instanceof Resumable m ? m.saveState() : null, record, seconds);
        }
        return record;
    }

    /** Puts checkpointed arrays back into the model's live variables, each of the same shape. */
    private static void restore(TrainableModel model, Map<String, INDArray> saved, String what, String key) {
        for (Map.Entry<String, INDArray> e : model.parameters().entrySet()) {
            restoreArray(e.getValue(), saved.get(e.getKey()), what, e.getKey(), key);
        }
    }

    private static void restoreArray(INDArray live, INDArray saved, String what, String name, String key) {
        if (saved == null || !java.util.Arrays.equals(saved.shape(), live.shape()) || saved.dataType() != live.dataType()) {
            throw new IllegalStateException("The checkpoint of phase " + key + " does not fit this run: " + what + " " + name
                    + (saved == null ? " is missing" : " is " + saved.dataType() + java.util.Arrays.toString(saved.shape())
                    + ", the run has " + live.dataType() + java.util.Arrays.toString(live.shape())) + ".");
        }
        live.assign(saved);
    }

    private GradientUpdater<?> adamFor(INDArray param, INDArray state) {
        Optimiser o = config.optimiser();
        Adam adam = Adam.builder().learningRateSchedule(config.schedule()).beta1(o.beta1()).beta2(o.beta2())
                .epsilon(o.epsilon()).build();
        GradientUpdater<?> updater = adam.instantiate(state, false);
        updater.setStateViewArray(state, param.shape(), param.ordering(), true);
        return updater;
    }
}
