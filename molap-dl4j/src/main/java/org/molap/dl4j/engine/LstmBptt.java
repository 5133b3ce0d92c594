package org.molap.dl4j.engine;

import org.molap.dl4j.model.cells.LstmCell;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hand-derived backpropagation through time for {@link LstmCell} (seed 003's LSTM), each step as Java loops over
 * feature-major blocks ({@link Rows}; at N 15 and batch 40 an ND4J op costs more than its arithmetic):
 * <pre>
 *   forward:  P_t = X_t W_u' + b + h_{t-1} W_h';  [i f o g] = [s(P_i) s(P_f) s(P_o) tanh(P_g)]
 *             c_t = f c_{t-1} + i g;  h_t = o tanh(c_t);  Y_t = h_t W_out' + b_out          (h_0 = c_0 = 0.1, or drawn once and kept)
 *   backward: dh_t = dY_t W_out + dP_{t+1} W_h;  dc_t = dh_t o (1 - tanh^2 c_t) + dc_{t+1} f_{t+1}
 *             dP_t = [dc g i(1-i), dc c_{t-1} f(1-f), dh tanh(c_t) o(1-o), dc i (1-g^2)]
 *             dW_h = sum dP_t' h_{t-1};  dW_u = dP' X;  db = sum dP
 * </pre>
 * Loss: the (optionally masked) mean squared error. Arithmetic in double; in a float model tanh and sigmoid are
 * {@link Squash}'s rational function.
 */
final class LstmBptt extends RowEngine {
    private final int units;
    private final int inputs;

    /** Starts from a copy of {@code start}, the cell graph's parameters. */
    LstmBptt(int units, int inputs, Map<String, INDArray> start, int outputs, int steps, DataType dtype, boolean masked) {
        super(start, outputs, steps, dtype, masked);
        this.units = units;
        this.inputs = inputs;
    }

    /**
     * Feature-major rows over the trials ({@link Rows}): inputs [T*C]; activated gates [i f o g] [T*4N]; cells, their
     * tanh and states [(T+1)*N] (block 0: the start).
     */
    private record Pass(double[][] x, double[][] gates, double[][] c, double[][] tanhC, double[][] h) {
    }

    private Pass run(INDArray sequences) {
        int b = (int) sequences.size(0);
        int n = units;
        double[][] x = Rows.featureMajor(sequences);
        double[][] wu = Rows.of(array(LstmCell.W_U));
        double[][] wh = Rows.of(array(LstmCell.W_H));
        double[] bias = Rows.values(array(LstmCell.BIAS));
        double[][] gates = new double[steps * 4 * n][b];
        double[][] c = new double[(steps + 1) * n][b];
        double[][] h = new double[(steps + 1) * n][b];
        double[][] tanhC = new double[(steps + 1) * n][b];
        boolean drawn = parameters().containsKey("h0");        // the Element Finder's LSTM: a start drawn once and kept
        double[] h0 = drawn ? Rows.values(array("h0")) : null;
        double[] c0 = drawn ? Rows.values(array("c0")) : null;
        for (int k = 0; k < n; k++) {
            java.util.Arrays.fill(c[k], drawn ? c0[k] : 0.1);
            java.util.Arrays.fill(h[k], drawn ? h0[k] : 0.1);
        }
        for (int t = 0; t < steps; t++) {
            int p = t * 4 * n;
            Rows.addColumn(bias, gates, p);
            Rows.multiply(wu, x, t * inputs, gates, p);
            Rows.multiply(wh, h, t * n, gates, p);
            for (int k = 0; k < n; k++) {
                double[] i = gates[p + k];
                double[] f = gates[p + n + k];
                double[] o = gates[p + 2 * n + k];
                double[] cand = gates[p + 3 * n + k];
                squash.sigmoid(i);
                squash.sigmoid(f);
                squash.sigmoid(o);
                squash.tanh(cand, cand);
                double[] cNow = c[(t + 1) * n + k];
                double[] cBefore = c[t * n + k];
                for (int r = 0; r < b; r++) {
                    cNow[r] = f[r] * cBefore[r] + i[r] * cand[r];
                }
                double[] tc = tanhC[(t + 1) * n + k];
                squash.tanh(cNow, tc);
                double[] hNow = h[(t + 1) * n + k];
                for (int r = 0; r < b; r++) {
                    hNow[r] = o[r] * tc[r];
                }
            }
        }
        return new Pass(x, gates, c, tanhC, h);
    }

    @Override
    public LossAndGradients lossAndGradients(INDArray sequences, INDArray targets, INDArray mask, Collection<String> variables) {
        Pass p = run(sequences);
        int b = (int) sequences.size(0);
        int n = units;
        int width = 4 * n;
        Readout out = readout(p.h(), n, n, targets, mask);
        double[][] dhOut = stateGradients(out, n);                       // dY_t W_out
        double[][] whT = Rows.of(array(LstmCell.W_H).transpose());
        double[][] dP = new double[steps * width][b];
        double[][] dh = new double[n][];
        double[][] dcNext = new double[n][b];
        double[][] g = p.gates();
        for (int t = steps - 1; t >= 0; t--) {
            System.arraycopy(dhOut, t * n, dh, 0, n);                      // dh_t = dY_t W_out
            if (t < steps - 1) {
                Rows.multiply(whT, dP, (t + 1) * width, dh, 0);            // + dP_{t+1} W_h
            }
            int q = t * width;
            for (int k = 0; k < n; k++) {
                double[] i = g[q + k];
                double[] f = g[q + n + k];
                double[] o = g[q + 2 * n + k];
                double[] cand = g[q + 3 * n + k];
                double[] tc = p.tanhC()[(t + 1) * n + k];
                double[] cBefore = p.c()[t * n + k];
                double[] dhk = dh[k];
                double[] dck = dcNext[k];
                double[] di = dP[q + k];
                double[] df = dP[q + n + k];
                double[] dO = dP[q + 2 * n + k];
                double[] dg = dP[q + 3 * n + k];
                for (int r = 0; r < b; r++) {
                    double dc = dhk[r] * o[r] * (1 - tc[r] * tc[r]) + dck[r];
                    di[r] = dc * cand[r] * i[r] * (1 - i[r]);
                    df[r] = dc * cBefore[r] * f[r] * (1 - f[r]);
                    dO[r] = dhk[r] * tc[r] * o[r] * (1 - o[r]);
                    dg[r] = dc * i[r] * (1 - cand[r] * cand[r]);
                    dck[r] = dc * f[r];
                }
            }
        }
        Map<String, INDArray> grads = new LinkedHashMap<>();
        if (variables.contains(LstmCell.W_U)) {
            grads.put(LstmCell.W_U, Rows.weightGradient(dP, 0, width, p.x(), 0, inputs, steps, dtype));
        }
        if (variables.contains(LstmCell.W_H)) {
            grads.put(LstmCell.W_H, Rows.weightGradient(dP, 0, width, p.h(), 0, n, steps, dtype));
        }
        if (variables.contains(LstmCell.BIAS)) {
            grads.put(LstmCell.BIAS, Rows.biasGradient(dP, width, steps, dtype));
        }
        if (variables.contains("h0") || variables.contains("c0")) {        // a start drawn once: dL/dh_0, dL/dc_0
            double[][] dh0 = new double[n][b];
            Rows.multiply(whT, dP, 0, dh0, 0);
            grads.put("h0", Rows.biasGradient(dh0, n, 1, dtype));
            grads.put("c0", Rows.biasGradient(dcNext, n, 1, dtype));
        }
        readoutGradients(out, p.h(), n, n, grads);
        grads.keySet().retainAll(variables);
        return new LossAndGradients(out.loss().mse(), out.loss().mse(), grads);
    }
}
