package org.molap.dl4j.train;

/** Receives one event per training iteration (the real loss, not the 0 that M2.1's fit reports). */
@FunctionalInterface
public interface TrainingListener {
    void onIteration(String phase, int iteration, double loss, double mse);
}
