package org.molap.dl4j.model;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;
import java.util.Map;

/**
 * What the {@link org.molap.dl4j.train.Trainer} trains: live parameter arrays by name, which it updates in place,
 * and the loss with its gradients for a batch. Sequences are [batch, channels, T] (DL4J's RNN layout); the loss
 * mask, where a batch has one, is [batch, T] (per step) or [batch, outputs, T] (per step and channel).
 */
public interface TrainableModel {

    /** The loss, its data part (the MSE, or the cross-entropy), and the gradients of the loss for the requested variables. */
    record LossAndGradients(double loss, double mse, Map<String, INDArray> gradients) {
    }

    /** Every parameter array by name; the trainer updates them in place. */
    Map<String, INDArray> parameters();

    /** A copy of every parameter array by name (to compare with after training). */
    default Map<String, INDArray> snapshot() {
        Map<String, INDArray> copy = new java.util.LinkedHashMap<>();
        parameters().forEach((name, values) -> copy.put(name, values.dup()));
        return copy;
    }

    /** The live array of one parameter. */
    default INDArray array(String variable) {
        INDArray a = parameters().get(variable);
        if (a == null) {
            throw new IllegalArgumentException("The model has no parameter '" + variable + "'; it has " + parameters().keySet() + ".");
        }
        return a;
    }

    /** The SameDiff graph that computes this model's gradients, or null for a hand-derived engine. */
    default org.nd4j.autodiff.samediff.SameDiff sameDiff() {
        return null;
    }

    /**
     * Outputs [B, nOut, T] for inputs [B, nIn, T], initial states and noise drawn as in training. The cell graph and
     * the engines that have their own forward pass implement it.
     */
    default INDArray forward(INDArray inputs) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no forward pass of its own; run the cell's graph.");
    }

    /** Loss and gradients for inputs [B, nIn, T], targets [B, nOut, T] and a loss mask (null: every entry counts). */
    LossAndGradients lossAndGradients(INDArray inputs, INDArray targets, INDArray mask, Collection<String> variables);
}
