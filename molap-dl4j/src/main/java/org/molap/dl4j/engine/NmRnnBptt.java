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
 * Loss: the (optionally masked) mean squared error of the readout C x_t + d. The linear symmetric form (R = Q, phi the
 * identity) sums Q's two gradients before the pullback; the Element Finder form (L used as it is, feedback
 * W_zx tanh(x_{t-1}) + b_z into z, a start drawn once) adds (1/tau_z) W_zx' h_t to the gradient of tanh(x_{t-1}).
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
        boolean feedback = c.variant() == NmRnnCell.Variant.ELEMENT_FINDER;
        boolean linear = c.variant() == NmRnnCell.Variant.LINEAR_SYMMETRIC;
        OrthonormalFactor qr = feedback ? null : new OrthonormalFactor(array(NmRnnCell.L));
        INDArray qArray = feedback ? array(NmRnnCell.L) : qr.q(dtype);
        INDArray right = linear ? qArray : array(NmRnnCell.R);
        double[][] cq = Rows.of(qArray.mul(c.lowRankScale()));
        double[][] rT = Rows.of(right.transpose());
        double[][] wzx = feedback ? Rows.of(array(NmRnnCell.W_ZX)) : null;
        double[] bz = feedback ? Rows.values(array(NmRnnCell.B_Z)) : null;
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
        double[] x0 = feedback ? Rows.values(array("x0")) : null;
        double[] z0 = feedback ? Rows.values(array("z0")) : null;
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(x[i], feedback ? x0[i] : 0.1);
            rate(x[i], tx[i], linear);
        }
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(z[i], feedback ? z0[i] : 0.1);
            squash.tanh(z[i], tz[i]);
        }
        double[][] drive = new double[Math.max(n, m)][b];
        for (int t = 1; t <= steps; t++) {
            Rows.clear(drive, m);
            Rows.multiply(wzz, tz, (t - 1) * m, drive, 0);
            Rows.multiply(bzu, in, (t - 1) * inputs, drive, 0);
            if (feedback) {
                Rows.multiply(wzx, tx, (t - 1) * n, drive, 0);
                Rows.addColumn(bz, drive, 0);
            }
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
                rate(x[t * n + i], tx[t * n + i], linear);
            }
        }
        Readout out = readout(x, n, n, targets, mask);

        // backward: block t - 1 of gx and gz holds dL/dx_t and dL/dz_t; of du and dw, those of step t
        double[][] gx = stateGradients(out, n);
        double[][] gz = new double[steps * m][b];
        double[][] du = new double[steps * k][b];
        double[][] dw = new double[steps * k][b];
        double[][] qT = Rows.of(qArray.transpose());
        double[][] r = Rows.of(right);
        double[][] aT = Rows.of(array(NmRnnCell.A).transpose());
        double[][] wzzT = Rows.of(array(NmRnnCell.W_ZZ).transpose());
        double[][] wzxT = feedback ? Rows.of(array(NmRnnCell.W_ZX).transpose().mul(az)) : null;
        double[] flat = new double[b];              // phi' = 1 of the linear form: chain() reads it as tanh = 0
        double[][] gx0 = new double[n][b];          // dL/dx_0 and dL/dz_0, for the drawn start
        double[][] gz0 = new double[m][b];
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
            Rows.clear(back, n);
            Rows.multiply(r, du, p, back, 0);
            if (feedback) {
                Rows.multiply(wzxT, gz, (t - 1) * m, back, 0);                          // z_t read tanh(x_{t-1})
            }
            for (int i = 0; i < n; i++) {
                Rows.chain(gx[(t - 1) * n + i], 1 - ax, 1, back[i], linear ? flat : tx[(t - 1) * n + i],
                        t > 1 ? gx[(t - 2) * n + i] : gx0[i]);
            }
            Rows.clear(back, m);
            Rows.multiply(wzzT, gz, (t - 1) * m, back, 0);
            for (int i = 0; i < m; i++) {
                Rows.chain(gz[(t - 1) * m + i], 1 - az, az, back[i], tz[(t - 1) * m + i], t > 1 ? gz[(t - 2) * m + i] : gz0[i]);
            }
        }
        Map<String, INDArray> grads = new LinkedHashMap<>();
        INDArray dQ = Rows.weightGradient(gx, 0, n, us, 0, k, steps, dtype).muli(cx);
        INDArray dR = Rows.weightGradient(tx, 0, n, du, 0, k, steps, dtype);
        if (linear) {
            grads.put(NmRnnCell.L, qr.pullback(dQ.addi(dR), dtype));                   // Q on both sides
        } else {
            grads.put(NmRnnCell.L, feedback ? dQ : qr.pullback(dQ, dtype));
            grads.put(NmRnnCell.R, dR);
        }
        if (feedback) {
            grads.put(NmRnnCell.W_ZX, Rows.weightGradient(gz, 0, m, tx, 0, n, steps, dtype).muli(az));
            grads.put(NmRnnCell.B_Z, Rows.biasGradient(gz, m, steps, dtype).muli(az));
            grads.put("x0", Rows.biasGradient(gx0, n, 1, dtype));
            grads.put("z0", Rows.biasGradient(gz0, m, 1, dtype));
        }
        grads.put(NmRnnCell.B_XU, Rows.weightGradient(gx, 0, n, inX, 0, c.xInputs(), steps, dtype).muli(ax));
        grads.put(NmRnnCell.W_ZZ, Rows.weightGradient(gz, 0, m, tz, 0, m, steps, dtype).muli(az));
        grads.put(NmRnnCell.B_ZU, Rows.weightGradient(gz, 0, m, in, 0, inputs, steps, dtype).muli(az));
        grads.put(NmRnnCell.A, Rows.weightGradient(dw, 0, k, z, m, m, steps, dtype));
        grads.put(NmRnnCell.B_S, Rows.biasGradient(dw, k, steps, dtype));
        readoutGradients(out, x, n, n, grads);
        grads.keySet().retainAll(variables);
        return new LossAndGradients(out.loss().mse(), out.loss().mse(), grads);
    }

    /** phi(x): tanh, or x itself in the linear symmetric form. */
    private void rate(double[] x, double[] into, boolean linear) {
        if (linear) {
            System.arraycopy(x, 0, into, 0, x.length);
        } else {
            squash.tanh(x, into);
        }
    }
}
