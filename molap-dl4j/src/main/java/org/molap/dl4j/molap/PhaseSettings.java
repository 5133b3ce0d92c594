package org.molap.dl4j.molap;

import org.molap.dl4j.rnn.Head;
import org.molap.dl4j.rnn.Regularisation;
import org.molap.dl4j.train.TrainerConfig;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Settings shared by the phases of the MoLaP protocol.
 *
 * @param batchSize    trials per iteration (seed 000 A.2: 200)
 * @param steps        steps per trial (REFERENCE.md section 1: 110)
 * @param pretraining  module pre-training optimiser (seed 000 A.2.1: Adam 3e-3, 200 iterations)
 * @param taskTraining head training optimiser (seed 000 A.2.3: Adam 1e-2, 200 iterations)
 * @param regularisation L2 1e-5 on weights, 1e-7 on activity (seed 000 A.2.1)
 * @param readoutScale initial scale of new readouts (see {@link Head.ReadoutScale})
 * @param dtype        FLOAT for training; DOUBLE for gradient checks
 */
public record PhaseSettings(int batchSize, int steps, TrainerConfig pretraining, TrainerConfig taskTraining,
                            Regularisation regularisation, Head.ReadoutScale readoutScale, DataType dtype) {
}
