package org.molap.dl4j.model;

import org.junit.jupiter.api.Test;
import org.molap.dl4j.model.cells.NmRnnCell;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Seed 003's NM-RNN on the unroller: gradients through the QR factor and the coupled recurrence written out. */
class NmRnnCellTest {
    private static final NmRnnCell.Config CONFIG = new NmRnnCell.Config(6, 3, 2, 3, 2, 2, 4, 1);
    private static final int STEPS = 6;

    private static CellModel model() {
        return Unroller.unroll(new NmRnnCell(CONFIG), 2, STEPS, DataType.DOUBLE, Loss.mse(), 8);
    }

    private static INDArray random(long seed, long... shape) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.DOUBLE, shape);
    }

    @Test
    void gradientsMatchCentralDifferences() {
        CellModel m = model();
        int checked = GradientCheck.check(m, random(1, 3, 3, STEPS), random(2, 3, 2, STEPS), null);
        assertEquals(6 * 2 * 2 + 6 * 2 + 3 * 3 + 3 * 3 + 2 * 3 + 2 + 2 * 6 + 2, checked);
    }

    @Test
    void forwardFollowsTheCoupledRecurrence() {
        CellModel m = model();
        INDArray u = random(3, 2, 3, STEPS);
        INDArray out = m.forward(u);
        double[][] q = gramSchmidt(m.array(NmRnnCell.L).toDoubleMatrix());
        for (int i = 0; i < 2; i++) {           // Q'Q = I
            for (int j = 0; j < 2; j++) {
                double dot = 0;
                for (int n = 0; n < 6; n++) {
                    dot += q[n][i] * q[n][j];
                }
                assertEquals(i == j ? 1 : 0, dot, 1e-12);
            }
        }
        double[][] r = m.array(NmRnnCell.R).toDoubleMatrix();
        double[][] bxu = m.array(NmRnnCell.B_XU).toDoubleMatrix();
        double[][] wzz = m.array(NmRnnCell.W_ZZ).toDoubleMatrix();
        double[][] bzu = m.array(NmRnnCell.B_ZU).toDoubleMatrix();
        double[][] a = m.array(NmRnnCell.A).toDoubleMatrix();
        double[] bs = m.array(NmRnnCell.B_S).toDoubleVector();
        double[][] c = m.array(Unroller.W_OUT).toDoubleMatrix();
        double[] d = m.array(Unroller.B_OUT).toDoubleVector();
        for (int trial = 0; trial < 2; trial++) {
            double[] x = filled(6, 0.1);
            double[] z = filled(3, 0.1);
            for (int t = 0; t < STEPS; t++) {
                double[] zn = new double[3];
                for (int i = 0; i < 3; i++) {
                    double in = 0;
                    for (int j = 0; j < 3; j++) {
                        in += wzz[i][j] * Math.tanh(z[j]) + bzu[i][j] * u.getDouble(trial, j, t);
                    }
                    zn[i] = (1 - 1 / 4.0) * z[i] + in / 4.0;
                }
                z = zn;
                double[] s = new double[2];
                for (int k = 0; k < 2; k++) {
                    double v = bs[k];
                    for (int j = 0; j < 3; j++) {
                        v += a[k][j] * z[j];
                    }
                    s[k] = 1 / (1 + Math.exp(-v));
                }
                double[] proj = new double[2];
                for (int k = 0; k < 2; k++) {
                    for (int n = 0; n < 6; n++) {
                        proj[k] += r[n][k] * Math.tanh(x[n]);
                    }
                }
                double[] xn = new double[6];
                for (int n = 0; n < 6; n++) {
                    double in = 0;
                    for (int k = 0; k < 2; k++) {
                        in += q[n][k] * s[k] * proj[k];
                    }
                    for (int j = 0; j < 2; j++) {                // x gets the first two channels only
                        in += bxu[n][j] * u.getDouble(trial, j, t);
                    }
                    xn[n] = (1 - 1 / 2.0) * x[n] + in / 2.0;
                }
                x = xn;
                for (int o = 0; o < 2; o++) {
                    double y = d[o];
                    for (int n = 0; n < 6; n++) {
                        y += c[o][n] * x[n];
                    }
                    assertEquals(y, out.getDouble(trial, o, t), 1e-12, "y[" + trial + "," + o + "," + t + "]");
                }
            }
        }
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static double[][] gramSchmidt(double[][] l) {
        int n = l.length;
        int k = l[0].length;
        double[][] q = new double[n][k];
        for (int col = 0; col < k; col++) {
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = l[i][col];
            }
            for (int j = 0; j < col; j++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += q[i][j] * w[i];
                }
                for (int i = 0; i < n; i++) {
                    w[i] -= dot * q[i][j];
                }
            }
            double norm = 0;
            for (double v : w) {
                norm += v * v;
            }
            for (int i = 0; i < n; i++) {
                q[i][col] = w[i] / Math.sqrt(norm);
            }
        }
        return q;
    }
}
