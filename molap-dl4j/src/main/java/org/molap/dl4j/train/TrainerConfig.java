package org.molap.dl4j.train;

/**
 * Optimiser settings of one training phase: Adam with the given learning rate (seed 000 A.2: 3e-3 for
 * pre-training, separate networks and DNI, 1e-2 for MoLaP task training), run for a number of iterations.
 */
public record TrainerConfig(double learningRate, int iterations) {
    public TrainerConfig {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("The learning rate must be positive, got " + learningRate + ".");
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("The number of iterations cannot be negative, got " + iterations + ".");
        }
    }
}
