package org.molap.core.primitives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plain-Java Jacobi eigen-decomposition and SVD behind CCA and PCA. */
class SmallLinearAlgebraTest {

    private static double[][] random(int n, int m, long seed) {
        Random rng = new Random(seed);
        double[][] a = new double[n][m];
        for (double[] row : a) {
            for (int j = 0; j < m; j++) {
                row[j] = rng.nextGaussian();
            }
        }
        return a;
    }

    private static void assertOrthonormalColumns(double[][] q, double tol) {
        double[][] g = Matrices.multiply(Matrices.transpose(q), q);
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g.length; j++) {
                assertEquals(i == j ? 1.0 : 0.0, g[i][j], tol);
            }
        }
    }

    @Test
    void eigenDecompositionReconstructsAndSorts() {
        double[][] b = random(25, 25, 1L);
        double[][] s = Matrices.multiply(b, Matrices.transpose(b));
        SymmetricEigen e = SymmetricEigen.of(s);
        assertOrthonormalColumns(e.vectors, 1e-12);
        for (int k = 1; k < 25; k++) {
            assertTrue(e.values[k - 1] >= e.values[k]);
        }
        for (int i = 0; i < 25; i++) {
            for (int j = 0; j < 25; j++) {
                double r = 0.0;
                for (int k = 0; k < 25; k++) {
                    r += e.vectors[i][k] * e.values[k] * e.vectors[j][k];
                }
                assertEquals(s[i][j], r, 1e-10);
            }
        }
        double[][] w = e.inverseSqrt(0.0, 0.0);
        double[][] id = Matrices.multiply(Matrices.multiply(w, s), w);
        for (int i = 0; i < 25; i++) {
            assertEquals(1.0, id[i][i], 1e-8);
        }
    }

    @Test
    void svdReconstructsTallWideAndRankDeficientMatrices() {
        for (int[] dims : new int[][] {{25, 22}, {22, 25}, {5, 5}}) {
            double[][] k = random(dims[0], dims[1], 2L);
            checkSvd(k);
        }
        // rank 2 matrix 6 x 4: two zero singular values, completed vectors still orthonormal
        double[][] l = random(6, 2, 3L);
        double[][] r = random(2, 4, 4L);
        JacobiSvd svd = checkSvd(Matrices.multiply(l, r));
        assertEquals(0.0, svd.s[2], 1e-12);
        assertEquals(0.0, svd.s[3], 1e-12);
    }

    private static JacobiSvd checkSvd(double[][] k) {
        JacobiSvd svd = JacobiSvd.of(k);
        int m = Math.min(k.length, k[0].length);
        assertEquals(m, svd.s.length);
        assertOrthonormalColumns(svd.u, 1e-12);
        assertOrthonormalColumns(svd.v, 1e-12);
        for (int c = 1; c < m; c++) {
            assertTrue(svd.s[c - 1] >= svd.s[c]);
        }
        for (int i = 0; i < k.length; i++) {
            for (int j = 0; j < k[0].length; j++) {
                double x = 0.0;
                for (int c = 0; c < m; c++) {
                    x += svd.u[i][c] * svd.s[c] * svd.v[j][c];
                }
                assertEquals(k[i][j], x, 1e-12);
            }
        }
        return svd;
    }
}
