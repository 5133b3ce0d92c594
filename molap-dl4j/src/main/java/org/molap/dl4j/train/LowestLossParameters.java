package org.molap.dl4j.train;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keeps a copy of the named parameters as they are after the iteration whose batch loss was the lowest so far: seed
 * 003's Element Finder scripts return these "lowest_loss_params" beside the last ones (their loss is computed before
 * the update, the kept parameters after it; so here). The training itself is untouched. Checkpoints hold the copy.
 */
public final class LowestLossParameters implements TrainingListener, Resumable {
    private final List<String> names;
    private final Map<String, INDArray> kept = new LinkedHashMap<>();
    private double lowest = Double.POSITIVE_INFINITY;
    private int iteration = -1;

    public LowestLossParameters(List<String> names) {
        this.names = List.copyOf(names);
    }

    @Override
    public void onIteration(Iteration it) {
        if (it.loss() < lowest) {
            lowest = it.loss();
            iteration = it.iteration();
            for (String name : names) {
                INDArray now = it.model().parameters().get(name);
                INDArray copy = kept.get(name);
                if (copy == null) {
                    kept.put(name, now.dup());
                } else {
                    copy.assign(now);
                }
            }
        }
    }

    /** The kept parameters by name; empty before the first iteration. */
    public Map<String, INDArray> parameters() {
        return java.util.Collections.unmodifiableMap(kept);
    }

    /** The lowest batch loss seen. */
    public double lowest() {
        return lowest;
    }

    /** The iteration (0-based) whose update produced the kept parameters, -1 before the first. */
    public int iteration() {
        return iteration;
    }

    /** lowest, iteration, then per kept parameter (in the order of the names) its length and its .npy bytes, as checkpoints hold arrays. */
    @Override
    public byte[] saveState() {
        List<byte[]> arrays = names.stream().filter(kept::containsKey).map(name -> Nd4j.toNpyByteArray(kept.get(name))).toList();
        ByteBuffer b = ByteBuffer.allocate(Double.BYTES + Integer.BYTES
                + arrays.stream().mapToInt(a -> Integer.BYTES + a.length).sum());
        b.putDouble(lowest).putInt(iteration);
        arrays.forEach(a -> b.putInt(a.length).put(a));
        return b.array();
    }

    @Override
    public void restoreState(byte[] state) {
        ByteBuffer b = ByteBuffer.wrap(state);
        lowest = b.getDouble();
        iteration = b.getInt();
        kept.clear();
        for (String name : names) {
            if (!b.hasRemaining()) {
                break;
            }
            byte[] npy = new byte[b.getInt()];
            b.get(npy);
            kept.put(name, Nd4j.createNpyFromByteArray(npy));
        }
    }
}
