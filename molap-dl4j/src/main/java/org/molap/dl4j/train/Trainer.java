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
    private static final String BEST = "best:";
    private static final String BEST_LOSS = "best-loss";
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
            restoreListeners(ended);
            return ended.header().record();
        }
        List<String> names = new ArrayList<>();
        Map<String, GradientUpdater<Adam>> updaters = new LinkedHashMap<>();
        Map<String, INDArray> optimiserState = new LinkedHashMap<>();
        long trainableEntries = 0;
        for (String name : trainable.variables()) {
            INDArray param = model.parameters().get(name);
            if (param == null) {
                throw new IllegalArgumentException("The model has no variable '" + name + "' to train.");
            }
            names.add(name);
            INDArray state = Nd4j.zeros(param.dataType(), 1, 2 * param.length());     // Adam's [m | v]
            optimiserState.put(name, state);
            updaters.put(name, adamFor(param, state));
            trainableEntries += trainable.trainableEntries(name, param.length());
        }
        // Best-of-chunks selection: the kept parameters and their loss travel with the optimiser state in checkpoints.
        int chunk = config.bestOfChunks();
        if (chunk > 0) {
            for (String name : names) {
                optimiserState.put(BEST + name, model.parameters().get(name).dup());
            }
            optimiserState.put(BEST_LOSS, Nd4j.scalar(Double.POSITIVE_INFINITY).reshape(1, 1));
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
            restoreListeners(underWay);
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
            if (o.resetEvery() > 0 && done > 0 && done % o.resetEvery() == 0) {
                names.forEach(name -> optimiserState.get(name).assign(0));      // seed 003's discarded Adam state
            }
            int adamStep = o.resetEvery() > 0 ? done % o.resetEvery() : done;
            if (o.clipValue() > 0 || o.clipNorm() > 0) {
                GradientClipping.apply(names.stream().map(result.gradients()::get).toList(), o.clipValue(), o.clipNorm());
            }
            for (String name : names) {
                INDArray grad = result.gradients().get(name);
                INDArray mask = trainable.mask(name);
                adam(updaters.get(name), grad, adamStep, config.learningRateAt(done), o);   // grad now holds the step
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
            if (chunk > 0 && (done % chunk == 0 || done == config.iterations()) && loss < optimiserState.get(BEST_LOSS).getDouble(0)) {
                optimiserState.get(BEST_LOSS).putScalar(0, loss);
                names.forEach(name -> optimiserState.get(BEST + name).assign(model.array(name)));
            }
            if (checkpoints != null && done < config.iterations() && checkpoints.due(done)) {
                checkpoints.save(key, done, first, last, model.parameters(), optimiserState,
                        data instanceof Resumable r ? r.saveState() : null, model instanceof Resumable m ? m.saveState() : null,
                        listenerStates(), null, earlierSeconds + (System.nanoTime() - start) / 1e9);
            }
        }
        if (chunk > 0 && done > 0) {
            names.forEach(name -> model.array(name).assign(optimiserState.get(BEST + name)));
        }
        double seconds = earlierSeconds + (System.nanoTime() - start) / 1e9;
        double ms = done == 0 ? 0 : seconds * 1e3 / done;
        PhaseRecord record = new PhaseRecord(phase, done, first, last, parameters, trainableEntries, trainableEntries * done, ms, sizes);
        if (checkpoints != null) {
            // the generators' states too: a model or an iterator may go on into the next phase
            checkpoints.save(key, done, first, last, model.parameters(), Map.of(), data instanceof Resumable r ? r.saveState() : null,
                    model instanceof Resumable m ? m.saveState() : null, listenerStates(), record, seconds);
        }
        return record;
    }

    /** The states of the listeners that keep one (a loss curve), by their place among the listeners. */
    private Map<String, byte[]> listenerStates() {
        Map<String, byte[]> states = new LinkedHashMap<>();
        for (int i = 0; i < listeners.size(); i++) {
            if (listeners.get(i) instanceof Resumable r) {
                states.put(String.valueOf(i), r.saveState());
            }
        }
        return states;
    }

    private void restoreListeners(Checkpoints.Saved saved) {
        for (int i = 0; i < listeners.size(); i++) {
            byte[] state = saved.listeners().get(String.valueOf(i));
            if (listeners.get(i) instanceof Resumable r && state != null) {
                r.restoreState(state);
            }
        }
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

    /**
     * One Adam step, written into {@code grad}, as PyTorch and optax compute it: with t = step + 1,
     * m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2, step = lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps).
     * ND4J's native op adds its epsilon before the bias correction (lr sqrt(1 - b2^t) / (1 - b1^t) m / (sqrt(v) + e));
     * passing it e = eps sqrt(1 - b2^t) gives exactly the formula above, in one native op per variable.
     */
    private static void adam(GradientUpdater<Adam> updater, INDArray grad, int step, double lr, Optimiser o) {
        Adam config = updater.getConfig();
        config.setLearningRate(lr);
        config.setEpsilon(o.epsilon() * Math.sqrt(1 - Math.pow(o.beta2(), step + 1)));
        updater.applyUpdater(grad, step, 0);
    }

    @SuppressWarnings("unchecked")
    private GradientUpdater<Adam> adamFor(INDArray param, INDArray state) {
        Optimiser o = config.optimiser();
        Adam adam = new Adam(config.learningRate(), o.beta1(), o.beta2(), o.epsilon());
        GradientUpdater<Adam> updater = (GradientUpdater<Adam>) adam.instantiate(state, false);
        updater.setStateViewArray(state, param.shape(), param.ordering(), true);
        return updater;
    }
}
