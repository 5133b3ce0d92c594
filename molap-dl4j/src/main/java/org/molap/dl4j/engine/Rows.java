package org.molap.dl4j.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Matrices as arrays of rows ({@code double[rows][cols]}), for the fast engines of the small networks (seed 003's
 * NM-RNN and LSTM, seed 002's ReLU RNN). At their sizes (a few thousand entries per step) one ND4J op costs more in
 * call and allocation than its arithmetic, so a whole time step runs as Java loops. The engines keep a step's states
 * feature-major, one row per unit over the trials of the batch, and a sequence as T such blocks of rows
 * ({@code [T * features][B]}); every product then runs along a row. Rows are separate arrays on purpose: JDK 17's
 * JIT vectorises {@code out[b] += s * in[b]} but not the same loop at two different offsets of flat arrays (measured:
 * 25 ns against 92 ns for 256 doubles), since it cannot rule out that they overlap.
 */
final class Rows {
    private Rows() {
    }

    /** The entries of {@code a} (any shape, any order) in row-major order, as doubles. */
    static double[] values(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    /** A 2-d array as rows of doubles. */
    static double[][] of(INDArray a) {
        return split(values(a), (int) a.size(0), (int) a.size(1));
    }

    /** [B, C, T] sequences as T blocks of C rows over the B trials. */
    static double[][] featureMajor(INDArray sequences) {
        return split(values(sequences.permute(2, 1, 0)), (int) (sequences.size(2) * sequences.size(1)), (int) sequences.size(0));
    }

    /** Time-major rows [T*B, O] (a gradient from {@link MaskedMse}) as T blocks of O rows over the B trials. */
    static double[][] featureMajor(INDArray rows, int steps, int batch) {
        return split(values(rows.reshape(steps, batch, rows.size(1)).permute(0, 2, 1)), (int) (steps * rows.size(1)), batch);
    }

    /** T blocks of O rows over B trials, from row {@code row}, as the time-major rows [T*B, O] of {@link MaskedMse}. */
    static INDArray timeMajorRows(double[][] blocks, int row, int features, int steps, DataType dtype) {
        int batch = blocks[row].length;
        double[] flat = new double[steps * features * batch];
        for (int t = 0; t < steps; t++) {
            for (int f = 0; f < features; f++) {
                double[] in = blocks[row + t * features + f];
                for (int b = 0; b < batch; b++) {
                    flat[(t * batch + b) * features + f] = in[b];
                }
            }
        }
        return Nd4j.create(flat, new long[] {(long) steps * batch, features}, 'c').castTo(dtype);
    }

    /** The rows as a 2-d array of {@code dtype}. */
    static INDArray array(double[][] rows, DataType dtype) {
        return array(rows, 0, rows.length, dtype);
    }

    /** {@code count} rows from {@code from} as a 2-d array of {@code dtype}. */
    static INDArray array(double[][] rows, int from, int count, DataType dtype) {
        int cols = rows[from].length;
        double[] flat = new double[count * cols];
        for (int r = 0; r < count; r++) {
            System.arraycopy(rows[from + r], 0, flat, r * cols, cols);
        }
        return Nd4j.create(flat, new long[] {count, cols}, 'c').castTo(dtype);
    }

    /**
     * out[outRow + i] += sum_j w[i][j] in[inRow + j], for the rows of w (m x k); four input rows per pass over an
     * output row, which loads and stores it a quarter as often (4.3 -> 3.6 ms per iteration of seed 003's LSTM).
     */
    static void multiply(double[][] w, double[][] in, int inRow, double[][] out, int outRow) {
        multiply(w, 0, w.length, in, inRow, out, outRow);
    }

    /** The same with the m rows of w from {@code wRow}: trial-major states times a weight, for example. */
    static void multiply(double[][] w, int wRow, int m, double[][] in, int inRow, double[][] out, int outRow) {
        int k = w[wRow].length;
        for (int i = 0; i < m; i++) {
            double[] o = out[outRow + i];
            double[] wi = w[wRow + i];
            int j = 0;
            for (; j + 4 <= k; j += 4) {
                double s0 = wi[j];
                double s1 = wi[j + 1];
                double s2 = wi[j + 2];
                double s3 = wi[j + 3];
                double[] x0 = in[inRow + j];
                double[] x1 = in[inRow + j + 1];
                double[] x2 = in[inRow + j + 2];
                double[] x3 = in[inRow + j + 3];
                for (int b = 0; b < o.length; b++) {
                    o[b] += s0 * x0[b] + s1 * x1[b] + s2 * x2[b] + s3 * x3[b];
                }
            }
            for (; j < k; j++) {
                axpy(wi[j], in[inRow + j], o);
            }
        }
    }

    /** y += s x. */
    static void axpy(double s, double[] x, double[] y) {
        for (int b = 0; b < y.length; b++) {
            y[b] += s * x[b];
        }
    }

    /** Adds {@code bias[i]} to every entry of row outRow + i. */
    static void addColumn(double[] bias, double[][] out, int outRow) {
        for (int i = 0; i < bias.length; i++) {
            double[] o = out[outRow + i];
            double v = bias[i];
            for (int b = 0; b < o.length; b++) {
                o[b] += v;
            }
        }
    }

    /**
     * The gradient of a weight, sum over steps t and trials b of d_t[:, b] s_t[:, b]', from T blocks of m rows of d
     * (from row {@code dRow}) and T blocks of k rows of s (from {@code sRow}), as an m x k array of {@code dtype}.
     * Each entry first sums per trial, along the rows (which vectorises, where a dot product of two rows does not:
     * 4400-long dots run at 2-4 GFLOP/s here), then over the trials.
     */
    static INDArray weightGradient(double[][] d, int dRow, int m, double[][] s, int sRow, int k, int steps, DataType dtype) {
        int batch = d[dRow].length;
        double[][] perTrial = new double[m * k][batch];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < m; i++) {
                double[] di = d[dRow + t * m + i];
                int j = 0;
                for (; j + 2 <= k; j += 2) {
                    double[] s0 = s[sRow + t * k + j];
                    double[] s1 = s[sRow + t * k + j + 1];
                    double[] a0 = perTrial[i * k + j];
                    double[] a1 = perTrial[i * k + j + 1];
                    for (int b = 0; b < batch; b++) {
                        a0[b] += di[b] * s0[b];
                        a1[b] += di[b] * s1[b];
                    }
                }
                for (; j < k; j++) {
                    double[] sj = s[sRow + t * k + j];
                    double[] a = perTrial[i * k + j];
                    for (int b = 0; b < batch; b++) {
                        a[b] += di[b] * sj[b];
                    }
                }
            }
        }
        double[] g = new double[m * k];
        for (int e = 0; e < g.length; e++) {
            for (double v : perTrial[e]) {
                g[e] += v;
            }
        }
        return Nd4j.create(g, new long[] {m, k}, 'c').castTo(dtype);
    }

    /** The sum over steps and trials of each of the m features of T blocks of rows, as a [1, m] array. */
    static INDArray biasGradient(double[][] d, int m, int steps, DataType dtype) {
        double[] sums = new double[m];
        for (int t = 0; t < steps; t++) {
            for (int i = 0; i < m; i++) {
                double sum = 0;
                for (double v : d[t * m + i]) {
                    sum += v;
                }
                sums[i] += sum;
            }
        }
        return Nd4j.create(sums, new long[] {1, m}, 'c').castTo(dtype);
    }

    /** Zeroes the first {@code count} rows. */
    static void clear(double[][] rows, int count) {
        for (int i = 0; i < count; i++) {
            java.util.Arrays.fill(rows[i], 0);
        }
    }

    /** next = keep * previous + rate * drive (the leaky Euler step of one unit over the batch). */
    static void leak(double[] previous, double keep, double rate, double[] drive, double[] next) {
        for (int i = 0; i < next.length; i++) {
            next[i] = keep * previous[i] + rate * drive[i];
        }
    }

    /** into += keep * grad + rate * back * (1 - tanh^2): the gradient of the state one step earlier. */
    static void chain(double[] grad, double keep, double rate, double[] back, double[] tanh, double[] into) {
        for (int i = 0; i < into.length; i++) {
            into[i] += keep * grad[i] + rate * back[i] * (1 - tanh[i] * tanh[i]);
        }
    }

    private static double[][] split(double[] flat, int rows, int cols) {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = java.util.Arrays.copyOfRange(flat, r * cols, (r + 1) * cols);
        }
        return out;
    }
}
