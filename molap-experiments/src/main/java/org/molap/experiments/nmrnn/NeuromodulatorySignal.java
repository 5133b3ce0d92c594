package org.molap.experiments.nmrnn;

import java.util.Map;
import org.molap.dl4j.model.Unroller;
import org.molap.dl4j.model.cells.NmRnnCell;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The neuromodulatory signal s_t = sigmoid(A z_t + b) of a trained NM-RNN on given inputs (seed 003's Figs. 3-5 plot
 * it), by the cell's recurrence in plain Java, and the Element Finder model's output with one component of s clamped
 * (the supplement's ablation). The z network does not read x in the code's and the linear symmetric forms, so s
 * follows from the inputs alone; the Element Finder form feeds tanh(x) back into z, so x runs too.
 */
public final class NeuromodulatorySignal {
    private final NmRnnCell.Config c;
    private final double[][] wzz;
    private final double[][] bzu;
    private final double[][] a;
    private final double[] bs;
    private final boolean feedback;
    private final double[][] wzx;
    private final double[] bz;
    private final double[][] l;
    private final double[][] r;
    private final double[][] bxu;
    private final double[] readout;
    private final double[] x0;
    private final double[] z0;

    /** What one run gives: s [B, K, T] and, for the Element Finder form, the output y [B, T]. */
    public record Run(INDArray gates, INDArray outputs) {
    }

    public NeuromodulatorySignal(NmRnnCell.Config c, Map<String, INDArray> params) {
        this.c = c;
        this.wzz = matrix(params, NmRnnCell.W_ZZ);
        this.bzu = matrix(params, NmRnnCell.B_ZU);
        this.a = matrix(params, NmRnnCell.A);
        this.bs = params.get(NmRnnCell.B_S).castTo(DataType.DOUBLE).toDoubleVector();
        this.feedback = c.variant() == NmRnnCell.Variant.ELEMENT_FINDER;
        this.wzx = feedback ? matrix(params, NmRnnCell.W_ZX) : null;
        this.bz = feedback ? params.get(NmRnnCell.B_Z).castTo(DataType.DOUBLE).toDoubleVector() : null;
        this.l = feedback ? matrix(params, NmRnnCell.L) : null;
        this.r = feedback ? matrix(params, NmRnnCell.R) : null;
        this.bxu = feedback ? matrix(params, NmRnnCell.B_XU) : null;
        this.readout = feedback ? params.get(Unroller.W_OUT).castTo(DataType.DOUBLE).toDoubleVector() : null;
        this.x0 = feedback ? params.get("x0").castTo(DataType.DOUBLE).toDoubleVector() : null;
        this.z0 = feedback ? params.get("z0").castTo(DataType.DOUBLE).toDoubleVector() : filled(c.nmUnits(), 0.1);
    }

    /** s [B, K, T] for inputs [B, U, T]. */
    public static INDArray of(NmRnnCell.Config c, Map<String, INDArray> params, INDArray inputs) {
        return new NeuromodulatorySignal(c, params).run(inputs, -1, null).gates();
    }

    /**
     * Runs inputs [B, U, T]; with {@code clamped} >= 0 (the Element Finder form only), s_clamped is held at
     * {@code level[b]} in trial b at every step.
     */
    public Run run(INDArray inputs, int clamped, double[] level) {
        if (clamped >= 0 && !feedback) {
            throw new IllegalArgumentException("Clamping runs the Element Finder form only.");
        }
        int batch = (int) inputs.size(0);
        int steps = (int) inputs.size(2);
        int m = c.nmUnits();
        int k = c.rank();
        double[][] in = inputs.castTo(DataType.DOUBLE).reshape(batch, c.inputs() * steps).toDoubleMatrix();
        INDArray gates = Nd4j.zeros(DataType.DOUBLE, batch, k, steps);
        INDArray outputs = feedback ? Nd4j.zeros(DataType.DOUBLE, batch, steps) : null;
        for (int b = 0; b < batch; b++) {
            double[] z = z0.clone();
            double[] x = feedback ? x0.clone() : null;
            double[] u = new double[c.inputs()];
            for (int t = 0; t < steps; t++) {
                for (int i = 0; i < u.length; i++) {
                    u[i] = in[b][i * steps + t];
                }
                double[] zNext = new double[m];
                for (int i = 0; i < m; i++) {
                    double drive = dot(wzz[i], z, true) + dot(bzu[i], u, false);
                    if (feedback) {
                        drive += dot(wzx[i], x, true) + bz[i];
                    }
                    zNext[i] = (1 - 1 / c.tauZ()) * z[i] + drive / c.tauZ();
                }
                double[] s = new double[k];
                for (int i = 0; i < k; i++) {
                    s[i] = i == clamped ? level[b] : 1 / (1 + Math.exp(-(bs[i] + dot(a[i], zNext, false))));
                    gates.putScalar(b, i, t, s[i]);
                }
                if (feedback) {
                    x = elementFinderStep(x, s, u);
                    outputs.putScalar(b, t, dot(readout, x, false));
                }
                z = zNext;
            }
        }
        return new Run(gates, outputs);
    }

    /** x_t of the Element Finder form: (1 - 1/tau_x) x + (1/tau_x) (c L diag(s) R' tanh(x) + B_xu u). */
    private double[] elementFinderStep(double[] x, double[] s, double[] u) {
        int n = x.length;
        double[] projected = new double[c.rank()];
        for (int q = 0; q < c.rank(); q++) {
            for (int j = 0; j < n; j++) {
                projected[q] += r[j][q] * Math.tanh(x[j]);
            }
            projected[q] *= s[q] * c.lowRankScale();
        }
        double[] next = new double[n];
        for (int i = 0; i < n; i++) {
            double drive = dot(l[i], projected, false) + dot(bxu[i], u, false);
            next[i] = (1 - 1 / c.tauX()) * x[i] + drive / c.tauX();
        }
        return next;
    }

    private static double dot(double[] w, double[] v, boolean tanh) {
        double sum = 0;
        for (int j = 0; j < v.length; j++) {
            sum += w[j] * (tanh ? Math.tanh(v[j]) : v[j]);
        }
        return sum;
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
