package org.molap.dl4j.rnn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * The two per-step elementwise ops of the BPTT loop, in place on one step's [B, N] block of the time-major
 * [T*B, N] buffers: the rates s_t = tanh(a_t + b), where a_t holds the step's drive without the bias row b,
 * the leaky state h_t = (1 - leak) h_{t-1} + leak s_t, and backward, from the last step down,
 * <pre>
 *   g_t  = e_t + c h_t + (1 - leak) g_{t+1}          (dLoss/dh_t; e_t = dH_t + dA_{t+1} W_rec on entry)
 *   dA_t = leak g_t (1 - s_t^2)                       (written over e_t)
 * </pre>
 * where c h_t is the activity regulariser's gradient (c = 2 act / |H|). Folding b and c h_t into these passes
 * saves two passes over the whole buffers. At leak = 1 (seed 000 Eq. 1) the state is the rate, one buffer
 * serves both, and the loops are the two-term ones this class had before the leak, so the arithmetic is unchanged.
 * Steps run in order (forward from 0, backward from the last): the previous state and the next g are kept here.
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

    private TanhSteps(int stepLength, int steps, double leak) {
        this.stepLength = stepLength;
        this.lastStep = steps - 1;
        this.leak = leak;
    }

    /**
     * Kernels for buffers of {@code steps} blocks of {@code stepLength} elements; all must be c-order and whole.
     * At leak 1, {@code rates} and {@code states} are the same buffer.
     */
    static TanhSteps over(INDArray rates, INDArray states, INDArray errors, int stepLength, int steps, double leak) {
        if (!Nd4j.getEnvironment().isCPU()) {
            return new NativeOps(rates, states, errors, stepLength, steps, leak);     // device memory: no Java view of it
        }
        if (states.dataType() == DataType.FLOAT) {
            return new Floats(rates, states, errors, stepLength, steps, leak);
        }
        if (states.dataType() == DataType.DOUBLE) {
            return new Doubles(rates, states, errors, stepLength, steps, leak);
        }
        throw new IllegalArgumentException("the BPTT engine runs in FLOAT or DOUBLE, not " + states.dataType());
    }

    boolean leaky() {
        return leak < 1;
    }

    /** The bias row [1, N] that {@link #forward} adds, and the activity factor c of {@link #backward}. */
    abstract void load(INDArray bias, double activity);

    /** s_t = tanh(a_t + b) over the rates block of step t, and the state h_t of the leak. */
    abstract void forward(int t);

    /** dA_t from the error block of step t (see the class comment). */
    abstract void backward(int t);

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

    private static FloatBuffer floats(INDArray a) {
        return a.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private static DoubleBuffer doubles(INDArray a) {
        return a.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }

    static final class Floats extends TanhSteps {
        private final FloatBuffer rates;
        private final FloatBuffer states;
        private final FloatBuffer errors;
        private final float[] s;
        private final float[] e;
        /** Leaky only: the state of this step and of the previous one (forward); g_{t+1} (backward). */
        private float[] h;
        private float[] previous;
        /** The bias row repeated over the B rows of a step: one flat loop, which the JIT vectorises. */
        private float[] bias;
        private float activity;

        private Floats(INDArray rates, INDArray states, INDArray errors, int stepLength, int steps, double leak) {
            super(stepLength, steps, leak);
            this.rates = floats(rates);
            this.states = floats(states);
            this.errors = floats(errors);
            this.s = new float[stepLength];
            this.e = new float[stepLength];
            this.h = new float[stepLength];
            this.previous = new float[stepLength];
        }

        @Override
        void load(INDArray bias, double activity) {
            this.bias = tiled(bias.toFloatVector(), stepLength);
            this.activity = (float) activity;
        }

        @Override
        void forward(int t) {
            int offset = t * stepLength;
            rates.get(offset, s, 0, stepLength);
            for (int i = 0; i < stepLength; i++) {
                s[i] = FastTanh.tanh(s[i] + bias[i]);
            }
            rates.put(offset, s, 0, stepLength);
            if (leaky()) {
                if (t == 0) {
                    java.util.Arrays.fill(previous, 0f);
                }
                float a = (float) leak;
                float keep = (float) (1 - leak);
                for (int i = 0; i < stepLength; i++) {
                    h[i] = keep * previous[i] + a * s[i];
                }
                states.put(offset, h, 0, stepLength);
                float[] swap = previous;
                previous = h;
                h = swap;
            }
        }

        @Override
        void backward(int t) {
            int offset = t * stepLength;
            float c = activity;
            rates.get(offset, s, 0, stepLength);
            errors.get(offset, e, 0, stepLength);
            if (!leaky()) {
                for (int i = 0; i < stepLength; i++) {
                    e[i] = (e[i] + c * s[i]) * (1f - s[i] * s[i]);
                }
            } else {
                float[] g = previous;
                if (t == lastStep) {
                    java.util.Arrays.fill(g, 0f);
                }
                states.get(offset, h, 0, stepLength);
                float a = (float) leak;
                float keep = (float) (1 - leak);
                for (int i = 0; i < stepLength; i++) {
                    g[i] = e[i] + c * h[i] + keep * g[i];
                    e[i] = a * g[i] * (1f - s[i] * s[i]);
                }
            }
            errors.put(offset, e, 0, stepLength);
        }
    }

    static final class Doubles extends TanhSteps {
        private final DoubleBuffer rates;
        private final DoubleBuffer states;
        private final DoubleBuffer errors;
        private final double[] s;
        private final double[] e;
        /** Leaky only: the state of this step and of the previous one (forward); g_{t+1} (backward). */
        private double[] h;
        private double[] previous;
        /** The bias row repeated over the B rows of a step: one flat loop, which the JIT vectorises. */
        private double[] bias;
        private double activity;

        private Doubles(INDArray rates, INDArray states, INDArray errors, int stepLength, int steps, double leak) {
            super(stepLength, steps, leak);
            this.rates = doubles(rates);
            this.states = doubles(states);
            this.errors = doubles(errors);
            this.s = new double[stepLength];
            this.e = new double[stepLength];
            this.h = new double[stepLength];
            this.previous = new double[stepLength];
        }

        @Override
        void load(INDArray bias, double activity) {
            this.bias = tiled(bias.toDoubleVector(), stepLength);
            this.activity = activity;
        }

        @Override
        void forward(int t) {
            int offset = t * stepLength;
            rates.get(offset, s, 0, stepLength);
            for (int i = 0; i < stepLength; i++) {
                s[i] = Math.tanh(s[i] + bias[i]);
            }
            rates.put(offset, s, 0, stepLength);
            if (leaky()) {
                if (t == 0) {
                    java.util.Arrays.fill(previous, 0);
                }
                for (int i = 0; i < stepLength; i++) {
                    h[i] = (1 - leak) * previous[i] + leak * s[i];
                }
                states.put(offset, h, 0, stepLength);
                double[] swap = previous;
                previous = h;
                h = swap;
            }
        }

        @Override
        void backward(int t) {
            int offset = t * stepLength;
            rates.get(offset, s, 0, stepLength);
            errors.get(offset, e, 0, stepLength);
            if (!leaky()) {
                for (int i = 0; i < stepLength; i++) {
                    e[i] = (e[i] + activity * s[i]) * (1 - s[i] * s[i]);
                }
            } else {
                double[] g = previous;
                if (t == lastStep) {
                    java.util.Arrays.fill(g, 0);
                }
                states.get(offset, h, 0, stepLength);
                for (int i = 0; i < stepLength; i++) {
                    g[i] = e[i] + activity * h[i] + (1 - leak) * g[i];
                    e[i] = leak * g[i] * (1 - s[i] * s[i]);
                }
            }
            errors.put(offset, e, 0, stepLength);
        }
    }

    /** The same ops as ND4J ops on the step's views, for backends whose memory Java cannot read. */
    static final class NativeOps extends TanhSteps {
        private final INDArray rates;
        private final INDArray states;
        private final INDArray errors;
        private final long rows;
        private INDArray bias;
        private double activity;
        /** Leaky only: g_{t+1} of the backward pass. */
        private INDArray next;

        NativeOps(INDArray rates, INDArray states, INDArray errors, int stepLength, int steps, double leak) {
            super(stepLength, steps, leak);
            this.rates = rates;
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
        void forward(int t) {
            INDArray s = Transforms.tanh(step(rates, t).addiRowVector(bias), false);
            if (leaky()) {
                INDArray h = step(states, t).assign(s).muli(leak);
                if (t > 0) {
                    h.addi(step(states, t - 1).mul(1 - leak));
                }
            }
        }

        @Override
        void backward(int t) {
            INDArray s = step(rates, t);
            INDArray e = step(errors, t);
            if (!leaky()) {
                e.addi(s.mul(activity)).muli(s.mul(s).rsubi(1));
                return;
            }
            INDArray g = e.add(step(states, t).mul(activity));
            if (t != lastStep) {
                g.addi(next.mul(1 - leak));
            }
            next = g;
            e.assign(g.mul(leak)).muli(s.mul(s).rsubi(1));
        }
    }
}
