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
 * The two per-step elementwise ops of the BPTT loop, on one step's [B, N] block of the time-major [T*B, N]
 * state and error buffers, in place: h_t = tanh(a_t + b) with the bias row b, and
 * dA_t = (dA_t + c h_t) * (1 - h_t^2), where c h_t is the activity regulariser's gradient (c = 2 act / |H|).
 * Folding b and c h_t into these passes saves two passes over the whole buffers.
 * <p>
 * ND4J runs each as one native call per step, and its float tanh costs about 6 ns per element on one thread
 * (33 ms per iteration of the MoLaP shape, 12 ms even as 2 sigmoid(2a) - 1). Here a step's block (80 kB at
 * B = 200, N = 100) is copied to a Java array, where the JIT vectorises the loop, and copied back. In float,
 * tanh is the rational function {@link #fastTanh} (a few float ulps from the exact value); in double it is
 * {@link Math#tanh}, so the double-precision gradient checks test this same code with the exact function.
 * On a GPU backend both stay ND4J ops ({@link NativeOps}).
 */
abstract sealed class TanhSteps permits TanhSteps.Floats, TanhSteps.Doubles, TanhSteps.NativeOps {
    /** Elements in one step's block. */
    final int stepLength;

    private TanhSteps(int stepLength) {
        this.stepLength = stepLength;
    }

    /** Kernels for buffers of {@code steps} blocks of {@code stepLength} elements; both must be c-order and whole. */
    static TanhSteps over(INDArray states, INDArray errors, int stepLength) {
        if (!Nd4j.getEnvironment().isCPU()) {
            return new NativeOps(states, errors, stepLength);     // device memory: no Java view of it
        }
        if (states.dataType() == DataType.FLOAT) {
            return new Floats(states, errors, stepLength);
        }
        if (states.dataType() == DataType.DOUBLE) {
            return new Doubles(states, errors, stepLength);
        }
        throw new IllegalArgumentException("the BPTT engine runs in FLOAT or DOUBLE, not " + states.dataType());
    }

    /** The bias row [1, N] that {@link #tanh} adds, and the activity factor c of {@link #timesDerivative}. */
    abstract void load(INDArray bias, double activity);

    /** h_t = tanh(a_t + b), the block of step t of the states buffer holding a_t. */
    abstract void tanh(int t);

    /** dA_t = (dA_t + c h_t) * (1 - h_t^2), the block of step t of the error and states buffers. */
    abstract void timesDerivative(int t);

    // tanh(x) ~ x P(x^2) / Q(x^2) on |x| <= 9 (beyond it tanh rounds to +-1 in float). A least-squares fit of
    // the relative error with Lawson reweighting toward minimax, made for this project by tools/fit_tanh.py
    // (the constants below are its output, to float precision): relative error 2e-8 in double; evaluated
    // in float, within 3.5e-7 of tanh (TanhStepsTest).
    private static final float P0 = 0.99999997949899880f;
    private static final float P1 = 0.13381130244197703f;
    private static final float P2 = 0.0034957122383157090f;
    private static final float P3 = 2.0611118347261050e-05f;
    private static final float P4 = 1.3357468325869704e-08f;
    private static final float Q1 = 0.46714445865586300f;
    private static final float Q2 = 0.025877454702970943f;
    private static final float Q3 = 3.2858375326912624e-04f;
    private static final float Q4 = 7.7777102682613510e-07f;
    private static final float SATURATION = 9f;

    /** The float tanh of the loop: an odd rational function, in [-1, 1]. */
    static float fastTanh(float a) {
        float x = Math.min(SATURATION, Math.max(-SATURATION, a));
        float z = x * x;
        float p = (((P4 * z + P3) * z + P2) * z + P1) * z + P0;
        float q = (((Q4 * z + Q3) * z + Q2) * z + Q1) * z + 1f;
        return Math.min(1f, Math.max(-1f, x * p / q));
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
        private final float[] h;
        private final float[] e;
        /** The bias row repeated over the B rows of a step: one flat loop, which the JIT vectorises. */
        private float[] bias;
        private float activity;

        private Floats(INDArray states, INDArray errors, int stepLength) {
            super(stepLength);
            this.states = states.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
            this.errors = errors.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
            this.h = new float[stepLength];
            this.e = new float[stepLength];
        }

        @Override
        void load(INDArray bias, double activity) {
            this.bias = tiled(bias.toFloatVector(), stepLength);
            this.activity = (float) activity;
        }

        @Override
        void tanh(int t) {
            int offset = t * stepLength;
            states.get(offset, h, 0, stepLength);
            for (int i = 0; i < stepLength; i++) {
                h[i] = fastTanh(h[i] + bias[i]);
            }
            states.put(offset, h, 0, stepLength);
        }

        @Override
        void timesDerivative(int t) {
            int offset = t * stepLength;
            float c = activity;
            states.get(offset, h, 0, stepLength);
            errors.get(offset, e, 0, stepLength);
            for (int i = 0; i < stepLength; i++) {
                e[i] = (e[i] + c * h[i]) * (1f - h[i] * h[i]);
            }
            errors.put(offset, e, 0, stepLength);
        }
    }

    static final class Doubles extends TanhSteps {
        private final DoubleBuffer states;
        private final DoubleBuffer errors;
        private final double[] h;
        private final double[] e;
        /** The bias row repeated over the B rows of a step: one flat loop, which the JIT vectorises. */
        private double[] bias;
        private double activity;

        private Doubles(INDArray states, INDArray errors, int stepLength) {
            super(stepLength);
            this.states = states.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer();
            this.errors = errors.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer();
            this.h = new double[stepLength];
            this.e = new double[stepLength];
        }

        @Override
        void load(INDArray bias, double activity) {
            this.bias = tiled(bias.toDoubleVector(), stepLength);
            this.activity = activity;
        }

        @Override
        void tanh(int t) {
            int offset = t * stepLength;
            states.get(offset, h, 0, stepLength);
            for (int i = 0; i < stepLength; i++) {
                h[i] = Math.tanh(h[i] + bias[i]);
            }
            states.put(offset, h, 0, stepLength);
        }

        @Override
        void timesDerivative(int t) {
            int offset = t * stepLength;
            states.get(offset, h, 0, stepLength);
            errors.get(offset, e, 0, stepLength);
            for (int i = 0; i < stepLength; i++) {
                e[i] = (e[i] + activity * h[i]) * (1 - h[i] * h[i]);
            }
            errors.put(offset, e, 0, stepLength);
        }
    }

    /** The same two ops as ND4J ops on the step's views, for backends whose memory Java cannot read. */
    static final class NativeOps extends TanhSteps {
        private final INDArray states;
        private final INDArray errors;
        private final long rows;
        private INDArray bias;
        private double activity;

        NativeOps(INDArray states, INDArray errors, int stepLength) {
            super(stepLength);
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
        void tanh(int t) {
            Transforms.tanh(step(states, t).addiRowVector(bias), false);
        }

        @Override
        void timesDerivative(int t) {
            INDArray h = step(states, t);
            step(errors, t).addi(h.mul(activity)).muli(h.mul(h).rsubi(1));
        }
    }
}
