package org.molap.dl4j.engine;

import org.molap.dl4j.model.cells.RateRnnCell;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hand-derived backpropagation through time for seed 003's rate baselines ({@link RateRnnCell}: the vanilla RNN and
 * the low-rank RNN), each step as Java loops over feature-major rows ({@link Rows}). With a = 1/tau and
 * J = W or Q R' (Q the orthonormal factor of L), g_t = dL/dx_t:
 * <pre>
 *   forward:   x_t = (1 - a) x_{t-1} + (a/N) J tanh(x_{t-1}) + a B u_t,   y_t = C x_t + d        (x_0 = 0.1)
 *   backward:  g_{t-1} += (1 - a) g_t + (a/N) (J' g_t) (1 - tanh^2 x_{t-1})
 *              dW = (a/N) sum g_t tanh(x_{t-1})',  or  dQ = (a/N) sum g_t v_t' (v_t = R' tanh x_{t-1}),
 *              dR = (a/N) sum tanh(x_{t-1}) (Q' g_t)',  dL through Gram-Schmidt ({@link OrthonormalFactor});
 *              dB = a sum g_t u_t'
 * </pre>
 * Loss: the (optionally masked) mean squared error of the readout.
 */
final class RateRnnBptt extends RowEngine {
    private final RateRnnCell cell;

    RateRnnBptt(RateRnnCell cell, Map<String, INDArray> start, int outputs, int steps, DataType dtype, boolean masked) {
        super(start, outputs, steps, dtype, masked);
        this.cell = cell;
    }

    @Override
    public LossAndGradients lossAndGradients(INDArray sequences, INDArray targets, INDArray mask, Collection<String> variables) {
        int b = (int) sequences.size(0);
        int n = cell.units();
        int k = cell.rank();
        int inputs = cell.inputs();
        double a = 1 / cell.tau();
        boolean lowRank = k > 0;
        double c = cell.scale();
        double[][] in = Rows.featureMajor(sequences);
        OrthonormalFactor qr = lowRank && cell.orthonormal() ? new OrthonormalFactor(array(RateRnnCell.L)) : null;
        INDArray q = !lowRank ? null : qr != null ? qr.q(dtype) : array(RateRnnCell.L);
        // c J: c W, or c Q (c L without orthonormalisation) after v = R' tanh(x)
        double[][] left = Rows.of((lowRank ? q : array(RateRnnCell.W)).mul(c));
        double[][] rT = lowRank ? Rows.of(array(RateRnnCell.R).transpose()) : null;
        double[][] input = Rows.of(array(RateRnnCell.B));
        double[][] x = new double[(steps + 1) * n][b];          // block t: x_t, block 0 the start
        double[][] tx = new double[(steps + 1) * n][b];
        double[][] v = new double[Math.max(1, steps * k)][b];   // block t - 1: v_t
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(x[i], 0.1);
            squash.tanh(x[i], tx[i]);
        }
        double[][] drive = new double[n][b];
        for (int t = 1; t <= steps; t++) {
            Rows.clear(drive, n);
            Rows.multiply(input, in, (t - 1) * inputs, drive, 0);
            if (lowRank) {
                Rows.multiply(rT, tx, (t - 1) * n, v, (t - 1) * k);
                Rows.multiply(left, v, (t - 1) * k, drive, 0);
            } else {
                Rows.multiply(left, tx, (t - 1) * n, drive, 0);
            }
            for (int i = 0; i < n; i++) {
                Rows.leak(x[(t - 1) * n + i], 1 - a, a, drive[i], x[t * n + i]);
                squash.tanh(x[t * n + i], tx[t * n + i]);
            }
        }
        Readout out = readout(x, n, n, targets, mask);
        double[][] g = stateGradients(out, n);                    // block t - 1: dL/dx_t
        double[][] qg = new double[Math.max(1, steps * k)][b];    // block t - 1: Q' g_t
        double[][] leftT = Rows.of((lowRank ? q : array(RateRnnCell.W)).transpose());
        double[][] r = lowRank ? Rows.of(array(RateRnnCell.R)) : null;
        double[][] back = new double[n][b];
        for (int t = steps; t >= 2; t--) {
            Rows.clear(back, n);
            if (lowRank) {
                Rows.multiply(leftT, g, (t - 1) * n, qg, (t - 1) * k);
                Rows.multiply(r, qg, (t - 1) * k, back, 0);
            } else {
                Rows.multiply(leftT, g, (t - 1) * n, back, 0);
            }
            for (int i = 0; i < n; i++) {
                Rows.chain(g[(t - 1) * n + i], 1 - a, a * c, back[i], tx[(t - 1) * n + i], g[(t - 2) * n + i]);
            }
        }
        Map<String, INDArray> grads = new LinkedHashMap<>();
        if (lowRank) {
            Rows.multiply(leftT, g, 0, qg, 0);                    // step 1's Q' g_1, not needed above
            INDArray dQ = Rows.weightGradient(g, 0, n, v, 0, k, steps, dtype).muli(a * c);
            grads.put(RateRnnCell.L, qr != null ? qr.pullback(dQ, dtype) : dQ);
            grads.put(RateRnnCell.R, Rows.weightGradient(tx, 0, n, qg, 0, k, steps, dtype).muli(a * c));
        } else {
            grads.put(RateRnnCell.W, Rows.weightGradient(g, 0, n, tx, 0, n, steps, dtype).muli(a * c));
        }
        grads.put(RateRnnCell.B, Rows.weightGradient(g, 0, n, in, 0, inputs, steps, dtype).muli(a));
        readoutGradients(out, x, n, n, grads);
        grads.keySet().retainAll(variables);
        return new LossAndGradients(out.loss().mse(), out.loss().mse(), grads);
    }
}
