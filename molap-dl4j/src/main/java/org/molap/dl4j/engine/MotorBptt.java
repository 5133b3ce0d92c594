package org.molap.dl4j.engine;

import org.molap.dl4j.model.NoiseSource;
import org.molap.dl4j.model.LossMask;
import org.molap.dl4j.model.TrainableModel;
import org.molap.dl4j.model.Unroller;
import org.molap.dl4j.model.cells.MotorRateCell;
import org.molap.dl4j.rnn.Gemm;
import org.molap.dl4j.rnn.TimeMajor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

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
final class MotorBptt implements TrainableModel {
    private final MotorRateCell.Config c;
    private final int outputs;
    private final int steps;
    private final DataType dtype;
    private final boolean masked;
    private final NoiseSource noise;
    private final Map<String, INDArray> parameters = new LinkedHashMap<>();

    MotorBptt(MotorRateCell.Config config, int outputs, int steps, DataType dtype, boolean masked, long seed) {
        this.c = config;
        this.outputs = outputs;
        this.steps = steps;
        this.dtype = dtype;
        this.masked = masked;
        this.noise = new NoiseSource(seed);
        int n = config.units();
        parameters.put(MotorRateCell.J, Nd4j.zeros(dtype, n, n));
        parameters.put(MotorRateCell.B, Nd4j.zeros(dtype, n, config.motifs()));
        parameters.put(Unroller.W_OUT, Nd4j.zeros(dtype, outputs, n));
        parameters.put(Unroller.B_OUT, Nd4j.zeros(dtype, 1, outputs));
    }

    @Override
    public Map<String, INDArray> parameters() {
        return parameters;
    }

    /** States X and rates R, [(T+1)*B, N] (step 0 is the initial state), labels [T*B, M+1], outputs [T*B, O]. */
    private record Pass(long batch, INDArray x, INDArray r, INDArray labels, INDArray y) {
    }

    /** The [B, N] view of every step of a time-major buffer. */
    private static INDArray[] steps(INDArray buffer, long batch) {
        INDArray[] views = new INDArray[(int) (buffer.size(0) / batch)];
        for (int k = 0; k < views.length; k++) {
            views[k] = buffer.get(NDArrayIndex.interval(k * batch, (k + 1) * batch), NDArrayIndex.all());
        }
        return views;
    }

    private INDArray rows(INDArray buffer, long from, long to, long batch) {
        return buffer.get(NDArrayIndex.interval(from * batch, to * batch), NDArrayIndex.all());
    }

    private Pass run(INDArray inputs) {
        long b = inputs.size(0);
        int n = c.units();
        double a = c.alpha();
        INDArray labels = TimeMajor.into(inputs, Nd4j.create(dtype, steps * b, c.motifs() + 1));
        INDArray x = Nd4j.create(dtype, (steps + 1) * b, n);
        if (c.initialStd() > 0) {
            rows(x, 0, 1, b).assign(noise.standardNormal(dtype, b, n).muli(c.initialStd()));
        }
        // a D_k + sigma Xi_k for all steps: the state-free part of every step, added after its product.
        INDArray free = Gemm.product(labels.get(NDArrayIndex.all(), NDArrayIndex.interval(0, c.motifs())), false,
                array(MotorRateCell.B), true).muli(a);
        if (c.noise() > 0) {
            Gemm.axpy(c.noise(), noise.standardNormal(dtype, steps * b, n), free);
        }
        INDArray r = Nd4j.create(dtype, x.shape());
        Transforms.tanh(rows(r, 0, 1, b).assign(rows(x, 0, 1, b)), false);
        INDArray j = array(MotorRateCell.J);
        INDArray[] xs = steps(x, b);
        INDArray[] rs = steps(r, b);
        INDArray[] frees = steps(free, b);
        for (int k = 0; k < steps; k++) {
            Gemm.into(rs[k], false, j, true, xs[k + 1], a * c.gain(), 0);
            Gemm.axpy(1 - a, xs[k], xs[k + 1]);
            Gemm.axpy(1, frees[k], xs[k + 1]);
            Transforms.tanh(rs[k + 1].assign(xs[k + 1]), false);
        }
        INDArray y = Gemm.product(rows(r, 1, steps + 1, b), false, array(Unroller.W_OUT), true).addiRowVector(array(Unroller.B_OUT));
        return new Pass(b, x, r, labels, y);
    }

    @Override
    public LossAndGradients lossAndGradients(INDArray inputs, INDArray targets, INDArray mask, Collection<String> variables) {
        Pass p = run(inputs);
        long b = p.batch();
        double a = c.alpha();
        INDArray m = lossMask(mask, targets, b);
        INDArray diff = TimeMajor.into(targets, Nd4j.create(dtype, steps * b, outputs)).rsubi(p.y()).muli(m);
        double kept = m.sumNumber().doubleValue();
        double mse = diff.norm2Number().doubleValue() * diff.norm2Number().doubleValue() / kept;
        INDArray dY = diff.muli(2 / kept);

        // G over steps 1..T in rows of [T*B, N]: row block k holds G_{k+1}.
        INDArray g = Gemm.product(dY, false, array(Unroller.W_OUT), false);          // dY_k W_out, then G in place
        INDArray slope = p.r().mul(p.r()).rsubi(1);                                  // 1 - R^2
        INDArray j = array(MotorRateCell.J);
        INDArray dJ = variables.contains(MotorRateCell.J) ? Nd4j.zeros(dtype, j.shape()) : null;
        INDArray[] gs = steps(g, b);
        INDArray[] rs = steps(p.r(), b);
        INDArray[] slopes = steps(slope, b);
        for (int k = steps - 1; k >= 0; k--) {
            if (k < steps - 1) {
                Gemm.into(gs[k + 1], false, j, false, gs[k], a * c.gain(), 1);
                gs[k].muli(slopes[k + 1]);
                Gemm.axpy(1 - a, gs[k + 1], gs[k]);
            } else {
                gs[k].muli(slopes[k + 1]);
            }
            if (dJ != null) {
                Gemm.into(gs[k], true, rs[k], false, dJ, a * c.gain(), 1);
            }
        }
        Map<String, INDArray> grads = new LinkedHashMap<>();
        if (dJ != null) {
            grads.put(MotorRateCell.J, dJ);
        }
        if (variables.contains(MotorRateCell.B)) {
            INDArray all = Gemm.product(g, true, p.labels(), false).muli(a);             // [N, M + 1]
            grads.put(MotorRateCell.B, all.get(NDArrayIndex.all(), NDArrayIndex.interval(0, c.motifs())).dup());
        }
        if (variables.contains(Unroller.W_OUT)) {
            grads.put(Unroller.W_OUT, Gemm.product(dY, true, rows(p.r(), 1, steps + 1, b), false));
        }
        if (variables.contains(Unroller.B_OUT)) {
            grads.put(Unroller.B_OUT, dY.sum(true, 0));
        }
        return new LossAndGradients(mse, mse, grads);
    }

    /** The loss mask as time-major rows [T*B, O]: every entry, or the batch's [B, T] / [B, O, T] mask. */
    private INDArray lossMask(INDArray mask, INDArray targets, long b) {
        if (mask != null && !masked) {
            throw new IllegalArgumentException("The batch has a loss mask but the model's loss averages over every entry; "
                    + "build it with Loss...masked().");
        }
        return TimeMajor.into(LossMask.full(mask, targets, dtype), Nd4j.create(dtype, steps * b, outputs));
    }

    /** Outputs [B, O, T]. */
    INDArray forward(INDArray inputs) {
        Pass p = run(inputs);
        return p.y().reshape(steps, p.batch(), outputs).permute(1, 2, 0).dup('c');
    }
}
