package org.molap.dl4j.engine;

import org.molap.dl4j.model.TrainableModel;
import org.molap.dl4j.model.Unroller;
import org.molap.dl4j.model.cells.GramSchmidt;
import org.molap.dl4j.model.cells.NmRnnCell;
import org.molap.dl4j.rnn.Gemm;
import org.molap.dl4j.rnn.TimeMajor;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-derived backpropagation through time for seed 003's NM-RNN ({@link NmRnnCell}), time-major, whole steps as ND4J
 * ops. Forward as the cell (z, then s, then x, both from u_t); backward, from the last step, with g = dL/dx and
 * h = dL/dz:
 * <pre>
 *   dv = (c/tau_x) g_t Q,  dQ += (c/tau_x) g_t' (u_t s_t),  u_t = tanh(x_{t-1}) R
 *   dR += tanh(x_{t-1})' (dv s_t);  g_{t-1} += (1 - 1/tau_x) g_t + (dv s_t R') (1 - tanh^2 x_{t-1})
 *   dw = dv u_t s_t (1 - s_t);  dA += dw' z_t;  db += sum dw;  h_t += dw A
 *   dW_zz += (1/tau_z) h_t' tanh(z_{t-1});  h_{t-1} += (1 - 1/tau_z) h_t + (1/tau_z) (h_t W_zz) (1 - tanh^2 z_{t-1})
 *   dB_xu = (1/tau_x) G' U_x,  dB_zu = (1/tau_z) H' U;  dL through Gram-Schmidt by a small SameDiff graph of Q(L)
 * </pre>
 * Loss: the (optionally masked) mean squared error of the readout C x_t + d.
 */
final class NmRnnBptt implements TrainableModel {
    private final NmRnnCell.Config c;
    private final int outputs;
    private final int steps;
    private final DataType dtype;
    private final boolean masked;
    private final Map<String, INDArray> parameters = new LinkedHashMap<>();
    /** Q = GS(L) and, for the backward pass, sum(Q * dQ), whose gradient in L is dL. */
    private final SameDiff qr;

    NmRnnBptt(NmRnnCell.Config config, Map<String, INDArray> start, int outputs, int steps, DataType dtype, boolean masked) {
        this.c = config;
        this.outputs = outputs;
        this.steps = steps;
        this.dtype = dtype;
        this.masked = masked;
        start.forEach((name, values) -> parameters.put(name, values.dup()));      // the cell graph's parameters
        qr = SameDiff.create();
        SDVariable l = qr.var(NmRnnCell.L, Nd4j.zeros(dtype, config.units(), config.rank()));
        SDVariable dq = qr.placeHolder("dQ", dtype, config.units(), config.rank());
        SDVariable q = GramSchmidt.orthonormal(qr, l, config.rank()).rename(NmRnnCell.Q);
        q.mul(dq).sum().rename("pullback");
        qr.setLossVariables("pullback");
    }

    @Override
    public Map<String, INDArray> parameters() {
        return parameters;
    }

    private static INDArray block(INDArray rows, long k, long batch) {
        return rows.get(NDArrayIndex.interval(k * batch, (k + 1) * batch), NDArrayIndex.all());
    }

    private static INDArray after(INDArray rows, long batch) {
        return rows.get(NDArrayIndex.interval(batch, rows.size(0)), NDArrayIndex.all());
    }

    private INDArray orthonormal() {
        qr.getVariable(NmRnnCell.L).setArray(array(NmRnnCell.L).dup());
        return qr.output(Map.of("dQ", Nd4j.zeros(dtype, c.units(), c.rank())), NmRnnCell.Q).get(NmRnnCell.Q);
    }

    @Override
    public LossAndGradients lossAndGradients(INDArray sequences, INDArray targets, INDArray mask, Collection<String> variables) {
        long b = sequences.size(0);
        int n = c.units();
        int m = c.nmUnits();
        int k = c.rank();
        double ax = 1 / c.tauX();
        double az = 1 / c.tauZ();
        INDArray in = TimeMajor.into(sequences, Nd4j.create(dtype, steps * b, c.inputs()));
        INDArray inX = in.get(NDArrayIndex.all(), NDArrayIndex.interval(0, c.xInputs())).dup();
        INDArray dx = Gemm.product(inX, false, array(NmRnnCell.B_XU), true);
        INDArray dz = Gemm.product(in, false, array(NmRnnCell.B_ZU), true);
        INDArray q = orthonormal();
        INDArray r = array(NmRnnCell.R);
        INDArray wzz = array(NmRnnCell.W_ZZ);
        INDArray a = array(NmRnnCell.A);
        INDArray x = Nd4j.create(dtype, (steps + 1) * b, n);
        INDArray z = Nd4j.create(dtype, (steps + 1) * b, m);
        INDArray tx = Nd4j.create(dtype, (steps + 1) * b, n);
        INDArray tz = Nd4j.create(dtype, (steps + 1) * b, m);
        INDArray s = Nd4j.create(dtype, steps * b, k);
        INDArray u = Nd4j.create(dtype, steps * b, k);
        block(x, 0, b).assign(0.1);
        block(z, 0, b).assign(0.1);
        Transforms.tanh(block(tx, 0, b).assign(block(x, 0, b)), false);
        Transforms.tanh(block(tz, 0, b).assign(block(z, 0, b)), false);
        for (int t = 1; t <= steps; t++) {
            INDArray zt = block(z, t, b).assign(block(z, t - 1, b)).muli(1 - az);
            Gemm.into(block(tz, t - 1, b), false, wzz, true, zt, az, 1);
            Gemm.axpy(az, block(dz, t - 1, b), zt);
            INDArray st = block(s, t - 1, b);
            Gemm.into(zt, false, a, true, st, 1, 0);
            Transforms.sigmoid(st.addiRowVector(array(NmRnnCell.B_S)), false);
            INDArray ut = block(u, t - 1, b);
            Gemm.into(block(tx, t - 1, b), false, r, false, ut, 1, 0);
            INDArray xt = block(x, t, b).assign(block(x, t - 1, b)).muli(1 - ax);
            Gemm.into(ut.mul(st), false, q, true, xt, ax * c.lowRankScale(), 1);
            Gemm.axpy(ax, block(dx, t - 1, b), xt);
            Transforms.tanh(block(tx, t, b).assign(xt), false);
            Transforms.tanh(block(tz, t, b).assign(zt), false);
        }
        INDArray y = Gemm.product(after(x, b), false, array(Unroller.W_OUT), true).addiRowVector(array(Unroller.B_OUT));
        MaskedMse loss = MaskedMse.of(y, targets, mask, masked, dtype);
        INDArray dY = loss.dY();

        INDArray gx = Gemm.product(dY, false, array(Unroller.W_OUT), false);      // block t - 1: dL/dx_t
        INDArray gz = Nd4j.zeros(dtype, steps * b, m);
        INDArray dQ = Nd4j.zeros(dtype, n, k);
        INDArray dR = Nd4j.zeros(dtype, n, k);
        INDArray dA = Nd4j.zeros(dtype, k, m);
        INDArray dBs = Nd4j.zeros(dtype, 1, k);
        INDArray dWzz = Nd4j.zeros(dtype, m, m);
        double cx = ax * c.lowRankScale();
        for (int t = steps; t >= 1; t--) {
            INDArray g = block(gx, t - 1, b);
            INDArray h = block(gz, t - 1, b);
            INDArray st = block(s, t - 1, b);
            INDArray ut = block(u, t - 1, b);
            INDArray dv = Gemm.product(g, false, q, false).muli(cx);
            Gemm.into(g, true, ut.mul(st), false, dQ, cx, 1);
            INDArray du = dv.mul(st);
            Gemm.into(block(tx, t - 1, b), true, du, false, dR, 1, 1);
            INDArray dw = dv.muli(ut).muli(st.mul(st.rsub(1)));
            Gemm.into(dw, true, block(z, t, b), false, dA, 1, 1);
            dBs.addi(dw.sum(true, 0));
            Gemm.into(dw, false, a, false, h, 1, 1);
            Gemm.into(h, true, block(tz, t - 1, b), false, dWzz, az, 1);
            if (t > 1) {
                INDArray txp = block(tx, t - 1, b);
                INDArray gPrev = block(gx, t - 2, b);
                Gemm.axpy(1 - ax, g, gPrev);
                gPrev.addi(Gemm.product(du, false, r, true).muli(txp.mul(txp).rsubi(1)));
                INDArray tzp = block(tz, t - 1, b);
                INDArray hPrev = block(gz, t - 2, b);
                Gemm.axpy(1 - az, h, hPrev);
                hPrev.addi(Gemm.product(h, false, wzz, false).muli(tzp.mul(tzp).rsubi(1)).muli(az));
            }
        }
        Map<String, INDArray> grads = new LinkedHashMap<>();
        qr.getVariable(NmRnnCell.L).setArray(array(NmRnnCell.L).dup());
        grads.put(NmRnnCell.L, qr.calculateGradients(Map.of("dQ", dQ), List.of(NmRnnCell.L)).get(NmRnnCell.L));
        grads.put(NmRnnCell.R, dR);
        grads.put(NmRnnCell.B_XU, Gemm.product(gx, true, inX, false).muli(ax));
        grads.put(NmRnnCell.W_ZZ, dWzz);
        grads.put(NmRnnCell.B_ZU, Gemm.product(gz, true, in, false).muli(az));
        grads.put(NmRnnCell.A, dA);
        grads.put(NmRnnCell.B_S, dBs);
        grads.put(Unroller.W_OUT, Gemm.product(dY, true, after(x, b), false));
        grads.put(Unroller.B_OUT, dY.sum(true, 0));
        grads.keySet().retainAll(variables);
        return new LossAndGradients(loss.mse(), loss.mse(), grads);
    }
}
