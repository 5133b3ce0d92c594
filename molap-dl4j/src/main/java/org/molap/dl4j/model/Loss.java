package org.molap.dl4j.model;

import java.util.Map;

/**
 * The loss on top of the readout: the data term (mean squared error of the linear readout, or of its tanh as seed
 * 002's readout, or binary cross-entropy of the readout read as logits), averaged over every entry, or, when {@code usesMask}, over the entries the batch's loss mask keeps; plus an
 * L2 penalty on named parameters and an activity penalty on the cell's observed activity (mean of its squares over
 * all steps). Kind NONE has no data term: the activity penalty alone is the cost (seed 001's preparatory module
 * minimises the summed squared rates, section 1.6).
 */
public record Loss(Kind kind, boolean usesMask, Map<String, Double> l2, double activity) {

    public enum Kind { MSE, TANH_MSE, BCE, NONE }

    public Loss {
        l2 = Map.copyOf(l2);
        if (activity < 0 || l2.values().stream().anyMatch(c -> c < 0)) {
            throw new IllegalArgumentException("Penalty coefficients cannot be negative: l2 " + l2 + ", activity " + activity + ".");
        }
        if (kind == Kind.NONE && !(activity > 0)) {
            throw new IllegalArgumentException("A loss without a data term needs a positive activity penalty.");
        }
    }

    public static Loss mse() {
        return new Loss(Kind.MSE, false, Map.of(), 0);
    }

    /** MSE of tanh(W_out r + b_out): seed 002's readout, targets in {-1, +1}. */
    public static Loss tanhMse() {
        return new Loss(Kind.TANH_MSE, false, Map.of(), 0);
    }

    /** coefficient * mean(r^2) over all steps, units and trials, and nothing else: targets and readout play no part. */
    public static Loss activityOnly(double coefficient) {
        return new Loss(Kind.NONE, false, Map.of(), coefficient);
    }

    public static Loss bce() {
        return new Loss(Kind.BCE, false, Map.of(), 0);
    }

    /** The same data term with l2 * |p|^2 added for each named parameter. */
    public Loss withL2(double coefficient, String... parameters) {
        Map<String, Double> m = new java.util.LinkedHashMap<>(l2);
        for (String p : parameters) {
            m.put(p, coefficient);
        }
        return new Loss(kind, usesMask, m, activity);
    }

    public Loss withActivity(double coefficient) {
        return new Loss(kind, usesMask, l2, coefficient);
    }

    /** Averaged over the entries the loss mask keeps (the mask is then required: [batch, T] or [batch, outputs, T]). */
    public Loss masked() {
        return new Loss(kind, true, l2, activity);
    }
}
