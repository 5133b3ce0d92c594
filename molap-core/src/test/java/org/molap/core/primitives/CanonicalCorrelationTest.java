package org.molap.core.primitives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CanonicalCorrelationTest {

    // X = [z1 + ex1, z2 + ex2, x3, x4], Y = [z1 + ey1, z2 + ey2, y3]; z, x3, x4, y3 unit variance.
    // rho_i = 1 / sqrt((1 + sx_i^2) (1 + sy_i^2)).
    private static final double SX1 = 0.25;
    private static final double SY1 = 0.25;
    private static final double SX2 = 1.0;
    private static final double SY2 = 0.5625;
    static final double[] RHO = {1.0 / Math.sqrt((1 + SX1) * (1 + SY1)),
        1.0 / Math.sqrt((1 + SX2) * (1 + SY2)), 0.0}; // 0.8, 0.5657, 0

    static double[][] jointCovariance() {
        double[][] s = new double[7][7];
        s[0][0] = 1 + SX1;
        s[1][1] = 1 + SX2;
        s[2][2] = 1;
        s[3][3] = 1;
        s[4][4] = 1 + SY1;
        s[5][5] = 1 + SY2;
        s[6][6] = 1;
        s[0][4] = s[4][0] = 1;
        s[1][5] = s[5][1] = 1;
        return s;
    }

    /** [X, Y] with the exact joint sample covariance, each side mixed by a random invertible matrix. */
    static INDArray[] exactData(int n, DataType type) {
        double[][] d = SyntheticData.exactCovariance(jointCovariance(), n, 7L);
        INDArray x = SyntheticData.columns(d, 0, 4, DataType.DOUBLE).mmul(SyntheticData.mixing(4, 11L)).addi(3.0);
        INDArray y = SyntheticData.columns(d, 4, 7, DataType.DOUBLE).mmul(SyntheticData.mixing(3, 13L)).subi(1.5);
        return new INDArray[] {x.castTo(type), y.castTo(type)};
    }

    private static double maxError(double[] fitted, double[] expected) {
        double e = 0.0;
        for (int i = 0; i < fitted.length; i++) {
            e = Math.max(e, Math.abs(fitted[i] - expected[i]));
        }
        return e;
    }

    @Test
    void recoversKnownCorrelationsDouble() {
        INDArray[] xy = exactData(5000, DataType.DOUBLE);
        CanonicalCorrelation cca = CanonicalCorrelation.fit(xy[0], xy[1], 3);
        double err = maxError(cca.correlations(), RHO);
        System.out.printf("CCA exact-moment data, DOUBLE: max |rho_hat - rho| = %.3e%n", err);
        assertEquals(3, cca.components());
        assertTrue(err < 1e-3, "error " + err);
        assertTrue(err < 1e-6, "double precision fit should be far tighter, error " + err);
    }

    @Test
    void recoversKnownCorrelationsFloat() {
        INDArray[] xy = exactData(5000, DataType.FLOAT);
        CanonicalCorrelation cca = CanonicalCorrelation.fit(xy[0], xy[1], 2);
        double err = maxError(cca.correlations(), RHO);
        System.out.printf("CCA exact-moment data, FLOAT: max |rho_hat - rho| = %.3e%n", err);
        assertTrue(err < 1e-3, "error " + err);
    }

    @Test
    void sampledGaussianDataWithinSamplingError() {
        // Plain Gaussian samples: the sample canonical correlations differ from rho by O((1 - rho^2) / sqrt(n))
        // (about 1.7e-3 for rho = 0.57 at n = 2e5), so the tolerance is statistical, not 1e-3.
        double[][] d = SyntheticData.sampled(jointCovariance(), 200_000, 5L);
        INDArray x = SyntheticData.columns(d, 0, 4, DataType.FLOAT).mmul(SyntheticData.mixing(4, 11L).castTo(DataType.FLOAT));
        INDArray y = SyntheticData.columns(d, 4, 7, DataType.FLOAT);
        CanonicalCorrelation cca = CanonicalCorrelation.fit(x, y, 2);
        double err = maxError(cca.correlations(), RHO);
        System.out.printf("CCA sampled Gaussian data n=200000: fitted %s, max error %.3e%n",
                java.util.Arrays.toString(cca.correlations()), err);
        assertTrue(err < 1e-2, "error " + err);
    }

    @Test
    void variatesAreWhitenedAndPairedByTheCorrelations() {
        INDArray[] xy = exactData(5000, DataType.DOUBLE);
        CanonicalCorrelation cca = CanonicalCorrelation.fit(xy[0], xy[1], 3);
        INDArray u = cca.transformX(xy[0]);
        INDArray v = cca.transformY(xy[1]);
        assertArrayEquals(new long[] {5000, 3}, u.shape());
        assertEquals(DataType.DOUBLE, u.dataType());
        double[][] c = SyntheticData.covariance(Nd4j.hstack(u, v));
        double[] rho = cca.correlations();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double id = i == j ? 1.0 : 0.0;
                assertEquals(id, c[i][j], 1e-6, "cov(U" + i + ", U" + j + ")");
                assertEquals(id, c[3 + i][3 + j], 1e-6, "cov(V" + i + ", V" + j + ")");
                double cross = c[i][3 + j] / Math.sqrt(c[i][i] * c[3 + j][3 + j]);
                assertEquals(i == j ? rho[i] : 0.0, cross, 1e-6, "corr(U" + i + ", V" + j + ")");
            }
        }
        double meanU = u.meanNumber().doubleValue();
        assertEquals(0.0, meanU, 1e-9);
    }

    @Test
    void invariantToColumnScalingAndOffsets() {
        INDArray[] xy = exactData(2000, DataType.DOUBLE);
        CanonicalCorrelation a = CanonicalCorrelation.fit(xy[0], xy[1], 2);
        INDArray scale = Nd4j.createFromArray(new double[] {1e3, 0.01, 7.0, 0.5}).reshape(1, 4);
        INDArray xs = xy[0].mulRowVector(scale).addi(42.0);
        INDArray ys = xy[1].mul(1e-4);
        CanonicalCorrelation b = CanonicalCorrelation.fit(xs, ys, 2);
        assertArrayEquals(a.correlations(), b.correlations(), 1e-9);
        INDArray ua = a.transformX(xy[0]);
        INDArray ub = b.transformX(xs);
        assertTrue(ua.equalsWithEps(ub, 1e-7), "U changed under column scaling");
        assertTrue(a.transformY(xy[1]).equalsWithEps(b.transformY(ys), 1e-7));
        // a negative factor flips a column: correlations are unchanged
        INDArray flip = Nd4j.createFromArray(new double[] {-1.0, 1.0, 1.0, -3.0}).reshape(1, 4);
        CanonicalCorrelation c = CanonicalCorrelation.fit(xy[0].mulRowVector(flip), xy[1], 2);
        assertArrayEquals(a.correlations(), c.correlations(), 1e-9);
    }

    @Test
    void constantAndCollinearColumnsAreHandled() {
        INDArray[] xy = exactData(2000, DataType.DOUBLE);
        long n = xy[0].size(0);
        INDArray constant = Nd4j.valueArrayOf(new long[] {n, 1}, 0.1, DataType.DOUBLE); // 0.1: not exact
        INDArray zeros = Nd4j.zeros(DataType.DOUBLE, n, 1);
        INDArray duplicate = xy[0].getColumn(1).reshape(n, 1).dup();
        INDArray x = Nd4j.hstack(constant, xy[0], zeros, duplicate);
        INDArray y = Nd4j.hstack(xy[1], zeros.dup());
        CanonicalCorrelation cca = CanonicalCorrelation.fit(x, y, 3);
        double err = maxError(cca.correlations(), RHO);
        System.out.printf("CCA with constant, zero and duplicated columns: max error %.3e%n", err);
        assertTrue(err < 1e-3, "error " + err);
        double[][] a = cca.xWeights().toDoubleMatrix();
        double[][] b = cca.yWeights().toDoubleMatrix();
        for (int k = 0; k < 3; k++) {
            assertEquals(0.0, a[0][k]);
            assertEquals(0.0, a[5][k]);
            assertEquals(0.0, b[3][k]);
        }
        assertEquals(1.0, cca.xStds()[0]);
        assertEquals(1.0, cca.xStds()[5]);
        assertEquals(0.1, cca.xMeans()[0], 1e-12);
        INDArray u = cca.transformX(x);
        assertFalse(u.isNaN().any() || u.isInfinite().any());
        double maxAbs = cca.xWeights().amaxNumber().doubleValue();
        assertTrue(maxAbs < 100, "collinear columns blew up the weights: " + maxAbs);
        // later data in which the duplicated columns differ slightly change the variates only slightly
        INDArray noisy = x.dup();
        noisy.getColumn(6).addi(Nd4j.randn(42L, new long[] {n}).muli(1e-3));
        double change = cca.transformX(noisy).sub(u).amaxNumber().doubleValue();
        System.out.printf("CCA: max |weight| %.3g, variate change for 1e-3 noise on a duplicate column %.3g%n",
                maxAbs, change);
        assertTrue(change < 1e-2, "variates amplify noise on collinear columns: " + change);
        // the variates still have unit variance and the right pairwise correlation
        double[][] c = SyntheticData.covariance(Nd4j.hstack(u, cca.transformY(y)));
        for (int k = 0; k < 2; k++) {
            assertEquals(1.0, c[k][k], 1e-6);
            assertEquals(RHO[k], c[k][3 + k] / Math.sqrt(c[k][k] * c[3 + k][3 + k]), 1e-6);
        }
    }

    @Test
    void refitsAreIdenticalAndFollowTheSignConvention() {
        INDArray[] xy = exactData(2000, DataType.FLOAT);
        CanonicalCorrelation a = CanonicalCorrelation.fit(xy[0], xy[1], 3);
        CanonicalCorrelation b = CanonicalCorrelation.fit(xy[0].dup(), xy[1].dup(), 3);
        assertEquals(a.xWeights(), b.xWeights());
        assertEquals(a.yWeights(), b.yWeights());
        assertArrayEquals(a.correlations(), b.correlations(), 0.0);
        double[][] w = a.xWeights().toDoubleMatrix();
        for (int k = 0; k < 3; k++) {
            int arg = 0;
            for (int i = 1; i < w.length; i++) {
                if (Math.abs(w[i][k]) > Math.abs(w[arg][k])) {
                    arg = i;
                }
            }
            assertTrue(w[arg][k] > 0, "largest loading of component " + k + " should be positive");
        }
    }

    @Test
    void rejectsBadArguments() {
        INDArray[] xy = exactData(100, DataType.DOUBLE);
        assertThrows(IllegalArgumentException.class, () -> CanonicalCorrelation.fit(xy[0], xy[1], 4));
        assertThrows(IllegalArgumentException.class, () -> CanonicalCorrelation.fit(xy[0], xy[1], 0));
        assertThrows(IllegalArgumentException.class,
                () -> CanonicalCorrelation.fit(xy[0], xy[1].get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 50),
                        org.nd4j.linalg.indexing.NDArrayIndex.all()), 1));
        INDArray nan = xy[0].dup();
        nan.putScalar(3, 2, Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> CanonicalCorrelation.fit(nan, xy[1], 1));
        // two of three y columns constant: only one component exists
        INDArray y = xy[1].dup();
        y.getColumn(0).assign(1.0);
        y.getColumn(2).assign(0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CanonicalCorrelation.fit(xy[0], y, 2));
        assertTrue(e.getMessage().contains("r <= 1"), e.getMessage());
    }
}
