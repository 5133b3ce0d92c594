package org.molap.core.analysis;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Known answers: exact linear data, pure noise, and a known signal-to-noise ratio. */
class RidgeDecoderTest {

    /** y0 = 2 x0 - x1 + 3 (exact), y1 = x2 + noise of the same variance (R^2 = 1/2), y2 = noise (R^2 = 0). */
    private static INDArray[] data(int n, long seed) {
        Random rng = new Random(seed);
        double[][] x = new double[n][4];
        double[][] y = new double[n][3];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < 4; j++) {
                x[s][j] = rng.nextGaussian();
            }
            y[s][0] = 2 * x[s][0] - x[s][1] + 3;
            y[s][1] = x[s][2] + rng.nextGaussian();
            y[s][2] = rng.nextGaussian();
        }
        return new INDArray[] {Nd4j.create(x), Nd4j.create(y)};
    }

    @Test
    void recoversKnownCoefficientsOfDetermination() {
        INDArray[] train = data(20_000, 1);
        INDArray[] test = data(20_000, 2);
        double[] r2 = RidgeDecoder.fit(train[0], train[1], 1e-6).r2(test[0], test[1]);
        assertEquals(1.0, r2[0], 1e-9);
        assertEquals(0.5, r2[1], 0.02);
        assertEquals(0.0, r2[2], 0.01);
    }

    @Test
    void predictsTheExactLinearMapIncludingTheIntercept() {
        INDArray[] train = data(500, 3);
        double[][] p = RidgeDecoder.fit(train[0], train[1], 1e-9).predict(Nd4j.create(new double[][] {{1, 1, 0, 0}, {0, 0, 0, 0}}));
        assertEquals(4.0, p[0][0], 1e-6);
        assertEquals(3.0, p[1][0], 1e-6);
    }

    @Test
    void rejectsMismatchedShapesAndNonPositivePenalty() {
        assertThrows(IllegalArgumentException.class, () -> RidgeDecoder.fit(Nd4j.zeros(5, 2), Nd4j.zeros(4, 1), 1));
        assertThrows(IllegalArgumentException.class, () -> RidgeDecoder.fit(Nd4j.zeros(5, 2), Nd4j.zeros(5, 1), 0));
    }
}
