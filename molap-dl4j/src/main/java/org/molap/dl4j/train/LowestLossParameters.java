package org.molap.dl4j.train;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
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

    /** lowest, iteration, then per kept parameter: data type, rank, shape, values as doubles (exact for float). */
    @Override
    public byte[] saveState() {
        int size = Double.BYTES + Integer.BYTES;
        for (INDArray a : kept.values()) {
            size += 2 * Integer.BYTES + a.rank() * Long.BYTES + (int) a.length() * Double.BYTES;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putDouble(lowest).putInt(iteration);
        for (String name : names) {
            INDArray a = kept.get(name);
            if (a == null) {
                continue;
            }
            b.putInt(a.dataType().ordinal()).putInt(a.rank());
            for (long d : a.shape()) {
                b.putLong(d);
            }
            for (double v : a.dup('c').data().asDouble()) {
                b.putDouble(v);
            }
        }
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
            DataType type = DataType.values()[b.getInt()];
            long[] shape = new long[b.getInt()];
            long length = 1;
            for (int i = 0; i < shape.length; i++) {
                shape[i] = b.getLong();
                length *= shape[i];
            }
            double[] values = new double[(int) length];
            for (int i = 0; i < values.length; i++) {
                values[i] = b.getDouble();
            }
            kept.put(name, Nd4j.create(values, shape, 'c').castTo(type));
        }
    }
}
