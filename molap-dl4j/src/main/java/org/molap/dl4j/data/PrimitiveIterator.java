package org.molap.dl4j.data;

import org.molap.core.corpus.TaskCorpus;
import org.molap.core.primitives.LatentPrimitives;
import org.molap.core.tasks.Trials;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Random;

/**
 * Pre-training batches for module k (seed 000 section 3.3, A.2.1): fresh corpus trials, projected by the
 * primitives fitted once on the corpus; features = the k-th input variate [batch, 1, T], labels = the k-th
 * target variate [batch, 1, T].
 */
public final class PrimitiveIterator extends GeneratedIterator {
    private final TaskCorpus corpus;
    private final LatentPrimitives primitives;
    private final int component;
    private final DataType dtype;

    public PrimitiveIterator(TaskCorpus corpus, LatentPrimitives primitives, int component,
                             int batchSize, int batches, long seed, DataType dtype) {
        super(batchSize, batches, seed);
        if (component < 0 || component >= primitives.components()) {
            throw new IllegalArgumentException("Component " + component + " does not exist; the primitives have "
                    + primitives.components() + ".");
        }
        this.corpus = corpus;
        this.primitives = primitives;
        this.component = component;
        this.dtype = dtype;
    }

    @Override
    protected DataSet generate(int batchSize, Random rng) {
        Trials trials = corpus.sampleSideBySide(batchSize, rng, dtype);
        org.nd4j.linalg.indexing.INDArrayIndex[] pick = {NDArrayIndex.all(), NDArrayIndex.interval(component, component + 1), NDArrayIndex.all()};
        return new DataSet(primitives.inputVariates(trials.inputs()).get(pick).castTo(dtype).dup(),
                primitives.targetVariates(trials.targets()).get(pick).castTo(dtype).dup());
    }

    @Override
    public int inputColumns() {
        return 1;
    }

    @Override
    public int totalOutcomes() {
        return 1;
    }
}
