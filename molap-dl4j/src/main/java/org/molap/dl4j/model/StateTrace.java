package org.molap.dl4j.model;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A model whose last forward pass can be read back state by state (seed 001's end-of-motif states, Fig. 2 ii). */
public interface StateTrace {
    /** The network state x after step {@code step} of the last forward pass, [B, N] (step 0: the initial state). */
    INDArray state(int step);
}
