package org.molap.dl4j.data;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * A DL4J iterator over a fixed number of batches generated on the fly from a seed: features are inputs
 * [batch, channels, time], labels are targets. {@link #reset()} replays the same batches.
 */
public abstract class GeneratedIterator implements DataSetIterator, org.molap.dl4j.train.Resumable {
    private final int batchSize;
    private final int batches;
    private final long seed;
    private Random rng;
    private int produced;
    private DataSetPreProcessor preProcessor;

    protected GeneratedIterator(int batchSize, int batches, long seed) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("The batch size must be positive, got " + batchSize + ".");
        }
        this.batchSize = batchSize;
        this.batches = batches;
        this.seed = seed;
        reset();
    }

    /** One batch of {@code batchSize} trials drawn with this random source. */
    protected abstract DataSet generate(int batchSize, Random rng);

    @Override
    public boolean hasNext() {
        return produced < batches;
    }

    @Override
    public DataSet next() {
        return next(batchSize);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("All " + batches + " batches have been produced.");
        }
        produced++;
        DataSet ds = generate(num, rng);
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    @Override
    public void reset() {
        rng = new Random(seed);
        produced = 0;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }

    /** How many batches were produced, and the random generator's state (java.util.Random serialises its seed). */
    @Override
    public byte[] saveState() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeInt(produced);
            out.writeObject(rng);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void restoreState(byte[] state) {
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(state))) {
            produced = in.readInt();
            rng = (Random) in.readObject();
        } catch (java.io.IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("An iterator state that is not this iterator's: " + e.getMessage(), e);
        }
    }
}
