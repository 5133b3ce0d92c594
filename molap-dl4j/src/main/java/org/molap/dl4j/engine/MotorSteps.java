package org.molap.dl4j.engine;

import org.molap.dl4j.model.NoiseSource;
import org.molap.dl4j.rnn.FastTanh;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * The per-step elementwise work of {@link MotorBptt}, fused into one Java pass per step over the buffers' memory
 * (it was three to six ND4J ops of 10-20 us each per step, which cost more than the step's matrix product at N 100,
 * and full-length buffers of noise and selected loop vectors, 64 MB each at the paper size). The matrix products stay
 * in BLAS; this adds, per step k (rows of B trials, N units, see MotorBptt):
 * <pre>
 *   forward:  c_k = q_k rowsum(v_k R_k);  X_{k+1} += a c_k u_k + (1 - a) X_k + F_k + sigma Xi_k;  R_{k+1} = tanh(X_{k+1})
 *   backward: G_{k+1} = (G_{k+1} + a h_{k+1} v_{k+1}) (1 - R_{k+1}^2) + (1 - a) G_{k+2};  h_k = q_k rowsum(G_{k+1} u_k)
 * </pre>
 * with u_k = M_k U', v_k = M_k V' each row's loop vectors (selected from its motif labels here), q_k the loops' gate,
 * F_k the inputs' drive and Xi_k the process noise, drawn block by block in the order a draw of the whole [T*B, N]
 * buffer would give. Blocks are read into Java arrays, computed in double and written back; float networks take the
 * project's float tanh ({@link FastTanh}, in a loop of floats), double ones the exact tanh (the gradient checks).
 * Forward must be called for k = 0..T-1 in order, then backward for k = T-1..0: each keeps the previous step's block.
 */
final class MotorSteps {
    private final int batch;
    private final int units;
    private final int block;
    private final int steps;
    private final double a;
    private final Block x;
    private final Block r;
    private final Block drive;
    private final Block g;
    private double[] current;
    private double[] next;
    private double[] ratesNow;
    private double[] ratesNext;
    private final double[] work;
    private NoiseSource noise;
    private double sigma;
    /** Loops: the motif labels [T*B*M], U' and V' [M][N], the gate q [T*B]; the gated c and h [T*B]. */
    private double[] labels;
    private double[][] uRows;
    private double[][] vRows;
    private double[] gate;
    private double[] c;
    private double[] h;
    private double[] loopU;
    private double[] loopV;
    /** Module: Q and E [T*B, P] and the window p [T*B]. */
    private Block moduleRates;
    private Block moduleErrors;
    private double[] window;
    private double[] moduleRows;

    /**
     * Over an engine's buffers for batch {@code batch}: states and rates [(T+1)*B, N] (block 0 the initial state and
     * its rates), the inputs' drive and the errors [T*B, N].
     */
    MotorSteps(int batch, int units, int steps, double a, INDArray x, INDArray r, INDArray drive, INDArray g) {
        this.batch = batch;
        this.units = units;
        this.block = batch * units;
        this.steps = steps;
        this.a = a;
        this.x = Block.over(x);
        this.r = Block.over(r);
        this.drive = Block.over(drive);
        this.g = Block.over(g);
        current = new double[block];
        next = new double[block];
        ratesNow = new double[block];
        ratesNext = new double[block];
        work = new double[block];
    }

    /** Process noise sigma Xi_k, drawn from {@code source} as the steps go. */
    MotorSteps withNoise(NoiseSource source, double std) {
        this.noise = std > 0 ? source : null;
        this.sigma = std;
        return this;
    }

    /** Motif loops u_mu v_mu' selected by the labels M [T*B, M] from U and V [N, M], gated by q [T*B, 1]. */
    MotorSteps withLoops(INDArray motifLabels, INDArray u, INDArray v, INDArray loopGate) {
        labels = doubles(motifLabels);
        uRows = u.transpose().toDoubleMatrix();
        vRows = v.transpose().toDoubleMatrix();
        gate = doubles(loopGate);
        c = new double[steps * batch];
        h = new double[steps * batch];
        loopU = new double[block];
        loopV = new double[block];
        return this;
    }

    /** The preparatory module's Q and E [T*B, P], gated by the window p [T*B, 1]. */
    MotorSteps withModule(INDArray q, INDArray e, INDArray preparationWindow) {
        moduleRates = Block.over(q);
        moduleErrors = Block.over(e);
        window = doubles(preparationWindow);
        moduleRows = new double[Math.toIntExact(batch * q.size(1))];
        return this;
    }

    /** Step k forward: X_{k+1} holds its products (g R_k J', the module's) on entry; adds the rest and the rates. */
    void forward(int k) {
        long at = (long) k * block;
        if (k == 0) {
            x.get(0, current, block);
            r.get(0, ratesNow, block);
        }
        x.get(at + block, next, block);
        drive.get(at, work, block);
        for (int e = 0; e < block; e++) {
            next[e] += (1 - a) * current[e] + work[e];
        }
        if (noise != null) {
            x.draw(noise, work, block);
            for (int e = 0; e < block; e++) {
                next[e] += sigma * work[e];
            }
        }
        if (labels != null) {
            select(uRows, k, loopU);
            select(vRows, k, loopV);
            for (int i = 0; i < batch; i++) {
                int row = k * batch + i;
                c[row] = gate[row] * dot(loopV, ratesNow, i * units);
                axpy(a * c[row], loopU, next, i * units);
            }
        }
        x.put(at + block, next, block);
        r.tanh(at + block, next, ratesNext, block);
        double[] swap = current;
        current = next;
        next = swap;
        swap = ratesNow;
        ratesNow = ratesNext;
        ratesNext = swap;
    }

    /**
     * Step k backward: block k of G (the error of X_{k+1}) holds dY_k W_out, the activity term and its products from
     * step k + 1 on entry; adds the loops' term, multiplies by the slope, adds the leak's, and sets h_k.
     */
    void backward(int k) {
        long at = (long) k * block;
        boolean last = k == steps - 1;
        g.get(at, current, block);
        r.get(at + block, ratesNext, block);
        if (!last && labels != null) {
            select(vRows, k + 1, loopV);
            for (int i = 0; i < batch; i++) {
                axpy(a * h[(k + 1) * batch + i], loopV, current, i * units);
            }
        }
        for (int e = 0; e < block; e++) {
            current[e] *= 1 - ratesNext[e] * ratesNext[e];
        }
        if (!last) {
            for (int e = 0; e < block; e++) {
                current[e] += (1 - a) * next[e];
            }
        }
        g.put(at, current, block);
        if (labels != null) {
            select(uRows, k, loopU);
            for (int i = 0; i < batch; i++) {
                int row = k * batch + i;
                h[row] = gate[row] * dot(current, loopU, i * units);
            }
        }
        double[] swap = next;
        next = current;
        current = swap;
    }

    /** The module's rates at step k gated by the preparation window: Q_k = p_k (R_k V_p), in place. */
    void windowModuleRates(int k) {
        window(moduleRates, k);
    }

    /** The module's errors at step k gated by the preparation window: E_k = p_k (G_{k+1} U_p), in place. */
    void windowModuleErrors(int k) {
        window(moduleErrors, k);
    }

    /** The gated loop activations of the last forward pass, c [T*B, 1], into {@code target}. */
    void loopActivations(INDArray target) {
        Block.over(target).put(0, c, c.length);
    }

    /** The gated loop errors of the last backward pass, h [T*B, 1], into {@code target}. */
    void loopErrors(INDArray target) {
        Block.over(target).put(0, h, h.length);
    }

    private void window(Block buffer, int k) {
        int width = moduleRows.length / batch;
        long at = (long) k * moduleRows.length;
        buffer.get(at, moduleRows, moduleRows.length);
        for (int i = 0; i < batch; i++) {
            double p = window[k * batch + i];
            for (int j = i * width; j < (i + 1) * width; j++) {
                moduleRows[j] *= p;
            }
        }
        buffer.put(at, moduleRows, moduleRows.length);
    }

    /** Each row's loop vector at step k, sum_mu M[row, mu] rows[mu] (one term for a one-hot label, none between motifs). */
    private void select(double[][] rows, int k, double[] into) {
        int motifs = rows.length;
        java.util.Arrays.fill(into, 0);
        for (int i = 0; i < batch; i++) {
            int label = (k * batch + i) * motifs;
            for (int mu = 0; mu < motifs; mu++) {
                if (labels[label + mu] != 0) {
                    axpy(labels[label + mu], rows[mu], 0, into, i * units);
                }
            }
        }
    }

    private double dot(double[] p, double[] q, int from) {
        double s = 0;
        for (int j = from; j < from + units; j++) {
            s += p[j] * q[j];
        }
        return s;
    }

    private void axpy(double alpha, double[] p, double[] target, int from) {
        axpy(alpha, p, from, target, from);
    }

    private void axpy(double alpha, double[] p, int fromP, double[] target, int from) {
        for (int j = 0; j < units; j++) {
            target[from + j] += alpha * p[fromP + j];
        }
    }

    private static double[] doubles(INDArray column) {
        return column.dup().data().asDouble();
    }

    /** Bulk reads and writes of a whole c-order float or double buffer's memory, in doubles. */
    private abstract static class Block {
        abstract void get(long offset, double[] into, int n);

        abstract void put(long offset, double[] from, int n);

        /** Writes tanh of {@code states} at {@code offset} and into {@code rates}: float tanh for floats, exact for doubles. */
        abstract void tanh(long offset, double[] states, double[] rates, int n);

        /** The next n standard-normal draws, rounded to this buffer's type as a draw into it would be. */
        abstract void draw(NoiseSource source, double[] into, int n);

        static Block over(INDArray array) {
            if (array.offset() != 0 || array.ordering() != 'c' || array.isView()) {
                throw new IllegalArgumentException("MotorSteps works on whole c-order buffers");
            }
            if (array.dataType() == DataType.FLOAT) {
                return new Floats(array.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer());
            }
            return new Doubles(array.data().asNio().order(ByteOrder.nativeOrder()).asDoubleBuffer());
        }
    }

    private static final class Floats extends Block {
        private final FloatBuffer memory;
        private float[] scratch = new float[0];

        Floats(FloatBuffer memory) {
            this.memory = memory;
        }

        private float[] scratch(int n) {
            if (scratch.length != n) {
                scratch = new float[n];
            }
            return scratch;
        }

        @Override
        void get(long offset, double[] into, int n) {
            float[] s = scratch(n);
            memory.get(Math.toIntExact(offset), s, 0, n);
            widen(s, into);
        }

        @Override
        void put(long offset, double[] from, int n) {
            float[] s = scratch(n);
            for (int e = 0; e < n; e++) {
                s[e] = (float) from[e];
            }
            memory.put(Math.toIntExact(offset), s, 0, n);
        }

        @Override
        void tanh(long offset, double[] states, double[] rates, int n) {
            float[] s = scratch(n);
            for (int e = 0; e < n; e++) {
                s[e] = (float) states[e];
            }
            for (int e = 0; e < n; e++) {                          // a loop of floats alone, which the JIT vectorises
                s[e] = FastTanh.tanh(s[e]);
            }
            widen(s, rates);
            memory.put(Math.toIntExact(offset), s, 0, n);
        }

        @Override
        void draw(NoiseSource source, double[] into, int n) {
            float[] s = scratch(n);
            source.fill(s);
            widen(s, into);
        }

        private static void widen(float[] from, double[] into) {
            for (int e = 0; e < from.length; e++) {
                into[e] = from[e];
            }
        }
    }

    private static final class Doubles extends Block {
        private final DoubleBuffer memory;

        Doubles(DoubleBuffer memory) {
            this.memory = memory;
        }

        @Override
        void get(long offset, double[] into, int n) {
            memory.get(Math.toIntExact(offset), into, 0, n);
        }

        @Override
        void put(long offset, double[] from, int n) {
            memory.put(Math.toIntExact(offset), from, 0, n);
        }

        @Override
        void tanh(long offset, double[] states, double[] rates, int n) {
            for (int e = 0; e < n; e++) {
                rates[e] = Math.tanh(states[e]);
            }
            put(offset, rates, n);
        }

        @Override
        void draw(NoiseSource source, double[] into, int n) {
            if (into.length != n) {
                throw new IllegalArgumentException("a draw fills a whole block");
            }
            source.fill(into);
        }
    }
}
