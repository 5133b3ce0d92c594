package org.molap.dl4j.engine;

import org.molap.dl4j.model.NoiseSource;
import org.molap.dl4j.model.TrainableModel;
import org.molap.dl4j.model.Unroller;
import org.molap.dl4j.model.cells.MotorRateCell;
import org.molap.dl4j.rnn.FastTanh;
import org.molap.dl4j.rnn.Gemm;
import org.molap.dl4j.rnn.TimeMajor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hand-derived backpropagation through time for seed 001's additive rate network ({@link MotorRateCell} without
 * motif loops or preparatory module), on time-major [T*B, N] buffers with one BLAS product per step and direction:
 * <pre>
 *   forward:  X_{k+1} = (1 - a) X_k + a g R_k J' + a D_k + sigma Xi_k,   R_k = tanh(X_k),   D = M B' (M: motif labels)
 *             Y_k = R_{k+1} W_out' + b_out
 *   backward: G_{k+1} = (1 - R_{k+1}^2) (dY_k W_out + a g G_{k+2} J) + (1 - a) G_{k+2}       (G_{T+1} = 0)
 *             dJ = a g sum_k G_{k+1}' R_k,   dB = a sum_k G_{k+1}' M_k,   dW_out = dY' R,   db_out = sum dY
 * </pre>
 * The loss is the (optionally masked) mean squared error, seed 001's. Noise and the initial state are drawn per call
 * from this engine's seeded generator, as the graph draws them. Elementwise work runs as ND4J ops on whole steps.
 */
final class MotorBptt implements org.molap.dl4j.model.NoisyModel {
    private final MotorRateCell.Config c;
    private final int outputs;
    private final int steps;
    private final DataType dtype;
    private final boolean masked;
    private final NoiseSource noise;
    private final Map<String, INDArray> parameters = new LinkedHashMap<>();

    /** Starts from a copy of {@code start}, the cell graph's parameters. */
    MotorBptt(MotorRateCell.Config config, Map<String, INDArray> start, int outputs, int steps, DataType dtype,
              boolean masked, long seed) {
        this.c = config;
        this.outputs = outputs;
        this.steps = steps;
        this.dtype = dtype;
        this.masked = masked;
        this.noise = new NoiseSource(seed);
        start.forEach((name, values) -> parameters.put(name, values.dup()));
    }

    @Override
    public Map<String, INDArray> parameters() {
        return parameters;
    }

    /**
     * Work buffers for one batch size, reused across calls (allocating and zeroing them, 50 MB each at the paper
     * size, took half the iteration): states X and rates R, [(T+1)*B, N] (block 0 is the initial state); the
     * state-free drive and noise, the rates' slopes 1 - R^2 and the errors G, [T*B, N] (block k: step k + 1);
     * labels [T*B, M+1]; and every buffer's [B, N] step views.
     */
    private record Buffers(long batch, INDArray x, INDArray r, INDArray free, INDArray noise, INDArray slope, INDArray g,
                           INDArray labels, INDArray[] xs, INDArray[] rs, INDArray[] frees, INDArray[] slopes, INDArray[] gs) {
        static Buffers of(long b, int steps, int n, int channels, DataType dtype) {
            INDArray x = Nd4j.create(dtype, (steps + 1) * b, n);
            INDArray r = Nd4j.create(dtype, (steps + 1) * b, n);
            INDArray free = Nd4j.create(dtype, steps * b, n);
            INDArray slope = Nd4j.create(dtype, (steps + 1) * b, n);
            INDArray g = Nd4j.create(dtype, steps * b, n);
            return new Buffers(b, x, r, free, Nd4j.create(dtype, steps * b, n), slope, g, Nd4j.create(dtype, steps * b, channels),
                    views(x, b), views(r, b), views(free, b), views(slope, b), views(g, b));
        }
    }

    private Buffers buffers;

    /** The [B, N] view of every step of a time-major buffer. */
    private static INDArray[] views(INDArray buffer, long batch) {
        INDArray[] views = new INDArray[(int) (buffer.size(0) / batch)];
        for (int k = 0; k < views.length; k++) {
            views[k] = buffer.get(NDArrayIndex.interval(k * batch, (k + 1) * batch), NDArrayIndex.all());
        }
        return views;
    }

    private static INDArray rows(INDArray buffer, long from, long to, long batch) {
        return buffer.get(NDArrayIndex.interval(from * batch, to * batch), NDArrayIndex.all());
    }

    /** The forward pass into the buffers; returns the outputs [T*B, O]. */
    private INDArray run(INDArray inputs) {
        long b = inputs.size(0);
        int n = c.units();
        double a = c.alpha();
        if (buffers == null || buffers.batch() != b) {
            buffers = null;                                        // let the old ones go before the new ones are made
            buffers = Buffers.of(b, steps, n, c.motifs() + 1, dtype);
        }
        Buffers w = buffers;
        TimeMajor.into(inputs, w.labels());
        w.xs()[0].assign(0);
        if (c.initialStd() > 0) {
            noise.fill(w.xs()[0]).muli(c.initialStd());
        }
        // a D_k + sigma Xi_k for all steps (D = M B', the window channel multiplied by a zero column): the state-free
        // part of every step, added after its product.
        INDArray padded = Nd4j.concat(1, array(MotorRateCell.B), Nd4j.zeros(dtype, n, 1));
        Gemm.into(w.labels(), false, padded, true, w.free(), a, 0);
        if (c.noise() > 0) {
            Gemm.axpy(c.noise(), noise.fill(w.noise()), w.free());
        }
        float[] scratch = new float[(int) (b * n)];
        FastTanh.inPlace(w.rs()[0].assign(w.xs()[0]), scratch);
        INDArray j = array(MotorRateCell.J);
        for (int k = 0; k < steps; k++) {
            Gemm.into(w.rs()[k], false, j, true, w.xs()[k + 1], a * c.gain(), 0);
            Gemm.axpy(1 - a, w.xs()[k], w.xs()[k + 1]);
            Gemm.axpy(1, w.frees()[k], w.xs()[k + 1]);
            FastTanh.inPlace(w.rs()[k + 1].assign(w.xs()[k + 1]), scratch);
        }
        return Gemm.product(rows(w.r(), 1, steps + 1, b), false, array(Unroller.W_OUT), true).addiRowVector(array(Unroller.B_OUT));
    }

    @Override
    public LossAndGradients lossAndGradients(INDArray inputs, INDArray targets, INDArray mask, Collection<String> variables) {
        INDArray y = run(inputs);
        Buffers w = buffers;
        long b = w.batch();
        double a = c.alpha();
        MaskedMse loss = MaskedMse.of(y, targets, mask, masked, dtype);
        INDArray dY = loss.dY();

        Gemm.into(dY, false, array(Unroller.W_OUT), false, w.g(), 1, 0);           // dY_k W_out, then G in place
        w.slope().assign(w.r()).muli(w.r()).rsubi(1);                                // 1 - R^2
        INDArray j = array(MotorRateCell.J);
        INDArray dJ = variables.contains(MotorRateCell.J) ? Nd4j.zeros(dtype, j.shape()) : null;
        INDArray[] gs = w.gs();
        for (int k = steps - 1; k >= 0; k--) {
            if (k < steps - 1) {
                Gemm.into(gs[k + 1], false, j, false, gs[k], a * c.gain(), 1);
                gs[k].muli(w.slopes()[k + 1]);
                Gemm.axpy(1 - a, gs[k + 1], gs[k]);
            } else {
                gs[k].muli(w.slopes()[k + 1]);
            }
            if (dJ != null) {
                Gemm.into(gs[k], true, w.rs()[k], false, dJ, a * c.gain(), 1);
            }
        }
        Map<String, INDArray> grads = new LinkedHashMap<>();
        if (dJ != null) {
            grads.put(MotorRateCell.J, dJ);
        }
        if (variables.contains(MotorRateCell.B)) {
            INDArray all = Gemm.product(w.g(), true, w.labels(), false).muli(a);          // [N, M + 1]
            grads.put(MotorRateCell.B, all.get(NDArrayIndex.all(), NDArrayIndex.interval(0, c.motifs())).dup());
        }
        if (variables.contains(Unroller.W_OUT)) {
            grads.put(Unroller.W_OUT, Gemm.product(dY, true, rows(w.r(), 1, steps + 1, b), false));
        }
        if (variables.contains(Unroller.B_OUT)) {
            grads.put(Unroller.B_OUT, dY.sum(true, 0));
        }
        return new LossAndGradients(loss.mse(), loss.mse(), grads);
    }

    /** Outputs [B, O, T]. */
    INDArray forward(INDArray inputs) {
        return run(inputs).reshape(steps, inputs.size(0), outputs).permute(1, 2, 0).dup('c');
    }

    @Override
    public org.molap.dl4j.model.NoiseSource noise() {
        return noise;
    }
}
