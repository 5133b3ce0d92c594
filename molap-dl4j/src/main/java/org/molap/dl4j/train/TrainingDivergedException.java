package org.molap.dl4j.train;

/**
 * The loss, or a variable's gradient, became NaN or infinite: a user-facing error, reported in one sentence naming
 * the phase, the iteration and (for a gradient) the variable. Nothing of that iteration reaches a checkpoint.
 */
public final class TrainingDivergedException extends RuntimeException {
    public TrainingDivergedException(String phase, int iteration, String variable) {
        super("The gradient of " + variable + " became NaN or infinite at iteration " + iteration + " of phase '" + phase
                + "'; lower the learning rate or the gain g and run again.");
    }

    public TrainingDivergedException(String phase, int iteration, double loss) {
        super("The training loss became " + loss + " at iteration " + iteration + " of phase '" + phase
                + "'; lower the learning rate or the gain g and run again.");
    }
}
