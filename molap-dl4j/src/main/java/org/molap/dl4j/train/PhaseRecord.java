package org.molap.dl4j.train;

import java.util.Map;

/**
 * What one training phase did: its name, how many iterations ran, the loss of the first and last iteration,
 * how many parameters the graph holds, how many of them were trainable, and how many scalar parameter
 * updates were applied (trainable entries times iterations; frozen and masked entries do not count).
 * {@code variableSizes} gives the number of entries of every variable of the graph, by name.
 */
public record PhaseRecord(String phase, int iterations, double firstLoss, double lastLoss,
                          long parameters, long trainableParameters, long parameterUpdates, double millisPerIteration,
                          Map<String, Long> variableSizes) {
    public PhaseRecord {
        variableSizes = Map.copyOf(variableSizes);
    }
}
