package org.molap.dl4j.train;

/**
 * How a phase turns gradients into steps: Adam with its betas and epsilon (ND4J's defaults 0.9, 0.999, 1e-8), or
 * AdamW (Adam, then a decoupled weight decay: p <- p - lr wd p); and, before either, clipping of every gradient
 * entry to [-clipValue, clipValue] and then of the gradients' global norm to clipNorm (0: off). Seed 001 uses
 * betas 0.5 and 0.5 for its small control networks; seed 003 clips entries, then AdamW.
 * <p>
 * {@code resetEvery} > 0 emulates a defect of seed 003's training loop (fitting.py: the optimiser state of each
 * 1000-step scan is discarded): Adam's moments and step count start again from zero every {@code resetEvery}
 * iterations (the learning-rate schedule goes on). Off (0) by default.
 */
public record Optimiser(boolean decoupledDecay, double beta1, double beta2, double epsilon, double weightDecay,
                        double clipValue, double clipNorm, int resetEvery) {
    public Optimiser(boolean decoupledDecay, double beta1, double beta2, double epsilon, double weightDecay,
                     double clipValue, double clipNorm) {
        this(decoupledDecay, beta1, beta2, epsilon, weightDecay, clipValue, clipNorm, 0);
    }

    public Optimiser {
        if (resetEvery < 0) {
            throw new IllegalArgumentException("Adam's reset interval cannot be negative, got " + resetEvery + ".");
        }
        if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1 && epsilon > 0)) {
            throw new IllegalArgumentException("Adam needs betas in [0, 1) and a positive epsilon, got " + beta1 + ", "
                    + beta2 + ", " + epsilon + ".");
        }
        if (weightDecay < 0 || clipValue < 0 || clipNorm < 0) {
            throw new IllegalArgumentException("Weight decay and clipping thresholds cannot be negative, got " + weightDecay
                    + ", " + clipValue + ", " + clipNorm + ".");
        }
        if (weightDecay > 0 && !decoupledDecay) {
            throw new IllegalArgumentException("Weight decay here is AdamW's decoupled decay: use Optimiser.adamW.");
        }
    }

    public static Optimiser adam() {
        return new Optimiser(false, 0.9, 0.999, 1e-8, 0, 0, 0);
    }

    public static Optimiser adamW(double weightDecay) {
        return new Optimiser(true, 0.9, 0.999, 1e-8, weightDecay, 0, 0);
    }

    public Optimiser withBetas(double b1, double b2) {
        return new Optimiser(decoupledDecay, b1, b2, epsilon, weightDecay, clipValue, clipNorm, resetEvery);
    }

    public Optimiser clippingValues(double threshold) {
        return new Optimiser(decoupledDecay, beta1, beta2, epsilon, weightDecay, threshold, clipNorm, resetEvery);
    }

    public Optimiser clippingNorm(double threshold) {
        return new Optimiser(decoupledDecay, beta1, beta2, epsilon, weightDecay, clipValue, threshold, resetEvery);
    }

    /** Seed 003's clipping of every gradient entry to [-1, 1], then AdamW with decay 1e-4 (optax.clip(1.0), optax.adamw). */
    public static Optimiser seed003() {
        return adamW(1e-4).clippingValues(1);
    }

    /** Adam's state reset every {@code iterations} (0: never), emulating seed 003's training loop. */
    public Optimiser resettingEvery(int iterations) {
        return new Optimiser(decoupledDecay, beta1, beta2, epsilon, weightDecay, clipValue, clipNorm, iterations);
    }
}
