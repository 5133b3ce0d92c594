package org.molap.dl4j.model;

import org.molap.dl4j.train.Resumable;

/**
 * A model that draws its own noise (process noise, random initial states): its generator's state is part of a
 * checkpoint, so that a resumed run draws what the uninterrupted run would have.
 */
public interface NoisyModel extends TrainableModel, Resumable {
    NoiseSource noise();

    @Override
    default byte[] saveState() {
        return noise().saveState();
    }

    @Override
    default void restoreState(byte[] state) {
        noise().restoreState(state);
    }
}
