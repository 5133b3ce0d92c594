package org.molap.core.analysis;

/** Solves A X = B for a symmetric positive definite A by Cholesky factorisation (A = L L'). */
public final class Cholesky {
    private Cholesky() {
    }

    /** The lower-triangular L with A = L L'; a matrix that is not positive definite is an IllegalArgumentException. */
    public static double[][] factor(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalArgumentException("The matrix is not positive definite; increase the ridge penalty.");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    /** X with A X = B, for a symmetric positive definite A. */
    public static double[][] solve(double[][] a, double[][] b) {
        int n = a.length;
        double[][] l = factor(a);
        int m = b[0].length;
        double[][] x = new double[n][m];
        for (int c = 0; c < m; c++) {
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                double s = b[i][c];
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * z[k];
                }
                z[i] = s / l[i][i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = z[i];
                for (int k = i + 1; k < n; k++) {
                    s -= l[k][i] * x[k][c];
                }
                x[i][c] = s / l[i][i];
            }
        }
        return x;
    }
}
