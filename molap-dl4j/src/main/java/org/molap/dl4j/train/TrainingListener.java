package org.molap.dl4j.train;

import org.molap.dl4j.model.TrainableModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;

import java.util.Map;

/**
 * Receives one event per training iteration, after the update: the real loss (not the 0 that M2.1's fit reports),
 * and the model, the batch and the applied steps in hand, so that a listener can probe the network while it trains
 * (a lesion, a generalisation test). A listener that needs none of it costs a record per iteration.
 */
@FunctionalInterface
public interface TrainingListener {
    void onIteration(Iteration it);

    /**
     * One iteration of a phase (0-based): its loss and MSE, the model after the update, the batch it trained on,
     * the step applied to each trained variable (already subtracted; do not modify) and the learning rate.
     */
    record Iteration(String phase, int iteration, double loss, double mse, TrainableModel model, DataSet batch,
                     Map<String, INDArray> steps, double learningRate) {
        /** The same iteration under another phase name (e.g. prefixed by the method that trains). */
        public Iteration inPhase(String name) {
            return new Iteration(name, iteration, loss, mse, model, batch, steps, learningRate);
        }
    }
}
