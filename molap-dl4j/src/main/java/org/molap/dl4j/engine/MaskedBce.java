package org.molap.dl4j.engine;

import org.molap.dl4j.rnn.TimeMajor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Binary cross-entropy of time-major logits Z [T*B, O] against targets in [0, 1], averaged over the entries the loss
 * mask keeps: softplus(z) - y z per entry (the graph's stable form), and its gradient dZ = m (sigmoid(z) - y) / |m|.
 */
record MaskedBce(double bce, INDArray dZ) {

    static MaskedBce of(INDArray z, INDArray targets, INDArray mask, boolean masked, DataType dtype) {
        double[] m = MaskedMse.keptEntries(z, targets, mask, masked, dtype).dup('c').data().asDouble();
        double[] y = TimeMajor.into(targets, Nd4j.create(dtype, z.shape())).dup('c').data().asDouble();
        double[] logits = z.dup('c').data().asDouble();
        double kept = 0;
        double sum = 0;
        double[] grad = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            if (m[i] == 0) {
                continue;
            }
            double v = logits[i];
            kept += m[i];
            sum += m[i] * (Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))) - y[i] * v);
            grad[i] = m[i] * (1 / (1 + Math.exp(-v)) - y[i]);
        }
        for (int i = 0; i < grad.length; i++) {
            grad[i] /= kept;
        }
        return new MaskedBce(sum / kept, Nd4j.create(grad, z.shape(), 'c').castTo(dtype));
    }
}
