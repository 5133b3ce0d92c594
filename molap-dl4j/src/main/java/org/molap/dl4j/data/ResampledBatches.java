package org.molap.dl4j.data;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Minibatches drawn with replacement from a fixed set of trials (seed 003's multitask training: {@code jr.choice}
 * of 100 out of 3000 trials per iteration). Reproducible from the seed; {@link #reset()} replays them.
 */
public final class ResampledBatches extends GeneratedIterator {
    private final DataSet all;
    private final int size;

    public ResampledBatches(DataSet all, int batchSize, int batches, long seed) {
        super(batchSize, batches, seed);
        this.all = all;
        this.size = (int) all.getFeatures().size(0);
    }

    @Override
    protected DataSet generate(int batchSize, Random rng) {
        INDArray features = all.getFeatures();
        INDArray labels = all.getLabels();
        INDArray f = Nd4j.create(features.dataType(), batchSize, features.size(1), features.size(2));
        INDArray l = Nd4j.create(labels.dataType(), batchSize, labels.size(1), labels.size(2));
        for (int i = 0; i < batchSize; i++) {
            int row = rng.nextInt(size);
            f.putSlice(i, features.slice(row));
            l.putSlice(i, labels.slice(row));
        }
        return new DataSet(f, l);
    }

    @Override
    public int inputColumns() {
        return (int) all.getFeatures().size(1);
    }

    @Override
    public int totalOutcomes() {
        return (int) all.getLabels().size(1);
    }
}
