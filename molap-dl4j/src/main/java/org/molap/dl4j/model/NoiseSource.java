package org.molap.dl4j.model;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.molap.core.stats.Ziggurat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Standard-normal draws for a model's process noise and random initial states, from its own seeded generator: 12 M
 * draws per iteration at seed 001's paper size, which java.util.Random took 0.3 s and ND4J's generator 0.15 s to make
 * ({@link Ziggurat}: 0.05 s).
 */
public final class NoiseSource implements org.molap.dl4j.train.Resumable {
    private final Ziggurat rng;

    public NoiseSource(long seed) {
        this.rng = new Ziggurat(seed);
    }

    /** The generator's state (8 bytes), for a checkpoint. */
    @Override
    public byte[] saveState() {
        return java.nio.ByteBuffer.allocate(Long.BYTES).putLong(rng.state()).array();
    }

    @Override
    public void restoreState(byte[] state) {
        if (state.length != Long.BYTES) {
            throw new IllegalArgumentException("A noise generator's state is " + Long.BYTES + " bytes, got " + state.length + ".");
        }
        rng.restore(java.nio.ByteBuffer.wrap(state).getLong());
    }

    /** Overwrites {@code out} with the next standard-normal draws, as {@link #fill(INDArray)} of a float array would. */
    public void fill(float[] out) {
        rng.fill(out);
    }

    /** Overwrites {@code out} with the next standard-normal draws, as {@link #fill(INDArray)} of a double array would. */
    public void fill(double[] out) {
        rng.fill(out);
    }

    public INDArray standardNormal(DataType dtype, long... shape) {
        return fill(Nd4j.create(dtype, shape));
    }

    /** Overwrites {@code target} with standard-normal draws; returns it. */
    public INDArray fill(INDArray target) {
        int n = Math.toIntExact(target.length());
        boolean contiguous = Nd4j.getEnvironment().isCPU() && target.ordering() == 'c' && target.elementWiseStride() == 1
                && (target.rank() != 2 || target.stride(0) == target.size(1));
        long first = target.offset() - target.data().offset();          // a view's data() starts at its own offset
        if (contiguous && target.dataType() == DataType.FLOAT) {
            float[] v = new float[n];
            rng.fill(v);
            new FloatPointer(target.data().addressPointer()).position(first).put(v, 0, n);
            return target;
        }
        double[] v = new double[n];
        rng.fill(v);
        if (contiguous && target.dataType() == DataType.DOUBLE) {
            new DoublePointer(target.data().addressPointer()).position(first).put(v, 0, n);
            return target;
        }
        return target.assign(Nd4j.createFromArray(v).reshape(target.shape()).castTo(target.dataType()));
    }
}
