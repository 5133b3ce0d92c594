package org.molap.dl4j.engine;

import org.molap.dl4j.model.cells.NmRnnCell;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hand-derived backpropagation through time for seed 003's NM-RNN ({@link NmRnnCell}), each step as Java loops over
 * feature-major rows ({@link Rows}). Forward as the cell (z, then s, then x, both from u_t); backward, from the last step, with g = dL/dx and
 * h = dL/dz:
 * <pre>
 *   dv = (c/tau_x) g_t Q,  dQ += (c/tau_x) g_t' (u_t s_t),  u_t = tanh(x_{t-1}) R
 *   dR += tanh(x_{t-1})' (dv s_t);  g_{t-1} += (1 - 1/tau_x) g_t + (dv s_t R') (1 - tanh^2 x_{t-1})
 *   dw = dv u_t s_t (1 - s_t);  dA += dw' z_t;  db += sum dw;  h_t += dw A
 *   dW_zz += (1/tau_z) h_t' tanh(z_{t-1});  h_{t-1} += (1 - 1/tau_z) h_t + (1/tau_z) (h_t W_zz) (1 - tanh^2 z_{t-1})
 *   dB_xu = (1/tau_x) G' U_x,  dB_zu = (1/tau_z) H' U;  dL back through Gram-Schmidt ({@link OrthonormalFactor})
 * </pre>
 * Loss: the (optionally masked) mean squared error of the readout C x_t + d.
 */
final class NmRnnBptt extends RowEngine {
    private final NmRnnCell.Config c;

    NmRnnBptt(NmRnnCell.Config config, Map<String, INDArray> start, int outputs, int steps, DataType dtype, boolean masked) {
        super(start, outputs, steps, dtype, masked);
        this.c = config;
    }

    @Override
    public LossAndGradients lossAndGradients(INDArray sequences, INDArray targets, INDArray mask, Collection<String> variables) {
        int b = (int) sequences.size(0);
        int n = c.units();
        int m = c.nmUnits();
        int k = c.rank();
        int inputs = c.inputs();
        double ax = 1 / c.tauX();
        double az = 1 / c.tauZ();
        double cx = ax * c.lowRankScale();
        double[][] in = Rows.featureMajor(sequences);                              // [T*C][B]
        double[][] inX = new double[steps * c.xInputs()][];                        // the channels x reads
        for (int t = 0; t < steps; t++) {
            System.arraycopy(in, t * inputs, inX, t * c.xInputs(), c.xInputs());
        }
        OrthonormalFactor qr = new OrthonormalFactor(array(NmRnnCell.L));
        INDArray qArray = qr.q(dtype);
        double[][] cq = Rows.of(qArray.mul(c.lowRankScale()));
        double[][] rT = Rows.of(array(NmRnnCell.R).transpose());
        double[][] wzz = Rows.of(array(NmRnnCell.W_ZZ));
        double[][] bzu = Rows.of(array(NmRnnCell.B_ZU));
        double[][] bxu = Rows.of(array(NmRnnCell.B_XU));
        double[][] a = Rows.of(array(NmRnnCell.A));
        double[] bs = Rows.values(array(NmRnnCell.B_S));
        // states: block t is x_t, z_t and their tanh (block 0: the start); per step t (block t - 1): s_t, u_t, u_t s_t
        double[][] x = new double[(steps + 1) * n][b];
        double[][] z = new double[(steps + 1) * m][b];
        double[][] tx = new double[(steps + 1) * n][b];
        double[][] tz = new double[(steps + 1) * m][b];
        double[][] s = new double[steps * k][b];
        double[][] u = new double[steps * k][b];
        double[][] us = new double[steps * k][b];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(x[i], 0.1);
            squash.tanh(x[i], tx[i]);
        }
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(z[i], 0.1);
            squash.tanh(z[i], tz[i]);
        }
        double[][] drive = new double[Math.max(n, m)][b];
        for (int t = 1; t <= steps; t++) {
            Rows.clear(drive, m);
            Rows.multiply(wzz, tz, (t - 1) * m, drive, 0);
            Rows.multiply(bzu, in, (t - 1) * inputs, drive, 0);
            for (int i = 0; i < m; i++) {
                Rows.leak(z[(t - 1) * m + i], 1 - az, az, drive[i], z[t * m + i]);
                squash.tanh(z[t * m + i], tz[t * m + i]);
            }
            int p = (t - 1) * k;
            Rows.addColumn(bs, s, p);
            Rows.multiply(a, z, t * m, s, p);
            Rows.multiply(rT, tx, (t - 1) * n, u, p);
            for (int j = 0; j < k; j++) {
                squash.sigmoid(s[p + j]);
                for (int r = 0; r < b; r++) {
                    us[p + j][r] = u[p + j][r] * s[p + j][r];
                }
            }
            Rows.clear(drive, n);
            Rows.multiply(bxu, inX, (t - 1) * c.xInputs(), drive, 0);
            Rows.multiply(cq, us, p, drive, 0);
            for (int i = 0; i < n; i++) {
                Rows.leak(x[(t - 1) * n + i], 1 - ax, ax, drive[i], x[t * n + i]);
                squash.tanh(x[t * n + i], tx[t * n + i]);
            }
        }
        Readout out = readout(x, n, n, targets, mask);

        // backward: block t - 1 of gx and gz holds dL/dx_t and dL/dz_t; of du and dw, those of step t
        double[][] gx = stateGradients(out, n);
        double[][] gz = new double[steps * m][b];
        double[][] du = new double[steps * k][b];
        double[][] dw = new double[steps * k][b];
        double[][] qT = Rows.of(qArray.transpose());
        double[][] r = Rows.of(array(NmRnnCell.R));
        double[][] aT = Rows.of(array(NmRnnCell.A).transpose());
        double[][] wzzT = Rows.of(array(NmRnnCell.W_ZZ).transpose());
        double[][] dv = new double[k][b];
        double[][] back = new double[Math.max(n, m)][b];
        for (int t = steps; t >= 1; t--) {
            int p = (t - 1) * k;
            Rows.clear(dv, k);
            Rows.multiply(qT, gx, (t - 1) * n, dv, 0);
            for (int j = 0; j < k; j++) {
                double[] sj = s[p + j];
                for (int i = 0; i < b; i++) {
                    double v = cx * dv[j][i];
                    du[p + j][i] = v * sj[i];
                    dw[p + j][i] = v * u[p + j][i] * sj[i] * (1 - sj[i]);
                }
            }
            Rows.multiply(aT, dw, p, gz, (t - 1) * m);                                    // h_t += A' dw
            if (t > 1) {
                Rows.clear(back, n);
                Rows.multiply(r, du, p, back, 0);
                for (int i = 0; i < n; i++) {
                    Rows.chain(gx[(t - 1) * n + i], 1 - ax, 1, back[i], tx[(t - 1) * n + i], gx[(t - 2) * n + i]);
                }
                Rows.clear(back, m);
                Rows.multiply(wzzT, gz, (t - 1) * m, back, 0);
                for (int i = 0; i < m; i++) {
                    Rows.chain(gz[(t - 1) * m + i], 1 - az, az, back[i], tz[(t - 1) * m + i], gz[(t - 2) * m + i]);
                }
            }
        }
        Map<String, INDArray> grads = new LinkedHashMap<>();
        INDArray dQ = Rows.weightGradient(gx, 0, n, us, 0, k, steps, dtype).muli(cx);
        grads.put(NmRnnCell.L, qr.pullback(dQ, dtype));
        grads.put(NmRnnCell.R, Rows.weightGradient(tx, 0, n, du, 0, k, steps, dtype));
        grads.put(NmRnnCell.B_XU, Rows.weightGradient(gx, 0, n, inX, 0, c.xInputs(), steps, dtype).muli(ax));
        grads.put(NmRnnCell.W_ZZ, Rows.weightGradient(gz, 0, m, tz, 0, m, steps, dtype).muli(az));
        grads.put(NmRnnCell.B_ZU, Rows.weightGradient(gz, 0, m, in, 0, inputs, steps, dtype).muli(az));
        grads.put(NmRnnCell.A, Rows.weightGradient(dw, 0, k, z, m, m, steps, dtype));
        grads.put(NmRnnCell.B_S, Rows.biasGradient(dw, k, steps, dtype));
        readoutGradients(out, x, n, n, grads);
        grads.keySet().retainAll(variables);
        return new LossAndGradients(out.loss().mse(), out.loss().mse(), grads);
    }
}
