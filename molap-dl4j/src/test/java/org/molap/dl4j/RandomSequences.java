package org.molap.dl4j;

import org.molap.dl4j.data.GeneratedIterator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/** Test data: random inputs and targets of given sizes, reproducible from a seed. */
class RandomSequences extends GeneratedIterator {
    private final int inputs;
    private final int outputs;
    private final int steps;
    private final DataType dtype;
    private boolean repeat;

    RandomSequences(int inputs, int outputs, int steps, int batchSize, int batches, long seed, DataType dtype) {
        super(batchSize, batches, seed);
        this.inputs = inputs;
        this.outputs = outputs;
        this.steps = steps;
        this.dtype = dtype;
    }

    /** Every batch is the same batch (for tests that fit one batch). */
    RandomSequences repeating() {
        repeat = true;
        return this;
    }

    @Override
    protected DataSet generate(int batchSize, Random rng) {
        if (repeat) {
            rng = new Random(0);
        }
        return new DataSet(fill(new double[batchSize * inputs * steps], rng, batchSize, inputs),
                fill(new double[batchSize * outputs * steps], rng, batchSize, outputs));
    }

    private org.nd4j.linalg.api.ndarray.INDArray fill(double[] values, Random rng, int batchSize, int channels) {
        for (int i = 0; i < values.length; i++) {
            values[i] = rng.nextGaussian() * 0.5;
        }
        return Nd4j.create(values, new long[] {batchSize, channels, steps}, 'c').castTo(dtype);
    }

    @Override
    public int inputColumns() {
        return inputs;
    }

    @Override
    public int totalOutcomes() {
        return outputs;
    }
}
