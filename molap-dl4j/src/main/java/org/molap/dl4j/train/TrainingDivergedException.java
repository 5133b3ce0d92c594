package org.molap.dl4j.train;

/** The loss became NaN or infinite: a user-facing error, reported in one sentence. */
public final class TrainingDivergedException extends RuntimeException {
    public TrainingDivergedException(String phase, int iteration, double loss) {
        super("The training loss became " + loss + " at iteration " + iteration + " of phase '" + phase
                + "'; lower the learning rate or the gain g and run again.");
    }
}
