package org.molap.dl4j.rnn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Input and readout weights of one task (or of the pre-training scaffold), paper orientation:
 * input drive W_in x_t with W_in [N, nIn]; output y_t = W_out h_t + b_out with W_out [nOut, N].
 */
public final class Head {
    public static final String W_IN = "W_in";
    public static final String W_OUT = "W_out";
    public static final String B_OUT = "b_out";

    private final INDArray wIn;
    private final INDArray wOut;
    private final INDArray bOut;

    public Head(INDArray wIn, INDArray wOut, INDArray bOut) {
        this.wIn = wIn;
        this.wOut = wOut;
        this.bOut = bOut;
    }

    /**
     * How the readout W_out is scaled at initialisation. Seed 000 A.2.3 says N(0,1) / sqrt(N_out); the authors'
     * code (create_rnn_params) uses N(0,1) / sqrt(N + 1), the usual fan-in scale. With N = 100 the text's scale
     * starts the outputs about 6 times too large (initial MSE 15-35 instead of about 1), which the paper's
     * 200 head-training iterations do not undo; the project follows the code by default.
     */
    public enum ReadoutScale {
        /** 1 / sqrt(N + 1), as in the authors' code (default). */
        FAN_IN,
        /** 1 / sqrt(N_out), as in the text of seed 000 A.2.3. */
        OUTPUTS;

        double factor(int units, int outputs) {
            return this == FAN_IN ? 1.0 / Math.sqrt(units + 1) : 1.0 / Math.sqrt(outputs);
        }
    }

    /** Seed 000 A.2.3: W_in ~ N(0,1) / sqrt(nIn), W_out ~ N(0,1) scaled by {@code readout}, b_out = 0. */
    public static Head random(int units, int inputs, int outputs, ReadoutScale readout, long seed, DataType dtype) {
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        INDArray wIn = rng.nextGaussian(new long[] {units, inputs}).castTo(dtype).muli(1.0 / Math.sqrt(inputs));
        INDArray wOut = rng.nextGaussian(new long[] {outputs, units}).castTo(dtype).muli(readout.factor(units, outputs));
        return new Head(wIn, wOut, Nd4j.zeros(dtype, 1, outputs));
    }

    /** The default initialisation ({@link ReadoutScale#FAN_IN}). */
    public static Head random(int units, int inputs, int outputs, long seed, DataType dtype) {
        return random(units, inputs, outputs, ReadoutScale.FAN_IN, seed, dtype);
    }

    public int inputs() {
        return (int) wIn.size(1);
    }

    public int outputs() {
        return (int) wOut.size(0);
    }

    public INDArray wIn() {
        return wIn;
    }

    public INDArray wOut() {
        return wOut;
    }

    public INDArray bOut() {
        return bOut;
    }

}
