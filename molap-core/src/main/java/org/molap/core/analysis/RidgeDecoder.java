package org.molap.core.analysis;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A linear decoder y ~ W'(x - mean_x) + mean_y fitted by ridge regression, scored by the coefficient of
 * determination R^2 = 1 - MSE / Var(y) on held-out data. Used to ask what a population of units encodes:
 * e.g. how long a remembered stimulus stays linearly decodable from the hidden state.
 */
public final class RidgeDecoder {
    private final double[] xMean;
    private final double[] yMean;
    private final double[][] weights; // [p][q]

    private RidgeDecoder(double[] xMean, double[] yMean, double[][] weights) {
        this.xMean = xMean;
        this.yMean = yMean;
        this.weights = weights;
    }

    /** Fits on samples x [n, p] and targets y [n, q] with penalty {@code lambda * ||W||^2} (lambda > 0). */
    public static RidgeDecoder fit(INDArray x, INDArray y, double lambda) {
        if (x.rank() != 2 || y.rank() != 2 || x.size(0) != y.size(0)) {
            throw new IllegalArgumentException("A decoder needs x [n, p] and y [n, q] with the same n; got "
                    + java.util.Arrays.toString(x.shape()) + " and " + java.util.Arrays.toString(y.shape()) + ".");
        }
        if (!(lambda > 0)) {
            throw new IllegalArgumentException("The ridge penalty must be positive, got " + lambda + ".");
        }
        double[][] xs = rows(x);
        double[][] ys = rows(y);
        int n = xs.length;
        int p = xs[0].length;
        int q = ys[0].length;
        double[] mx = means(xs, p);
        double[] my = means(ys, q);
        double[][] gram = new double[p][p];
        double[][] cross = new double[p][q];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < p; i++) {
                double xi = xs[s][i] - mx[i];
                for (int j = 0; j <= i; j++) {
                    gram[i][j] += xi * (xs[s][j] - mx[j]);
                }
                for (int k = 0; k < q; k++) {
                    cross[i][k] += xi * (ys[s][k] - my[k]);
                }
            }
        }
        for (int i = 0; i < p; i++) {
            gram[i][i] += lambda;
            for (int j = 0; j < i; j++) {
                gram[j][i] = gram[i][j];
            }
        }
        return new RidgeDecoder(mx, my, Cholesky.solve(gram, cross));
    }

    /** Predictions [n, q] for samples x [n, p]. */
    public double[][] predict(INDArray x) {
        double[][] xs = rows(x);
        double[][] out = new double[xs.length][yMean.length];
        for (int s = 0; s < xs.length; s++) {
            for (int k = 0; k < yMean.length; k++) {
                double v = yMean[k];
                for (int i = 0; i < xMean.length; i++) {
                    v += (xs[s][i] - xMean[i]) * weights[i][k];
                }
                out[s][k] = v;
            }
        }
        return out;
    }

    /** R^2 per target column on (x, y): 1 - MSE / variance of y (0 for predicting the mean, negative if worse). */
    public double[] r2(INDArray x, INDArray y) {
        double[][] pred = predict(x);
        double[][] ys = rows(y);
        int q = yMean.length;
        double[] my = means(ys, q);
        double[] r2 = new double[q];
        for (int k = 0; k < q; k++) {
            double sse = 0;
            double sst = 0;
            for (int s = 0; s < ys.length; s++) {
                sse += Math.pow(ys[s][k] - pred[s][k], 2);
                sst += Math.pow(ys[s][k] - my[k], 2);
            }
            r2[k] = sst == 0 ? Double.NaN : 1 - sse / sst;
        }
        return r2;
    }

    /** Rows of a 2-D array as double[][], by one bulk copy (toDoubleMatrix is ~100x slower on large arrays). */
    private static double[][] rows(INDArray a) {
        int n = (int) a.size(0);
        int p = (int) a.size(1);
        double[] flat = a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        double[][] out = new double[n][p];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * p, out[i], 0, p);
        }
        return out;
    }

    private static double[] means(double[][] rows, int cols) {
        double[] m = new double[cols];
        for (double[] r : rows) {
            for (int j = 0; j < cols; j++) {
                m[j] += r[j] / rows.length;
            }
        }
        return m;
    }
}
