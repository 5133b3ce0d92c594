package org.molap.experiments.nmrnn;

import java.util.Map;
import org.molap.dl4j.model.cells.NmRnnCell;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The neuromodulatory signal s_t = sigmoid(A z_t + b) of a trained NM-RNN on given inputs (seed 003's Figs. 3-5 plot
 * it), by the cell's recurrence in plain Java. The z network does not read x in the code's and the linear symmetric
 * forms, so s follows from the inputs alone; the Element Finder form feeds tanh(x) back into z, so x is run too.
 */
public final class NeuromodulatorySignal {
    private NeuromodulatorySignal() {
    }

    /** s [B, K, T] for inputs [B, U, T]. */
    public static INDArray of(NmRnnCell.Config c, Map<String, INDArray> params, INDArray inputs) {
        int batch = (int) inputs.size(0);
        int steps = (int) inputs.size(2);
        int n = c.units();
        int m = c.nmUnits();
        int k = c.rank();
        boolean feedback = c.variant() == NmRnnCell.Variant.ELEMENT_FINDER;
        double[][] wzz = matrix(params, NmRnnCell.W_ZZ);
        double[][] bzu = matrix(params, NmRnnCell.B_ZU);
        double[][] a = matrix(params, NmRnnCell.A);
        double[] bs = params.get(NmRnnCell.B_S).toDoubleVector();
        double[][] in = inputs.castTo(DataType.DOUBLE).reshape(batch, c.inputs() * steps).toDoubleMatrix();
        INDArray gates = Nd4j.zeros(DataType.FLOAT, batch, k, steps);
        for (int b = 0; b < batch; b++) {
            double[] z = feedback ? params.get("z0").toDoubleVector() : filled(m, 0.1);
            double[] x = feedback ? params.get("x0").toDoubleVector() : null;
            for (int t = 0; t < steps; t++) {
                double[] u = new double[c.inputs()];
                for (int i = 0; i < u.length; i++) {
                    u[i] = in[b][i * steps + t];
                }
                double[] zNext = new double[m];
                for (int i = 0; i < m; i++) {
                    double drive = 0;
                    for (int j = 0; j < m; j++) {
                        drive += wzz[i][j] * Math.tanh(z[j]);
                    }
                    for (int j = 0; j < u.length; j++) {
                        drive += bzu[i][j] * u[j];
                    }
                    if (feedback) {
                        drive += feedback(params, x, i);
                    }
                    zNext[i] = (1 - 1 / c.tauZ()) * z[i] + drive / c.tauZ();
                }
                double[] s = new double[k];
                for (int i = 0; i < k; i++) {
                    double pre = bs[i];
                    for (int j = 0; j < m; j++) {
                        pre += a[i][j] * zNext[j];
                    }
                    s[i] = 1 / (1 + Math.exp(-pre));
                    gates.putScalar(b, i, t, s[i]);
                }
                if (feedback) {
                    x = elementFinderStep(c, params, x, s, u);
                }
                z = zNext;
            }
        }
        return gates;
    }

    /** W_zx tanh(x) + b_z, row i. */
    private static double feedback(Map<String, INDArray> params, double[] x, int i) {
        INDArray wzx = params.get(NmRnnCell.W_ZX);
        double sum = params.get(NmRnnCell.B_Z).getDouble(i);
        for (int j = 0; j < x.length; j++) {
            sum += wzx.getDouble(i, j) * Math.tanh(x[j]);
        }
        return sum;
    }

    /** x_t of the Element Finder form: (1 - 1/tau_x) x + (1/tau_x) (c L diag(s) R' tanh(x) + B_xu u). */
    private static double[] elementFinderStep(NmRnnCell.Config c, Map<String, INDArray> params, double[] x, double[] s, double[] u) {
        double[][] l = matrix(params, NmRnnCell.L);
        double[][] r = matrix(params, NmRnnCell.R);
        double[][] bxu = matrix(params, NmRnnCell.B_XU);
        int n = x.length;
        double[] projected = new double[c.rank()];
        for (int q = 0; q < c.rank(); q++) {
            for (int j = 0; j < n; j++) {
                projected[q] += r[j][q] * Math.tanh(x[j]);
            }
            projected[q] *= s[q];
        }
        double[] next = new double[n];
        for (int i = 0; i < n; i++) {
            double drive = 0;
            for (int q = 0; q < c.rank(); q++) {
                drive += c.lowRankScale() * l[i][q] * projected[q];
            }
            for (int j = 0; j < c.xInputs(); j++) {
                drive += bxu[i][j] * u[j];
            }
            next[i] = (1 - 1 / c.tauX()) * x[i] + drive / c.tauX();
        }
        return next;
    }

    private static double[][] matrix(Map<String, INDArray> params, String name) {
        return params.get(name).castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
