package org.molap.core.primitives;

/**
 * Eigen-decomposition of a small real symmetric matrix by the cyclic Jacobi method, in plain Java.
 * Eigenvalues are sorted in descending order; {@code vectors[i][k]} is entry i of eigenvector k.
 * Accurate to rounding for the tens-of-columns covariances used here.
 */
final class SymmetricEigen {

    private static final int MAX_SWEEPS = 100;

    final double[] values;
    final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    static SymmetricEigen of(double[][] matrix) {
        int n = matrix.length;
        double[][] a = Matrices.copy(matrix);
        double[][] v = Matrices.identity(n);
        double frob = 0.0;
        for (double[] row : a) {
            for (double x : row) {
                frob += x * x;
            }
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0.0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off == 0.0 || off <= 1e-32 * frob) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p][q];
                    if (apq == 0.0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2.0 * apq);
                    double t = theta == 0.0 ? 1.0
                            : Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1.0));
                    double c = 1.0 / Math.sqrt(t * t + 1.0);
                    double s = t * c;
                    for (int k = 0; k < n; k++) { // columns p, q
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) { // rows p, q
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] diag = new double[n];
        for (int i = 0; i < n; i++) {
            diag[i] = a[i][i];
        }
        int[] order = Matrices.descendingOrder(diag);
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int k = 0; k < n; k++) {
            values[k] = diag[order[k]];
            for (int i = 0; i < n; i++) {
                vectors[i][k] = v[i][order[k]];
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** Number of eigenvalues strictly above the cutoff. */
    int rankAbove(double cutoff) {
        int r = 0;
        for (double v : values) {
            if (v > cutoff) {
                r++;
            }
        }
        return r;
    }

    /**
     * Regularised pseudo-inverse square root: sum over eigenvalues above {@code cutoff} of
     * (value + ridge)^{-1/2} q q'. Directions at or below the cutoff (collinear columns, rounding) get
     * weight 0 instead of a huge one.
     */
    double[][] inverseSqrt(double ridge, double cutoff) {
        int n = values.length;
        double[][] w = new double[n][n];
        for (int k = 0; k < n; k++) {
            if (!(values[k] > cutoff) || !(values[k] + ridge > 0.0)) {
                continue;
            }
            double f = 1.0 / Math.sqrt(values[k] + ridge);
            for (int i = 0; i < n; i++) {
                double vik = vectors[i][k] * f;
                for (int j = 0; j < n; j++) {
                    w[i][j] += vik * vectors[j][k];
                }
            }
        }
        return w;
    }
}
