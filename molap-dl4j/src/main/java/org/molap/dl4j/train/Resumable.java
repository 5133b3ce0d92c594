package org.molap.dl4j.train;

/**
 * Something whose state a checkpoint must hold to continue exactly where it stopped: a data iterator's position and
 * random generator, a model's noise generator.
 */
public interface Resumable {
    /** The current state, as bytes. */
    byte[] saveState();

    /** Returns to a state {@link #saveState()} gave. */
    void restoreState(byte[] state);
}
