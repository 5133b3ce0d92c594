package org.molap.dl4j.train;


/**
 * Optimiser settings of one training phase: the {@link Optimiser} (Adam by default) with the given learning rate
 * (seed 000 A.2: 3e-3 for pre-training, separate networks and DNI, 1e-2 for MoLaP task training), run for a number
 * of iterations.
 * <p>
 * Seed 000 Table 2 tunes the "number of iterations before decreasing learning rate": training runs in
 * stages of {@code stageLength} iterations and the rate is multiplied by {@code decay} after each stage
 * (the authors' code: 200 iterations per stage, factor 1/3). A {@code decay} of 1 keeps the rate constant.
 */
public record TrainerConfig(double learningRate, int iterations, int stageLength, double decay, Optimiser optimiser,
                            int bestOfChunks) {
    public TrainerConfig {
        if (bestOfChunks < 0) {
            throw new IllegalArgumentException("The chunk length of the best-of-chunks selection cannot be negative, got "
                    + bestOfChunks + ".");
        }
        if (optimiser == null) {
            throw new IllegalArgumentException("A phase needs an optimiser (Optimiser.adam() by default).");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("The learning rate must be positive, got " + learningRate + ".");
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("The number of iterations cannot be negative, got " + iterations + ".");
        }
        if (stageLength <= 0) {
            throw new IllegalArgumentException("A learning-rate stage needs at least one iteration, got " + stageLength + ".");
        }
        if (!(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("The learning-rate decay must be in (0, 1], got " + decay + ".");
        }
    }

    /** Without best-of-chunks selection: the phase ends with its last parameters. */
    public TrainerConfig(double learningRate, int iterations, int stageLength, double decay, Optimiser optimiser) {
        this(learningRate, iterations, stageLength, decay, optimiser, 0);
    }

    /** Adam with ND4J's defaults. */
    public TrainerConfig(double learningRate, int iterations, int stageLength, double decay) {
        this(learningRate, iterations, stageLength, decay, Optimiser.adam());
    }

    /** The same schedule with another optimiser. */
    public TrainerConfig with(Optimiser other) {
        return new TrainerConfig(learningRate, iterations, stageLength, decay, other, bestOfChunks);
    }

    /**
     * Seed 003's selection (fitting.py): at the end of every chunk of {@code chunk} iterations (and of the phase), the
     * parameters are kept when that chunk's last loss is the lowest so far; the phase ends with the kept ones. 0: off.
     */
    public TrainerConfig keepingBestOfChunks(int chunk) {
        return new TrainerConfig(learningRate, iterations, stageLength, decay, optimiser, chunk);
    }

    /** A constant learning rate. */
    public TrainerConfig(double learningRate, int iterations) {
        this(learningRate, iterations, Math.max(1, iterations), 1.0);
    }

    /** {@code stages} stages of {@code stageLength} iterations, the rate multiplied by {@code decay} between stages. */
    public static TrainerConfig staged(double learningRate, int stages, int stageLength, double decay) {
        return new TrainerConfig(learningRate, stages * stageLength, stageLength, decay);
    }

    public int stages() {
        return (iterations + stageLength - 1) / stageLength;
    }

    /** The learning rate at an iteration (0-based). */
    public double learningRateAt(int iteration) {
        return learningRate * Math.pow(decay, iteration / stageLength);
    }

}
