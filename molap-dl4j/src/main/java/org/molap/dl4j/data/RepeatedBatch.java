package org.molap.dl4j.data;

import org.nd4j.linalg.dataset.DataSet;

import java.util.Random;

/** The same batch over and over: for timings without data generation, and for tests that fit one batch. */
public final class RepeatedBatch extends GeneratedIterator {
    private final DataSet batch;

    public RepeatedBatch(DataSet batch, int batches) {
        super((int) batch.getFeatures().size(0), batches, 0);
        this.batch = batch;
    }

    @Override
    protected DataSet generate(int batchSize, Random rng) {
        return batch;
    }

    @Override
    public int inputColumns() {
        return (int) batch.getFeatures().size(1);
    }

    @Override
    public int totalOutcomes() {
        return (int) batch.getLabels().size(1);
    }
}
