package org.molap.dl4j.engine;

import org.molap.dl4j.model.LossMask;
import org.molap.dl4j.rnn.TimeMajor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The mean squared error of time-major outputs [T*B, O] over the entries the loss mask keeps (all without a mask),
 * and its gradient dY = 2 m (Y - Y*) / |m|, for the fast engines.
 */
record MaskedMse(double mse, INDArray dY) {

    static MaskedMse of(INDArray y, INDArray targets, INDArray mask, boolean masked, DataType dtype) {
        INDArray m = keptEntries(y, targets, mask, masked, dtype);
        INDArray diff = TimeMajor.into(targets, Nd4j.create(dtype, y.shape())).rsubi(y).muli(m);
        double kept = m.sumNumber().doubleValue();
        double norm = diff.norm2Number().doubleValue();
        return new MaskedMse(norm * norm / kept, diff.muli(2 / kept));
    }

    /** The loss mask m as time-major [T*B, O] entries of 0 and 1, all ones without a mask. */
    static INDArray keptEntries(INDArray y, INDArray targets, INDArray mask, boolean masked, DataType dtype) {
        LossMask.requireMaskedLoss(mask, masked);
        return TimeMajor.into(LossMask.full(mask, targets, dtype), Nd4j.create(dtype, y.shape()));
    }
}
