package org.molap.dl4j.rnn;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * The per-step elementwise work of the BPTT loop, in place on one step's [B, N] block of the time-major [T*B, N]
 * state and error buffers. Forward, the state block of step t holds the drive a_t (without the bias row b) and
 * becomes the state: s_t = tanh(a_t + b), h_t = (1 - leak) h_{t-1} + leak s_t. Backward, from the last step down,
 * with e_t = dH_t + dA_{t+1} W_rec on entry:
 * <pre>
 *   g_t  = e_t + c h_t + (1 - leak) g_{t+1}          (dLoss/dh_t)
 *   dA_t = leak g_t (1 - s_t^2),  s_t = (h_t - (1 - leak) h_{t-1}) / leak      (written over e_t)
 * </pre>
 * where c h_t is the activity regulariser's gradient (c = 2 act / |H|). The rate s_t is recovered from two states
 * instead of being stored: the leaky network then moves as much memory per step as the one without a leak
 * (measured 3.4 ms per iteration less at the MoLaP shape than with a buffer of rates), at a cost of a few float
 * ulps divided by the leak in s_t. At leak = 1 (seed 000 Eq. 1) s_t = h_t and the loops are the two-term ones
 * this class had before the leak, so the arithmetic is unchanged. Steps run in order (forward from 0, backward
 * from the last): the neighbouring state and g are kept here between calls.
 * <p>
 * ND4J runs each op as one native call per step, and its float tanh costs about 6 ns per element on one thread
 * (33 ms per iteration of the MoLaP shape, 12 ms even as 2 sigmoid(2a) - 1). Here a step's block (80 kB at
 * B = 200, N = 100) is copied to a Java array, where the JIT vectorises the loop, and copied back. In float,
 * tanh is the rational function {@link FastTanh} (a few float ulps from the exact value); in double it is
 * {@link Math#tanh}, so the double-precision gradient checks test this same code with the exact function.
 * On a GPU backend the ops stay ND4J ops ({@link NativeOps}).
 */
abstract sealed class TanhSteps permits TanhSteps.Floats, TanhSteps.Doubles, TanhSteps.NativeOps {
    /** Elements in one step's block. */
    final int stepLength;
    /** Index of the last step, where backward starts with g_T = 0. */
    final int lastStep;
    final double leak;
    /** Floats per chunk of the forward loop: 16 kB, which stays in L1 from the copy in to the copy out. */
    static final int CHUNK = 4096;
    /** Whether forward sums |h_t|^2 (the activity regulariser's; a forward pass that computes no loss needs none). */
    boolean countSquares = true;

    private TanhSteps(int stepLength, int steps, double leak) {
        this.stepLength = stepLength;
        this.lastStep = steps - 1;
        this.leak = leak;
    }

    /** Kernels for buffers of {@code steps} blocks of {@code stepLength} elements; both must be c-order and whole. */
    static TanhSteps over(INDArray states, INDArray errors, int stepLength, int steps, double leak) {
        if (!Nd4j.getEnvironment().isCPU()) {
            return new NativeOps(states, errors, stepLength, steps, leak);     // device memory: no Java view of it
        }
        if (states.dataType() == DataType.FLOAT) {
            return new Floats(states, errors, stepLength, steps, leak);
        }
        if (states.dataType() == DataType.DOUBLE) {
            return new Doubles(states, errors, stepLength, steps, leak);
        }
        throw new IllegalArgumentException("the BPTT engine runs in FLOAT or DOUBLE, not " + states.dataType());
    }

    boolean leaky() {
        return leak < 1;
    }

    /** The bias row [1, N] that {@link #forward} adds, and the activity factor c of {@link #backward}. */
    abstract void load(INDArray bias, double activity);

    /** The state block of step t: from the drive a_t to h_t. */
    abstract void forward(int t);

    /** dA_t over the error block of step t (see the class comment). */
    abstract void backward(int t);

    /** The sum of h_t^2 over the steps {@link #forward} ran since step 0 (the activity regulariser's). */
    abstract double sumOfSquares();

    /** The bias gradient [1, N]: the column sums of dA_t over the steps {@link #backward} ran since the last. */
    abstract INDArray biasGradient();

    /** Sums the [rows, width] row-major tile (one step's block of per-element sums) over its rows. */
    static double[] columnSums(double[] tile, int width) {
        double[] sums = new double[width];
        for (int i = 0; i < tile.length; i++) {
            sums[i % width] += tile[i];
        }
        return sums;
    }

    static double[] columnSums(float[] tile, int width) {
        double[] sums = new double[width];
        for (int i = 0; i < tile.length; i++) {
            sums[i % width] += tile[i];
        }
        return sums;
    }

    private static float[] tiled(float[] row, int length) {
        float[] out = new float[length];
        for (int i = 0; i < length; i += row.length) {
            System.arraycopy(row, 0, out, i, row.length);
        }
        return out;
    }

    private static double[] tiled(double[] row, int length) {
        double[] out = new double[length];
        for (int i = 0; i < length; i += row.length) {
            System.arraycopy(row, 0, out, i, row.length);
        }
        return out;
    }

    static final class Floats extends TanhSteps {
        private final FloatBuffer states;
        private final FloatBuffer errors;
        private final float[] e;
        /** This step's state, and the neighbouring one (h_{t-1} forward, h_{t-1} backward too). */
        private float[] h;
        private float[] previous;
        /** Leaky backward: g_{t+1}. */
        private final float[] next;
        /** The bias row repeated over the B rows of a step: one flat loop, which the JIT vectorises. */
        private float[] bias;
        private float activity;
        /** The states' memory, for BLAS's dot product of a block with itself. */
        private final FloatPointer statePointer;
        private double squares;
        /**
         * The bias gradient as per-element sums of dA_t over the steps, folded into column sums at the end: sums
         * down the steps vectorise; one running scalar sum per column would not.
         */
        private final float[] biasSums;
        private int width;

        private Floats(INDArray states, INDArray errors, int stepLength, int steps, double leak) {
            super(stepLength, steps, leak);
            this.states = states.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
            this.statePointer = new FloatPointer(states.data().addressPointer());
            this.errors = errors.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
            this.e = new float[stepLength];
            this.h = new float[stepLength];
            this.previous = new float[stepLength];
            this.next = new float[stepLength];
            this.biasSums = new float[stepLength];
        }

        @Override
        void load(INDArray bias, double activity) {
            this.bias = tiled(bias.toFloatVector(), stepLength);
            this.activity = (float) activity;
            this.width = (int) bias.length();
        }

        @Override
        double sumOfSquares() {
            return squares;
        }

        @Override
        INDArray biasGradient() {
            return Nd4j.createFromArray(columnSums(biasSums, width)).reshape(1, width).castTo(DataType.FLOAT);
        }

        /**
         * Adds |h_t|^2 of the block just written, as BLAS's dot product while it is in cache. In the tanh loop the sum
         * stopped the JIT vectorising that loop (10x slower); as a loop of per-element sums it cost 0.4 ms per
         * iteration at the MoLaP shape, this 0.15 ms.
         */
        private void addSquares(int offset) {
            squares += openblas_nolapack.cblas_sdot(stepLength, statePointer.position(offset), 1, statePointer, 1);
        }

        @Override
        void forward(int t) {
            int offset = t * stepLength;
            if (t == 0) {
                squares = 0;
                java.util.Arrays.fill(previous, 0f);
            }
            float a = (float) leak;
            float keep = (float) (1 - leak);
            boolean leaky = leaky();
            // In chunks of CHUNK floats: each is copied in, transformed and copied out while it is in L1. At the
            // evaluation batch (2000 trials) a step's block is 0.8-1.6 MB, and three passes over the whole block
            // went to L3 each time.
            for (int start = 0; start < stepLength; start += CHUNK) {
                int end = Math.min(stepLength, start + CHUNK);
                states.get(offset + start, h, start, end - start);
                if (leaky) {
                    for (int i = start; i < end; i++) {
                        h[i] = keep * previous[i] + a * FastTanh.tanh(h[i] + bias[i]);
                    }
                } else {
                    for (int i = start; i < end; i++) {
                        h[i] = FastTanh.tanh(h[i] + bias[i]);
                    }
                }
                states.put(offset + start, h, start, end - start);
            }
            if (countSquares) {
                addSquares(offset);
            }
            if (leaky) {
                float[] swap = previous;
                previous = h;
                h = swap;
            }
        }

        @Override
        void backward(int t) {
            int offset = t * stepLength;
            float c = activity;
            errors.get(offset, e, 0, stepLength);
            if (t == lastStep) {
                java.util.Arrays.fill(biasSums, 0f);
            }
            if (!leaky()) {
                states.get(offset, h, 0, stepLength);
                for (int i = 0; i < stepLength; i++) {
                    float d = (e[i] + c * h[i]) * (1f - h[i] * h[i]);
                    e[i] = d;
                    biasSums[i] += d;
                }
                errors.put(offset, e, 0, stepLength);
                return;
            }
            if (t == lastStep) {
                java.util.Arrays.fill(next, 0f);
                states.get(offset, previous, 0, stepLength);
            }
            float[] swap = h;                  // h_t is the h_{t-1} read at step t + 1
            h = previous;
            previous = swap;
            if (t == 0) {
                java.util.Arrays.fill(previous, 0f);
            } else {
                states.get(offset - stepLength, previous, 0, stepLength);
            }
            float a = (float) leak;
            float keep = (float) (1 - leak);
            float inverse = (float) (1 / leak);
            for (int i = 0; i < stepLength; i++) {
                float s = (h[i] - keep * previous[i]) * inverse;
                float g = e[i] + c * h[i] + keep * next[i];
                next[i] = g;
                float d = a * g * (1f - s * s);
                e[i] = d;
                biasSums[i] += d;
            }
            errors.put(offset, e, 0, stepLength);
        }
    }

    static final class Doubles extends TanhSteps {
        private final DoubleBuffer states;
        private final DoubleBuffer errors;
        private final double[] e;
        private double[] h;
        private double[] previous;
        private final double[] next;
        private double[] bias;
        private double activity;
        private double squares;
        private final double[] biasSums;
        private int width;

        private Doubles(INDArray states, INDArray errors, int stepLength, int steps, double leak) {
            super(stepLength, steps, leak);
            this.states = states.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer();
            this.errors = errors.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer();
            this.e = new double[stepLength];
            this.h = new double[stepLength];
            this.previous = new double[stepLength];
            this.next = new double[stepLength];
            this.biasSums = new double[stepLength];
        }

        @Override
        void load(INDArray bias, double activity) {
            this.bias = tiled(bias.toDoubleVector(), stepLength);
            this.activity = activity;
            this.width = (int) bias.length();
        }

        @Override
        double sumOfSquares() {
            return squares;
        }

        @Override
        INDArray biasGradient() {
            return Nd4j.createFromArray(columnSums(biasSums, width)).reshape(1, width);
        }

        @Override
        void forward(int t) {
            int offset = t * stepLength;
            states.get(offset, h, 0, stepLength);
            if (t == 0) {
                squares = 0;
            }
            if (!leaky()) {
                for (int i = 0; i < stepLength; i++) {
                    h[i] = Math.tanh(h[i] + bias[i]);
                    squares += h[i] * h[i];
                }
                states.put(offset, h, 0, stepLength);
                return;
            }
            if (t == 0) {
                java.util.Arrays.fill(previous, 0);
            }
            for (int i = 0; i < stepLength; i++) {
                h[i] = (1 - leak) * previous[i] + leak * Math.tanh(h[i] + bias[i]);
                squares += h[i] * h[i];
            }
            states.put(offset, h, 0, stepLength);
            double[] swap = previous;
            previous = h;
            h = swap;
        }

        @Override
        void backward(int t) {
            int offset = t * stepLength;
            errors.get(offset, e, 0, stepLength);
            if (t == lastStep) {
                java.util.Arrays.fill(biasSums, 0);
            }
            if (!leaky()) {
                states.get(offset, h, 0, stepLength);
                for (int i = 0; i < stepLength; i++) {
                    e[i] = (e[i] + activity * h[i]) * (1 - h[i] * h[i]);
                    biasSums[i] += e[i];
                }
                errors.put(offset, e, 0, stepLength);
                return;
            }
            if (t == lastStep) {
                java.util.Arrays.fill(next, 0);
                states.get(offset, previous, 0, stepLength);
            }
            double[] swap = h;
            h = previous;
            previous = swap;
            if (t == 0) {
                java.util.Arrays.fill(previous, 0);
            } else {
                states.get(offset - stepLength, previous, 0, stepLength);
            }
            for (int i = 0; i < stepLength; i++) {
                double s = (h[i] - (1 - leak) * previous[i]) / leak;
                double g = e[i] + activity * h[i] + (1 - leak) * next[i];
                next[i] = g;
                e[i] = leak * g * (1 - s * s);
                biasSums[i] += e[i];
            }
            errors.put(offset, e, 0, stepLength);
        }
    }

    /** The same ops as ND4J ops on the step's views, for backends whose memory Java cannot read. */
    static final class NativeOps extends TanhSteps {
        private final INDArray states;
        private final INDArray errors;
        private final long rows;
        private INDArray bias;
        private double activity;
        /** Leaky only: g_{t+1} of the backward pass. */
        private INDArray next;

        NativeOps(INDArray states, INDArray errors, int stepLength, int steps, double leak) {
            super(stepLength, steps, leak);
            this.states = states;
            this.errors = errors;
            this.rows = stepLength / states.size(1);
        }

        private INDArray step(INDArray buffer, int t) {
            return buffer.get(NDArrayIndex.interval(t * rows, (t + 1) * rows), NDArrayIndex.all());
        }

        @Override
        void load(INDArray bias, double activity) {
            this.bias = bias;
            this.activity = activity;
        }

        @Override
        double sumOfSquares() {
            double norm = states.norm2Number().doubleValue();
            return norm * norm;
        }

        @Override
        INDArray biasGradient() {
            return errors.sum(true, 0);
        }

        @Override
        void forward(int t) {
            INDArray h = Transforms.tanh(step(states, t).addiRowVector(bias), false);
            if (leaky()) {
                h.muli(leak);
                if (t > 0) {
                    h.addi(step(states, t - 1).mul(1 - leak));
                }
            }
        }

        @Override
        void backward(int t) {
            INDArray h = step(states, t);
            INDArray e = step(errors, t);
            if (!leaky()) {
                e.addi(h.mul(activity)).muli(h.mul(h).rsubi(1));
                return;
            }
            INDArray s = t == 0 ? h.div(leak) : h.sub(step(states, t - 1).mul(1 - leak)).divi(leak);
            INDArray g = e.add(h.mul(activity));
            if (t != lastStep) {
                g.addi(next.mul(1 - leak));
            }
            next = g;
            e.assign(g.mul(leak)).muli(s.mul(s).rsubi(1));
        }
    }
}
