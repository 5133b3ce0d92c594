package org.molap.dl4j.engine;

import org.molap.dl4j.model.Loss;
import org.molap.dl4j.model.TrainableModel;
import org.molap.dl4j.model.Unroller;
import org.molap.dl4j.model.cells.EncodedReluCell;
import org.molap.dl4j.rnn.Gemm;
import org.molap.dl4j.rnn.TimeMajor;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-derived backpropagation through time for seed 002's network ({@link EncodedReluCell}): the encoder and the
 * products over all steps in ND4J, time-major; the recurrence as Java loops over time-major rows ({@link Rows}; at batch 16 a row per unit would be
 * too short to vectorise well):
 * <pre>
 *   encoder (all steps):  A_1 = S W1' + b1, H_l = relu(A_l), ..., E = H W_L' + b_L;   U = [fix | E]
 *   forward:   P_t = U_t W_in' + b_in + b_rec + r_{t-1} W_rec',  r_t = relu(P_t)  (r_{-1} = 0);  Z = R W_out' + b_out
 *   output:    Z, or tanh(Z) (seed 002's readout); the loss is their (optionally masked) mean squared error, or the
 *              binary cross-entropy of the logits Z (the authors' later sigmoid version)
 *   backward:  dA_t = 1[P_t > 0] (dR_t + dA_{t+1} W_rec);  dW_rec = sum dA_t' r_{t-1};  dW_in = dA' U;  db_in = db_rec = sum dA
 *              and, when asked, back through the encoder (it is frozen in seed 002).
 * </pre>
 */
final class EncodedReluBptt implements TrainableModel {
    private final EncodedReluCell cell;
    private final int outputs;
    private final int steps;
    private final DataType dtype;
    private final boolean masked;
    private final Loss.Kind kind;
    private final Map<String, INDArray> parameters = new LinkedHashMap<>();

    EncodedReluBptt(EncodedReluCell cell, Map<String, INDArray> start, int outputs, int steps, DataType dtype,
                    boolean masked, Loss.Kind kind) {
        this.cell = cell;
        this.outputs = outputs;
        this.steps = steps;
        this.dtype = dtype;
        this.masked = masked;
        this.kind = kind;
        start.forEach((name, values) -> parameters.put(name, values.dup()));      // the cell graph's parameters
    }

    @Override
    public Map<String, INDArray> parameters() {
        return parameters;
    }

    /**
     * Encoder pre-activations and activations per layer and U, time-major; rates as time-major rows ({@link Rows}),
     * [(T+1)*B] of N (block 0: r_{-1} = 0); outputs.
     */
    private record Pass(INDArray stimuli, List<INDArray> pre, List<INDArray> act, INDArray u, double[][] r, INDArray out) {
    }

    private Pass run(INDArray sequences) {
        long b = sequences.size(0);
        int n = cell.units();
        INDArray x = TimeMajor.into(sequences, Nd4j.create(dtype, steps * b, 1 + cell.stimuli()));
        INDArray stimuli = x.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 1 + cell.stimuli())).dup();
        List<INDArray> pre = new ArrayList<>();
        List<INDArray> act = new ArrayList<>();
        INDArray h = stimuli;
        int layers = cell.encoderWidths().length;
        for (int l = 1; l <= layers; l++) {
            INDArray a = Gemm.product(h, false, array("W" + l), true).addiRowVector(array("b" + l));
            pre.add(a);
            h = l < layers ? Transforms.relu(a, true) : a;
            act.add(h);
        }
        INDArray u = Nd4j.concat(1, x.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 1)), h);
        INDArray p = Gemm.product(u, false, array(EncodedReluCell.W_IN), true)
                .addiRowVector(array(EncodedReluCell.B_IN)).addiRowVector(array(EncodedReluCell.B_REC));
        int batch = (int) b;
        double[][] r = new double[(steps + 1) * batch][];
        System.arraycopy(Rows.of(p), 0, r, batch, steps * batch);
        for (int i = 0; i < batch; i++) {
            r[i] = new double[n];
        }
        double[][] wRecT = Rows.of(array(EncodedReluCell.W_REC).transpose());
        for (int t = 0; t < steps; t++) {
            Rows.multiply(r, t * batch, batch, wRecT, 0, r, (t + 1) * batch);     // + r_{t-1} W_rec'
            for (int i = 0; i < batch; i++) {
                double[] row = r[(t + 1) * batch + i];
                for (int k = 0; k < n; k++) {
                    row[k] = Math.max(row[k], 0);
                }
            }
        }
        INDArray z = Gemm.product(Rows.array(r, batch, steps * batch, dtype), false, array(Unroller.W_OUT), true)
                .addiRowVector(array(Unroller.B_OUT));
        return new Pass(stimuli, pre, act, u, r, kind == Loss.Kind.TANH_MSE ? Transforms.tanh(z, false) : z);
    }

    @Override
    public LossAndGradients lossAndGradients(INDArray sequences, INDArray targets, INDArray mask, Collection<String> variables) {
        Pass p = run(sequences);
        int b = (int) sequences.size(0);
        int n = cell.units();
        double data;
        INDArray dZ;
        if (kind == Loss.Kind.BCE) {
            MaskedBce bce = MaskedBce.of(p.out(), targets, mask, masked, dtype);
            data = bce.bce();
            dZ = bce.dZ();
        } else {
            MaskedMse mse = MaskedMse.of(p.out(), targets, mask, masked, dtype);
            data = mse.mse();
            dZ = kind == Loss.Kind.TANH_MSE ? mse.dY().muli(p.out().mul(p.out()).rsubi(1)) : mse.dY();
        }
        double[][] dRows = Rows.of(Gemm.product(dZ, false, array(Unroller.W_OUT), false));    // dR, then dA
        double[][] wRec = Rows.of(array(EncodedReluCell.W_REC));
        for (int t = steps - 1; t >= 0; t--) {
            if (t < steps - 1) {
                Rows.multiply(dRows, (t + 1) * b, b, wRec, 0, dRows, t * b);        // + dA_{t+1} W_rec
            }
            for (int i = 0; i < b; i++) {
                double[] d = dRows[t * b + i];
                double[] rate = p.r()[(t + 1) * b + i];          // r > 0 exactly where the pre-activation is
                for (int k = 0; k < n; k++) {
                    d[k] = rate[k] > 0 ? d[k] : 0;
                }
            }
        }
        INDArray dA = Rows.array(dRows, dtype);
        INDArray dWRec = Gemm.product(dA, true, Rows.array(p.r(), 0, steps * b, dtype), false);
        INDArray states = Rows.array(p.r(), b, steps * b, dtype);
        Map<String, INDArray> grads = new LinkedHashMap<>();
        INDArray biases = dA.sum(true, 0);
        grads.put(EncodedReluCell.W_IN, Gemm.product(dA, true, p.u(), false));
        grads.put(EncodedReluCell.B_IN, biases);
        grads.put(EncodedReluCell.W_REC, dWRec);
        grads.put(EncodedReluCell.B_REC, biases.dup());
        grads.put(Unroller.W_OUT, Gemm.product(dZ, true, states, false));
        grads.put(Unroller.B_OUT, dZ.sum(true, 0));
        int layers = cell.encoderWidths().length;
        boolean encoder = variables.stream().anyMatch(v -> v.matches("[Wb]\\d+"));
        if (encoder) {
            INDArray dU = Gemm.product(dA, false, array(EncodedReluCell.W_IN), false);
            INDArray d = dU.get(NDArrayIndex.all(), NDArrayIndex.interval(1, dU.size(1))).dup();     // dE
            for (int l = layers; l >= 1; l--) {
                if (l < layers) {
                    d.muli(p.pre().get(l - 1).gt(0).castTo(dtype));
                }
                INDArray input = l == 1 ? p.stimuli() : p.act().get(l - 2);
                grads.put("W" + l, Gemm.product(d, true, input, false));
                grads.put("b" + l, d.sum(true, 0));
                d = Gemm.product(d, false, array("W" + l), false);
            }
        }
        grads.keySet().retainAll(variables);
        return new LossAndGradients(data, data, grads);
    }
}
