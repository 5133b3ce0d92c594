package org.molap.dl4j.train;

/**
 * How a phase turns gradients into steps: Adam with its betas and epsilon (ND4J's defaults 0.9, 0.999, 1e-8), or
 * AdamW (Adam, then a decoupled weight decay: p <- p - lr wd p); and, before either, clipping of every gradient
 * entry to [-clipValue, clipValue] and then of the gradients' global norm to clipNorm (0: off). Seed 001 uses
 * betas 0.5 and 0.5 for its small control networks; seed 003 clips entries, then AdamW.
 */
public record Optimiser(boolean decoupledDecay, double beta1, double beta2, double epsilon, double weightDecay,
                        double clipValue, double clipNorm) {
    public Optimiser {
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
        return new Optimiser(decoupledDecay, b1, b2, epsilon, weightDecay, clipValue, clipNorm);
    }

    public Optimiser clippingValues(double threshold) {
        return new Optimiser(decoupledDecay, beta1, beta2, epsilon, weightDecay, threshold, clipNorm);
    }

    public Optimiser clippingNorm(double threshold) {
        return new Optimiser(decoupledDecay, beta1, beta2, epsilon, weightDecay, clipValue, threshold);
    }
}
