package org.molap.core.primitives;

import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Test data with known second moments. */
final class SyntheticData {

    private SyntheticData() {
    }

    /**
     * n samples whose 1/n sample covariance equals sigma exactly (up to rounding) and whose column means are
     * 0: Gaussian columns are centred, orthonormalised (modified Gram-Schmidt, twice) and scaled by sqrt(n),
     * then multiplied by the Cholesky factor of sigma.
     */
    static double[][] exactCovariance(double[][] sigma, int n, long seed) {
        int m = sigma.length;
        Random rng = new Random(seed);
        double[][] g = new double[m][n]; // columns stored as rows
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < n; i++) {
                g[j][i] = rng.nextGaussian();
            }
        }
        for (int j = 0; j < m; j++) {
            for (int pass = 0; pass < 2; pass++) {
                double mean = 0.0;
                for (double v : g[j]) {
                    mean += v;
                }
                mean /= n;
                for (int i = 0; i < n; i++) {
                    g[j][i] -= mean;
                }
                for (int k = 0; k < j; k++) {
                    double dot = Matrices.dot(g[j], g[k]);
                    for (int i = 0; i < n; i++) {
                        g[j][i] -= dot * g[k][i];
                    }
                }
                double norm = Math.sqrt(Matrices.dot(g[j], g[j]));
                for (int i = 0; i < n; i++) {
                    g[j][i] /= norm;
                }
            }
        }
        double[][] l = cholesky(sigma);
        double[][] data = new double[n][m];
        double root = Math.sqrt(n);
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < m; a++) {
                double s = 0.0;
                for (int k = 0; k <= a; k++) {
                    s += l[a][k] * g[k][i];
                }
                data[i][a] = s * root;
            }
        }
        return data;
    }

    /** n independent Gaussian samples with covariance sigma. */
    static double[][] sampled(double[][] sigma, int n, long seed) {
        int m = sigma.length;
        Random rng = new Random(seed);
        double[][] l = cholesky(sigma);
        double[][] data = new double[n][m];
        double[] z = new double[m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < m; k++) {
                z[k] = rng.nextGaussian();
            }
            for (int a = 0; a < m; a++) {
                double s = 0.0;
                for (int k = 0; k <= a; k++) {
                    s += l[a][k] * z[k];
                }
                data[i][a] = s;
            }
        }
        return data;
    }

    static double[][] cholesky(double[][] a) {
        return org.molap.core.analysis.Cholesky.factor(a);
    }

    /** Columns [from, to) of data as an [n, to - from] array of the given type. */
    static INDArray columns(double[][] data, int from, int to, DataType type) {
        int n = data.length;
        int m = to - from;
        double[] flat = new double[n * m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(data[i], from, flat, i * m, m);
        }
        INDArray a = Nd4j.create(flat, new long[] {n, m}, DataType.DOUBLE);
        return type == DataType.DOUBLE ? a : a.castTo(type);
    }

    /** A fixed well-conditioned random mixing matrix 2 I + N(0, 0.5^2). */
    static INDArray mixing(int p, long seed) {
        Random rng = new Random(seed);
        double[][] m = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                m[i][j] = (i == j ? 2.0 : 0.0) + 0.5 * rng.nextGaussian();
            }
        }
        return Matrices.toArray(m);
    }

    /** Sample covariance (1/n) of the columns of a [n, m] DOUBLE array. */
    static double[][] covariance(INDArray a) {
        return ColumnMoments.of(a).cov;
    }
}
