package org.molap.dl4j.rnn;

/**
 * Penalties added to the mean squared error (seed 000 A.2.1/A.2.3):
 * {@code l2 * sum(W^2)} over W_in, W_rec and W_out, and {@code activity * mean(h^2)} over all units,
 * steps and trials.
 */
public record Regularisation(double l2, double activity) {
    public static Regularisation paper() {
        return new Regularisation(1e-5, 1e-7);
    }

    public static Regularisation none() {
        return new Regularisation(0, 0);
    }
}
