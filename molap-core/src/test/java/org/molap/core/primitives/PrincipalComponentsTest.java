package org.molap.core.primitives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PrincipalComponentsTest {

    /** Correlation matrix [[1, .5, 0], [.5, 1, 0], [0, 0, 1]] (eigenvalues 1.5, 1, 0.5) with stds 2, 0.5, 3. */
    private static INDArray data(DataType type) {
        double[] sd = {2.0, 0.5, 3.0};
        double[][] r = {{1, 0.5, 0}, {0.5, 1, 0}, {0, 0, 1}};
        double[][] cov = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                cov[i][j] = r[i][j] * sd[i] * sd[j];
            }
        }
        double[][] d = SyntheticData.exactCovariance(cov, 3000, 17L);
        return SyntheticData.columns(d, 0, 3, type).addi(5.0);
    }

    @Test
    void standardisedExplainedVarianceMatchesTheCorrelationMatrix() {
        PrincipalComponents pca = PrincipalComponents.fit(data(DataType.FLOAT), 3);
        assertEquals(PrincipalComponents.Scaling.STANDARDISED, pca.scaling());
        assertArrayEquals(new double[] {0.5, 1.0 / 3, 1.0 / 6}, pca.explainedVarianceRatio(), 1e-5);
        assertArrayEquals(new double[] {1.5, 1.0, 0.5}, pca.variances(), 1e-5);
        double[][] l = pca.loadings().toDoubleMatrix();
        double h = Math.sqrt(0.5);
        assertArrayEquals(new double[] {h, h, 0.0}, new double[] {l[0][0], l[1][0], l[2][0]}, 1e-5);
        assertArrayEquals(new double[] {0.0, 0.0, 1.0}, new double[] {l[0][1], l[1][1], l[2][1]}, 1e-5);
        // scores: uncorrelated with the eigenvalues as variances
        INDArray scores = pca.transform(data(DataType.DOUBLE));
        double[][] c = SyntheticData.covariance(scores);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(i == j ? pca.variances()[i] : 0.0, c[i][j], 1e-5);
            }
        }
    }

    @Test
    void centredExplainedVarianceMatchesTheCovariance() {
        // covariance eigenvalues of diag(4, .25, 9) with the .5 correlation block: block [[4, .5], [.5, .25]]
        PrincipalComponents pca = PrincipalComponents.fit(data(DataType.DOUBLE), 2,
                PrincipalComponents.Scaling.CENTRED);
        double tr = 4 + 0.25 + 9;
        double disc = Math.sqrt((4 - 0.25) * (4 - 0.25) / 4 + 0.25);
        double l1 = (4 + 0.25) / 2 + disc;
        assertArrayEquals(new double[] {9 / tr, l1 / tr}, pca.explainedVarianceRatio(), 1e-9);
        assertArrayEquals(new double[] {1.0, 1.0, 1.0}, pca.projection().scales(), 0.0);
    }

    @Test
    void constantColumnCarriesNoVarianceAndRejectsTooManyComponents() {
        INDArray x = Nd4j.hstack(data(DataType.DOUBLE), Nd4j.valueArrayOf(new long[] {3000, 1}, 0.7, DataType.DOUBLE));
        PrincipalComponents pca = PrincipalComponents.fit(x, 4);
        assertArrayEquals(new double[] {0.5, 1.0 / 3, 1.0 / 6, 0.0}, pca.explainedVarianceRatio(), 1e-9);
        assertEquals(1.0, pca.projection().scales()[3]);
        assertThrows(IllegalArgumentException.class, () -> PrincipalComponents.fit(x, 5));
    }
}
