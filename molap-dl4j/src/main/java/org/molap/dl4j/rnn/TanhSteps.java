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
 * state and error buffers: h_t = tanh(a_t) in place, and dA_t = dA_t * (1 - h_t^2) in place.
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

    /** h_t = tanh(h_t), the block of step t of the states buffer holding a_t. */
    abstract void tanh(int t);

    /** dA_t = dA_t * (1 - h_t^2), the block of step t of the error and states buffers. */
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

    static final class Floats extends TanhSteps {
        private final FloatBuffer states;
        private final FloatBuffer errors;
        private final float[] h;
        private final float[] e;

        private Floats(INDArray states, INDArray errors, int stepLength) {
            super(stepLength);
            this.states = states.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
            this.errors = errors.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
            this.h = new float[stepLength];
            this.e = new float[stepLength];
        }

        @Override
        void tanh(int t) {
            int offset = t * stepLength;
            states.get(offset, h, 0, stepLength);
            for (int i = 0; i < stepLength; i++) {
                h[i] = fastTanh(h[i]);
            }
            states.put(offset, h, 0, stepLength);
        }

        @Override
        void timesDerivative(int t) {
            int offset = t * stepLength;
            states.get(offset, h, 0, stepLength);
            errors.get(offset, e, 0, stepLength);
            for (int i = 0; i < stepLength; i++) {
                e[i] *= 1f - h[i] * h[i];
            }
            errors.put(offset, e, 0, stepLength);
        }
    }

    static final class Doubles extends TanhSteps {
        private final DoubleBuffer states;
        private final DoubleBuffer errors;
        private final double[] h;
        private final double[] e;

        private Doubles(INDArray states, INDArray errors, int stepLength) {
            super(stepLength);
            this.states = states.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer();
            this.errors = errors.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer();
            this.h = new double[stepLength];
            this.e = new double[stepLength];
        }

        @Override
        void tanh(int t) {
            int offset = t * stepLength;
            states.get(offset, h, 0, stepLength);
            for (int i = 0; i < stepLength; i++) {
                h[i] = Math.tanh(h[i]);
            }
            states.put(offset, h, 0, stepLength);
        }

        @Override
        void timesDerivative(int t) {
            int offset = t * stepLength;
            states.get(offset, h, 0, stepLength);
            errors.get(offset, e, 0, stepLength);
            for (int i = 0; i < stepLength; i++) {
                e[i] *= 1 - h[i] * h[i];
            }
            errors.put(offset, e, 0, stepLength);
        }
    }

    /** The same two ops as ND4J ops on the step's views, for backends whose memory Java cannot read. */
    static final class NativeOps extends TanhSteps {
        private final INDArray states;
        private final INDArray errors;
        private final long rows;

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
        void tanh(int t) {
            Transforms.tanh(step(states, t), false);
        }

        @Override
        void timesDerivative(int t) {
            INDArray h = step(states, t);
            step(errors, t).muli(h.mul(h).rsubi(1));
        }
    }
}
