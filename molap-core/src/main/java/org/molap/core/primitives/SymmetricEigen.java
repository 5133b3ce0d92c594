package org.molap.core.primitives;

import org.ejml.data.DMatrixRMaj;
import org.molap.core.analysis.Ejml;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigen-decomposition of a real symmetric matrix (EJML's symmetric QR algorithm). Eigenvalues are sorted in
 * descending order; {@code vectors[i][k]} is entry i of eigenvector k (its sign is EJML's: callers that need one
 * fix it, see {@link Matrices#fixSigns}).
 */
final class SymmetricEigen {
    final double[] values;
    final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    static SymmetricEigen of(double[][] matrix) {
        int n = matrix.length;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(Ejml.matrix(matrix))) {
            throw new IllegalArgumentException("The eigen-decomposition of a " + n + " x " + n + " symmetric matrix did not converge.");
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(eig.getEigenvalue(j).real, eig.getEigenvalue(i).real));
        double[] values = new double[n];
        double[][] vectors = new double[n][n];
        for (int k = 0; k < n; k++) {
            values[k] = eig.getEigenvalue(order[k]).real;
            DMatrixRMaj v = eig.getEigenVector(order[k]);
            for (int i = 0; i < n; i++) {
                vectors[i][k] = v.get(i);
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
