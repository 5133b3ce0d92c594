package org.molap.dl4j.train;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * A transformation of the optimiser's steps before they are applied, e.g. the projections of dynamical
 * non-interference (Duncker et al. 2020), which act on the update after Adam rather than on the gradient.
 * The trainer calls it with the masked Adam steps of every trainable variable and subtracts what it leaves.
 */
public interface UpdateProjection {
    /** Rewrites the steps in place; keys are variable names, values the step that will be subtracted. */
    void project(Map<String, INDArray> steps);
}
