package org.molap.dl4j.engine;

import org.molap.dl4j.model.TrainableModel;
import org.molap.dl4j.model.Unroller;
import org.molap.dl4j.model.cells.LstmCell;
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
 * Hand-derived backpropagation through time for {@link LstmCell} (seed 003's LSTM), time-major, whole steps as ND4J
 * ops and one BLAS product per step and direction:
 * <pre>
 *   forward:  P_t = X_t W_u' + b + h_{t-1} W_h';  [i f o g] = [s(P_i) s(P_f) s(P_o) tanh(P_g)]
 *             c_t = f c_{t-1} + i g;  h_t = o tanh(c_t);  Y_t = h_t W_out' + b_out          (h_0 = c_0 = 0.1)
 *   backward: dh_t = dY_t W_out + dP_{t+1} W_h;  dc_t = dh_t o (1 - tanh^2 c_t) + dc_{t+1} f_{t+1}
 *             dP_t = [dc g i(1-i), dc c_{t-1} f(1-f), dh tanh(c_t) o(1-o), dc i (1-g^2)]
 *             dW_h = sum dP_t' h_{t-1};  dW_u = dP' X;  db = sum dP
 * </pre>
 * Loss: the (optionally masked) mean squared error.
 */
final class LstmBptt implements TrainableModel {
    private final int units;
    private final int inputs;
    private final int outputs;
    private final int steps;
    private final DataType dtype;
    private final boolean masked;
    private final Map<String, INDArray> parameters = new LinkedHashMap<>();

    /** Starts from a copy of {@code start}, the cell graph's parameters. */
    LstmBptt(int units, int inputs, Map<String, INDArray> start, int outputs, int steps, DataType dtype, boolean masked) {
        this.units = units;
        this.inputs = inputs;
        this.outputs = outputs;
        this.steps = steps;
        this.dtype = dtype;
        this.masked = masked;
        start.forEach((name, values) -> parameters.put(name, values.dup()));
    }

    @Override
    public Map<String, INDArray> parameters() {
        return parameters;
    }

    /** Gates [i f o g] per step [T*B, 4N]; cells, their tanh and states [(T+1)*B, N] (block 0: the start). */
    private record Pass(long batch, INDArray x, INDArray gates, INDArray c, INDArray tanhC, INDArray h, INDArray y) {
    }

    private static INDArray block(INDArray rows, long k, long batch) {
        return rows.get(NDArrayIndex.interval(k * batch, (k + 1) * batch), NDArrayIndex.all());
    }

    private INDArray gate(INDArray gates, int which) {
        return gates.get(NDArrayIndex.all(), NDArrayIndex.interval((long) which * units, (long) (which + 1) * units));
    }

    private Pass run(INDArray sequences) {
        long b = sequences.size(0);
        INDArray x = TimeMajor.into(sequences, Nd4j.create(dtype, steps * b, inputs));
        INDArray gates = Gemm.product(x, false, array(LstmCell.W_U), true).addiRowVector(array(LstmCell.BIAS));
        INDArray c = Nd4j.create(dtype, (steps + 1) * b, units);
        INDArray h = Nd4j.create(dtype, (steps + 1) * b, units);
        INDArray tanhC = Nd4j.create(dtype, (steps + 1) * b, units);
        block(c, 0, b).assign(0.1);
        block(h, 0, b).assign(0.1);
        INDArray wh = array(LstmCell.W_H);
        for (int t = 0; t < steps; t++) {
            INDArray p = block(gates, t, b);
            Gemm.into(block(h, t, b), false, wh, true, p, 1, 1);
            Transforms.sigmoid(p.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3L * units)), false);
            Transforms.tanh(gate(p, 3), false);
            INDArray ct = block(c, t + 1, b).assign(gate(p, 1).mul(block(c, t, b))).addi(gate(p, 0).mul(gate(p, 3)));
            INDArray tc = Transforms.tanh(block(tanhC, t + 1, b).assign(ct), false);
            block(h, t + 1, b).assign(gate(p, 2).mul(tc));
        }
        INDArray states = h.get(NDArrayIndex.interval(b, (steps + 1) * b), NDArrayIndex.all());
        INDArray y = Gemm.product(states, false, array(Unroller.W_OUT), true).addiRowVector(array(Unroller.B_OUT));
        return new Pass(b, x, gates, c, tanhC, h, y);
    }

    @Override
    public LossAndGradients lossAndGradients(INDArray sequences, INDArray targets, INDArray mask, Collection<String> variables) {
        Pass p = run(sequences);
        long b = p.batch();
        MaskedMse loss = MaskedMse.of(p.y(), targets, mask, masked, dtype);
        INDArray dY = loss.dY();

        INDArray dh = Gemm.product(dY, false, array(Unroller.W_OUT), false);          // [T*B, N], then + dP_{t+1} W_h
        INDArray dP = Nd4j.create(dtype, steps * b, 4L * units);
        INDArray wh = array(LstmCell.W_H);
        INDArray dWh = Nd4j.zeros(dtype, wh.shape());
        INDArray dcNext = Nd4j.zeros(dtype, b, units);
        for (int t = steps - 1; t >= 0; t--) {
            INDArray dht = block(dh, t, b);
            if (t < steps - 1) {
                Gemm.into(block(dP, t + 1, b), false, wh, false, dht, 1, 1);
            }
            INDArray g = block(p.gates(), t, b);
            INDArray i = gate(g, 0);
            INDArray f = gate(g, 1);
            INDArray o = gate(g, 2);
            INDArray cand = gate(g, 3);
            INDArray tc = block(p.tanhC(), t + 1, b);
            INDArray dc = dht.mul(o).muli(tc.mul(tc).rsubi(1)).addi(dcNext);
            INDArray dPt = block(dP, t, b);
            gate(dPt, 0).assign(dc.mul(cand).muli(i.mul(i.rsub(1))));
            gate(dPt, 1).assign(dc.mul(block(p.c(), t, b)).muli(f.mul(f.rsub(1))));
            gate(dPt, 2).assign(dht.mul(tc).muli(o.mul(o.rsub(1))));
            gate(dPt, 3).assign(dc.mul(i).muli(cand.mul(cand).rsubi(1)));
            dcNext = dc.muli(f);
            Gemm.into(dPt, true, block(p.h(), t, b), false, dWh, 1, 1);
        }
        Map<String, INDArray> grads = new LinkedHashMap<>();
        if (variables.contains(LstmCell.W_U)) {
            grads.put(LstmCell.W_U, Gemm.product(dP, true, p.x(), false));
        }
        if (variables.contains(LstmCell.W_H)) {
            grads.put(LstmCell.W_H, dWh);
        }
        if (variables.contains(LstmCell.BIAS)) {
            grads.put(LstmCell.BIAS, dP.sum(true, 0));
        }
        if (variables.contains(Unroller.W_OUT)) {
            grads.put(Unroller.W_OUT, Gemm.product(dY, true, p.h().get(NDArrayIndex.interval(b, (steps + 1) * b), NDArrayIndex.all()), false));
        }
        if (variables.contains(Unroller.B_OUT)) {
            grads.put(Unroller.B_OUT, dY.sum(true, 0));
        }
        return new LossAndGradients(loss.mse(), loss.mse(), grads);
    }
}
