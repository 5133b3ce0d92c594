package org.molap.dl4j.rnn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The shared recurrent part of a modular RNN: W_rec (paper orientation, h_{t+1} = tanh(W_rec h_t + ...),
 * so W_rec[i][j] is the weight from unit j to unit i) and the bias b. Heads (input and readout weights)
 * live in {@link Head}; one core serves every head.
 */
public final class RecurrentCore {
    public static final String W_REC = "W_rec";
    public static final String BIAS = "b";

    private final ModularRnnConfig config;
    private final INDArray wRec;
    private final INDArray bias;

    private RecurrentCore(ModularRnnConfig config, INDArray wRec, INDArray bias) {
        this.config = config;
        this.wRec = wRec;
        this.bias = bias;
    }

    /** Random initialisation, seed 000 A.2.3: W_rec ~ N(0,1) g / sqrt(N), b = 0. */
    public static RecurrentCore random(ModularRnnConfig config, DataType dtype) {
        int n = config.units();
        INDArray w = Nd4j.getRandomFactory().getNewRandomInstance(config.seed()).nextGaussian(new long[] {n, n})
                .castTo(dtype).muli(config.g() / Math.sqrt(n));
        return new RecurrentCore(config, w, Nd4j.zeros(dtype, 1, n));
    }

    public static RecurrentCore of(ModularRnnConfig config, INDArray wRec, INDArray bias) {
        return new RecurrentCore(config, wRec, bias);
    }

    public ModularRnnConfig config() {
        return config;
    }

    public int units() {
        return config.units();
    }

    public INDArray wRec() {
        return wRec;
    }

    public INDArray bias() {
        return bias;
    }

    /** Element mask of W_rec with ones in module k's intra-module block (k counted from 0). */
    public INDArray moduleBlockMask(int k) {
        if (k < 0 || k >= config.modules()) {
            throw new IllegalArgumentException("Module " + k + " does not exist; modules are 0.." + (config.modules() - 1) + ".");
        }
        int m = config.moduleSize();
        INDArray mask = Nd4j.zeros(wRec.dataType(), units(), units());
        mask.get(NDArrayIndex.interval(k * m, (k + 1) * m), NDArrayIndex.interval(k * m, (k + 1) * m)).assign(1);
        return mask;
    }
}
