package org.molap.dl4j.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.molap.dl4j.model.cells.MotorRateCell;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Seed 001's rate network on the unroller: gradients and the Euler recurrence written out, with and without the preparatory module. */
class MotorRateCellTest {
    private static final int N = 5;
    private static final int MOTIFS = 2;
    private static final int STEPS = 8;
    private static final int PREPARATION = 3;

    private static CellModel model(int prepRank) {
        MotorRateCell.Config config = MotorRateCell.Config.multiplicative(N, MOTIFS).withPreparatoryModule(prepRank).noiseless();
        CellModel m = Unroller.unroll(new MotorRateCell(config), 1, STEPS, DataType.DOUBLE, Loss.mse(), 4);
        m.array(MotorRateCell.B).assign(Nd4j.randn(DataType.DOUBLE, N, MOTIFS));   // zero at the start in the paper
        return m;
    }

    /** Trial b plays motif b % 2; the preparation window covers the first steps. */
    private static INDArray inputs(int batch) {
        INDArray x = Nd4j.zeros(DataType.DOUBLE, batch, MOTIFS + 1, STEPS);
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < STEPS; t++) {
                x.putScalar(new int[] {b, b % MOTIFS, t}, 1);
                x.putScalar(new int[] {b, MOTIFS, t}, t < PREPARATION ? 1 : 0);
            }
        }
        return x;
    }

    @ParameterizedTest(name = "prep rank {0}")
    @ValueSource(ints = {0, 2})
    void gradientsMatchCentralDifferences(int prepRank) {
        CellModel m = model(prepRank);
        INDArray x = inputs(3);
        Nd4j.getRandom().setSeed(5);
        INDArray y = Nd4j.randn(DataType.DOUBLE, 3, 1, STEPS);
        int checked = GradientCheck.check(m, x, y, null);
        assertEquals(N * N + 3 * N * MOTIFS + 2 * N * prepRank + N + 1, checked);
    }

    @ParameterizedTest(name = "prep rank {0}")
    @ValueSource(ints = {0, 2})
    void forwardFollowsTheEulerRecurrence(int prepRank) {
        CellModel m = model(prepRank);
        INDArray x = inputs(2);
        INDArray out = m.forward(x);
        double[][] j = m.array(MotorRateCell.J).toDoubleMatrix();
        double[][] b = m.array(MotorRateCell.B).toDoubleMatrix();
        double[][] u = m.array(MotorRateCell.U).toDoubleMatrix();
        double[][] v = m.array(MotorRateCell.V).toDoubleMatrix();
        double[][] up = prepRank > 0 ? m.array(MotorRateCell.U_PREP).toDoubleMatrix() : null;
        double[][] vp = prepRank > 0 ? m.array(MotorRateCell.V_PREP).toDoubleMatrix() : null;
        double[] w = m.array(Unroller.W_OUT).toDoubleVector();
        for (int trial = 0; trial < 2; trial++) {
            int mu = trial % MOTIFS;
            double[] state = new double[N];
            for (int t = 0; t < STEPS; t++) {
                double p = t < PREPARATION ? 1 : 0;
                double[] r = new double[N];
                for (int i = 0; i < N; i++) {
                    r[i] = Math.tanh(state[i]);
                }
                double vr = 0;
                for (int i = 0; i < N; i++) {
                    vr += v[i][mu] * r[i];
                }
                double[] next = new double[N];
                for (int i = 0; i < N; i++) {
                    double drive = (prepRank > 0 ? p : 1) * b[i][mu];          // multiplicative + prep: input in preparation only
                    for (int k = 0; k < N; k++) {
                        drive += 1.4 * j[i][k] * r[k];
                    }
                    drive += (prepRank > 0 ? 1 - p : 1) * u[i][mu] * vr;
                    for (int q = 0; q < prepRank; q++) {
                        double vq = 0;
                        for (int k = 0; k < N; k++) {
                            vq += vp[k][q] * r[k];
                        }
                        drive += p * up[i][q] * vq;
                    }
                    next[i] = state[i] + 0.1 * (-state[i] + drive);
                }
                state = next;
                double y = m.array(Unroller.B_OUT).getDouble(0);
                for (int i = 0; i < N; i++) {
                    y += w[i] * Math.tanh(state[i]);
                }
                assertEquals(y, out.getDouble(trial, 0, t), 1e-12, "y[" + trial + "," + t + "]");
            }
        }
    }

    /** Section 1.5: b1 during preparation, b2 after it; gradients and the recurrence written out. */
    @org.junit.jupiter.api.Test
    void twoInputsSwitchAtTheEndOfPreparation() {
        MotorRateCell.Config config = MotorRateCell.Config.twoInputs(N, MOTIFS).noiseless();
        CellModel m = Unroller.unroll(new MotorRateCell(config), 1, STEPS, DataType.DOUBLE, Loss.mse(), 6);
        m.array(MotorRateCell.B).assign(Nd4j.randn(DataType.DOUBLE, N, MOTIFS));
        m.array(MotorRateCell.B2).assign(Nd4j.randn(DataType.DOUBLE, N, MOTIFS));
        INDArray x = inputs(2);
        Nd4j.getRandom().setSeed(6);
        assertEquals(N * N + 2 * N * MOTIFS + N + 1, GradientCheck.check(m, x, Nd4j.randn(DataType.DOUBLE, 2, 1, STEPS), null));
        INDArray out = m.forward(x);
        double[][] j = m.array(MotorRateCell.J).toDoubleMatrix();
        double[][] b1 = m.array(MotorRateCell.B).toDoubleMatrix();
        double[][] b2 = m.array(MotorRateCell.B2).toDoubleMatrix();
        double[] w = m.array(Unroller.W_OUT).toDoubleVector();
        for (int trial = 0; trial < 2; trial++) {
            double[] state = new double[N];
            for (int t = 0; t < STEPS; t++) {
                double[] next = new double[N];
                for (int i = 0; i < N; i++) {
                    double drive = t < PREPARATION ? b1[i][trial % MOTIFS] : b2[i][trial % MOTIFS];
                    for (int k = 0; k < N; k++) {
                        drive += 1.4 * j[i][k] * Math.tanh(state[k]);
                    }
                    next[i] = state[i] + 0.1 * (-state[i] + drive);
                }
                state = next;
                double y = m.array(Unroller.B_OUT).getDouble(0);
                for (int i = 0; i < N; i++) {
                    y += w[i] * Math.tanh(state[i]);
                }
                assertEquals(y, out.getDouble(trial, 0, t), 1e-12, "y[" + trial + "," + t + "]");
            }
        }
    }
}
