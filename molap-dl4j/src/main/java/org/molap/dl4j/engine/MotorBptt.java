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
 * Hand-derived backpropagation through time for seed 001's rate networks ({@link MotorRateCell}: additive, with motif
 * loops, with the preparatory module, two inputs), on time-major [T*B, N] buffers with one BLAS product per step and
 * direction, the rest of each step fused in Java ({@link MotorSteps}). With M the motif labels, p the preparation
 * window and q the loops' gate (1 - p with the module, else 1):
 * <pre>
 *   forward:  X_{k+1} = (1 - a) X_k + a (g R_k J' + P_k + L_k + D_k) + sigma Xi_k,   R_k = tanh(X_k)
 *             P_k = p_k (R_k V_p) U_p'                       (preparatory module)
 *             L_k = q_k c_k (M_k U'),  c_k = rowsum((M_k V') R_k)   (motif loops u_mu v_mu')
 *             D_k = M_k B', (p_k M_k) B', or (p_k M_k) B' + ((1 - p_k) M_k) B2'
 *             Y_k = R_{k+1} W_out' + b_out
 *   backward: G_{k+1} = (1 - R_{k+1}^2) (dY_k W_out + 2 lambda R_{k+1} / |R| + a [g G_{k+2} J + E_{k+1} V_p'
 *                        + h_{k+1} (M_{k+1} V')]) + (1 - a) G_{k+2},   E_k = p_k (G_{k+1} U_p),
 *                        h_k = q_k rowsum(G_{k+1} (M_k U'))
 *             dJ = a g sum_k G_{k+1}' R_k,  dU_p = a G' (p R V_p),  dV_p = a R' E,  dU = a (c q G)' M,  dV = a (h R)' M,
 *             dB = a G' (M or p M),  dB2 = a G' ((1 - p) M),  dW_out = dY' R,  db_out = sum dY
 * </pre>
 * The loss is the (optionally masked) mean squared error, seed 001's, plus lambda mean(R^2) over all steps; or that
 * activity term alone (the preparatory module's cost, section 1.6). Noise and the initial state are drawn per call
 * from this engine's seeded generator, as the graph draws them.
 */
final class MotorBptt implements org.molap.dl4j.model.NoisyModel, org.molap.dl4j.model.StateTrace {
    private final MotorRateCell.Config c;
    private final int outputs;
    private final int steps;
    private final DataType dtype;
    private final boolean masked;
    private final boolean dataTerm;
    private final double activity;
    private final NoiseSource noise;
    private final Map<String, INDArray> parameters = new LinkedHashMap<>();

    /** Starts from a copy of {@code start}, the cell graph's parameters. */
    MotorBptt(MotorRateCell.Config config, Map<String, INDArray> start, int outputs, int steps, DataType dtype,
              org.molap.dl4j.model.Loss loss, long seed) {
        this.c = config;
        this.outputs = outputs;
        this.steps = steps;
        this.dtype = dtype;
        this.masked = loss.usesMask();
        this.dataTerm = loss.kind() != org.molap.dl4j.model.Loss.Kind.NONE;
        this.activity = loss.activity();
        this.noise = new NoiseSource(seed);
        start.forEach((name, values) -> parameters.put(name, values.dup()));
    }

    @Override
    public Map<String, INDArray> parameters() {
        return parameters;
    }

    /** Step views [B, width] of a time-major buffer [rows, width]. */
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

    /**
     * Work buffers for one batch size, reused across calls (allocating and zeroing them, 50 MB each at the paper
     * size, took half the iteration): states X and rates R, [(T+1)*B, N] (block 0 is the initial state); the
     * inputs' drive a D and the errors G, [T*B, N] (block k: step k + 1); labels [T*B, M+1], split into the motif
     * labels M [T*B, M], the window p and the loops' gate q [T*B, 1]; with the module its products Q = p R V_p and E,
     * [T*B, P]; with loops the gated c and h [T*B, 1]; and the step views of X, R, G, Q and E.
     */
    private final class Buffers {
        final long batch;
        final INDArray x;
        final INDArray r;
        final INDArray drive;
        final INDArray g;
        final INDArray labels;
        final INDArray motifs;
        final INDArray window;
        final INDArray gate;
        final INDArray[] xs;
        final INDArray[] rs;
        final INDArray[] gs;
        final INDArray q;
        final INDArray e;
        final INDArray[] qs;
        final INDArray[] es;
        final INDArray cGated;
        final INDArray hGated;

        Buffers(long b) {
            int n = c.units();
            batch = b;
            x = Nd4j.create(dtype, (steps + 1) * b, n);
            r = Nd4j.create(dtype, (steps + 1) * b, n);
            drive = Nd4j.create(dtype, steps * b, n);
            g = Nd4j.create(dtype, steps * b, n);
            labels = Nd4j.create(dtype, steps * b, c.motifs() + 1);
            motifs = Nd4j.create(dtype, steps * b, c.motifs());
            window = Nd4j.create(dtype, steps * b, 1);
            gate = Nd4j.ones(dtype, steps * b, 1);                  // 1 - p with the module (set per call), else 1
            xs = views(x, b);
            rs = views(r, b);
            gs = views(g, b);
            int rank = c.prepRank();
            q = rank > 0 ? Nd4j.create(dtype, steps * b, rank) : null;
            e = rank > 0 ? Nd4j.create(dtype, steps * b, rank) : null;
            qs = rank > 0 ? views(q, b) : null;
            es = rank > 0 ? views(e, b) : null;
            boolean loops = c.motifLoops();
            cGated = loops ? Nd4j.create(dtype, steps * b, 1) : null;
            hGated = loops ? Nd4j.create(dtype, steps * b, 1) : null;
        }
    }

    private Buffers buffers;
    /** The last forward pass's per-step kernel, which the backward pass continues. */
    private MotorSteps kernel;

    /** The forward pass into the buffers; returns the outputs [T*B, O]. */
    private INDArray run(INDArray inputs) {
        long b = inputs.size(0);
        int n = c.units();
        double a = c.alpha();
        if (buffers == null || buffers.batch != b) {
            buffers = null;                                        // let the old ones go before the new ones are made
            buffers = new Buffers(b);
        }
        Buffers w = buffers;
        TimeMajor.into(inputs, w.labels);
        w.motifs.assign(w.labels.get(NDArrayIndex.all(), NDArrayIndex.interval(0, c.motifs())));
        w.window.assign(w.labels.get(NDArrayIndex.all(), NDArrayIndex.interval(c.motifs(), c.motifs() + 1)));
        if (c.prepRank() > 0) {
            w.gate.assign(w.window).rsubi(1);
        }
        w.xs[0].assign(0);
        if (c.initialStd() > 0) {
            noise.fill(w.xs[0]).muli(c.initialStd());
        }
        // a D_k for all steps: the inputs' drive, added after each step's product with the noise (MotorSteps)
        Gemm.into(inputLabels(w), false, array(MotorRateCell.B), true, w.drive, a, 0);
        if (c.inputs() == MotorRateCell.Inputs.TWO_INPUTS) {
            Gemm.into(afterPreparation(w), false, array(MotorRateCell.B2), true, w.drive, a, 1);
        }
        FastTanh.inPlace(w.rs[0].assign(w.xs[0]), new float[(int) (b * n)]);
        kernel = new MotorSteps((int) b, n, steps, a, w.x, w.r, w.drive, w.g).withNoise(noise, c.noise());
        if (c.motifLoops()) {
            kernel.withLoops(w.motifs, array(MotorRateCell.U), array(MotorRateCell.V), w.gate);
        }
        if (c.prepRank() > 0) {
            kernel.withModule(w.q, w.e, w.window);
        }
        INDArray j = array(MotorRateCell.J);
        INDArray uPrep = c.prepRank() > 0 ? array(MotorRateCell.U_PREP) : null;
        INDArray vPrep = c.prepRank() > 0 ? array(MotorRateCell.V_PREP) : null;
        for (int k = 0; k < steps; k++) {
            INDArray next = w.xs[k + 1];
            Gemm.into(w.rs[k], false, j, true, next, a * c.gain(), 0);
            if (uPrep != null) {
                Gemm.into(w.rs[k], false, vPrep, false, w.qs[k], 1, 0);
                kernel.windowModuleRates(k);
                Gemm.into(w.qs[k], false, uPrep, true, next, a, 1);
            }
            kernel.forward(k);
        }
        if (c.motifLoops()) {
            kernel.loopActivations(w.cGated);
        }
        return Gemm.product(rows(w.r, 1, steps + 1, b), false, array(Unroller.W_OUT), true).addiRowVector(array(Unroller.B_OUT));
    }

    /** The labels B acts through: M, or p M when the input is on during preparation only (or is b1 of two inputs). */
    private INDArray inputLabels(Buffers w) {
        return c.inputs() == MotorRateCell.Inputs.ALWAYS ? w.motifs : w.motifs.mulColumnVector(w.window);
    }

    /** The labels B2 of the two-inputs architecture acts through: (1 - p) M. */
    private static INDArray afterPreparation(Buffers w) {
        return w.motifs.mulColumnVector(w.window.rsub(1));
    }

    @Override
    public LossAndGradients lossAndGradients(INDArray inputs, INDArray targets, INDArray mask, Collection<String> variables) {
        INDArray y = run(inputs);
        Buffers w = buffers;
        long b = w.batch;
        double a = c.alpha();
        INDArray rates = rows(w.r, 1, steps + 1, b);                                  // R_1..R_T, the observed rates
        double data = 0;
        INDArray dY = null;
        if (dataTerm) {
            MaskedMse loss = MaskedMse.of(y, targets, mask, masked, dtype);
            data = loss.mse();
            dY = loss.dY();
            Gemm.into(dY, false, array(Unroller.W_OUT), false, w.g, 1, 0);          // dY_k W_out, then G in place
        } else {
            w.g.assign(0);
        }
        double total = data;
        if (activity > 0) {
            double norm = rates.norm2Number().doubleValue();
            total += activity * norm * norm / rates.length();
            Gemm.axpy(2 * activity / rates.length(), rates, w.g);
        }
        INDArray j = array(MotorRateCell.J);
        INDArray dJ = variables.contains(MotorRateCell.J) ? Nd4j.zeros(dtype, j.shape()) : null;
        INDArray uPrep = c.prepRank() > 0 ? array(MotorRateCell.U_PREP) : null;
        INDArray vPrep = c.prepRank() > 0 ? array(MotorRateCell.V_PREP) : null;
        INDArray[] gs = w.gs;
        for (int k = steps - 1; k >= 0; k--) {
            if (k < steps - 1) {
                Gemm.into(gs[k + 1], false, j, false, gs[k], a * c.gain(), 1);
                if (vPrep != null) {
                    Gemm.into(w.es[k + 1], false, vPrep, true, gs[k], a, 1);
                }
            }
            kernel.backward(k);
            if (uPrep != null) {
                Gemm.into(gs[k], false, uPrep, false, w.es[k], 1, 0);
                kernel.windowModuleErrors(k);
            }
            if (dJ != null) {
                Gemm.into(gs[k], true, w.rs[k], false, dJ, a * c.gain(), 1);
            }
        }
        if (c.motifLoops()) {
            kernel.loopErrors(w.hGated);
        }
        INDArray before = rows(w.r, 0, steps, b);                                      // R_0..R_{T-1}, what each step reads
        Map<String, INDArray> grads = new LinkedHashMap<>();
        if (dJ != null) {
            grads.put(MotorRateCell.J, dJ);
        }
        if (variables.contains(MotorRateCell.B)) {
            grads.put(MotorRateCell.B, Gemm.product(w.g, true, inputLabels(w), false).muli(a));
        }
        if (variables.contains(MotorRateCell.B2)) {
            grads.put(MotorRateCell.B2, Gemm.product(w.g, true, afterPreparation(w), false).muli(a));
        }
        if (variables.contains(MotorRateCell.U_PREP)) {
            grads.put(MotorRateCell.U_PREP, Gemm.product(w.g, true, w.q, false).muli(a));
        }
        if (variables.contains(MotorRateCell.V_PREP)) {
            grads.put(MotorRateCell.V_PREP, Gemm.product(before, true, w.e, false).muli(a));
        }
        if (variables.contains(MotorRateCell.U)) {
            grads.put(MotorRateCell.U, Gemm.product(w.g, true, w.motifs.mulColumnVector(w.cGated), false).muli(a));
        }
        if (variables.contains(MotorRateCell.V)) {
            grads.put(MotorRateCell.V, Gemm.product(before, true, w.motifs.mulColumnVector(w.hGated), false).muli(a));
        }
        if (variables.contains(Unroller.W_OUT)) {
            grads.put(Unroller.W_OUT, dY == null ? Nd4j.zeros(dtype, outputs, c.units()) : Gemm.product(dY, true, rates, false));
        }
        if (variables.contains(Unroller.B_OUT)) {
            grads.put(Unroller.B_OUT, dY == null ? Nd4j.zeros(dtype, 1, outputs) : dY.sum(true, 0));
        }
        return new LossAndGradients(total, data, grads);
    }

    /** Outputs [B, O, T]. */
    @Override
    public INDArray forward(INDArray inputs) {
        return run(inputs).reshape(steps, inputs.size(0), outputs).permute(1, 2, 0).dup('c');
    }

    @Override
    public INDArray state(int step) {
        if (buffers == null || step < 0 || step > steps) {
            throw new IllegalArgumentException("No state " + step + ": run a forward pass of " + steps + " steps first.");
        }
        return rows(buffers.x, step, step + 1, buffers.batch).dup();
    }

    @Override
    public org.molap.dl4j.model.NoiseSource noise() {
        return noise;
    }
}
