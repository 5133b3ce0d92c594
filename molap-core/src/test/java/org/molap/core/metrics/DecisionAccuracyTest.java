package org.molap.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class DecisionAccuracyTest {

    /** [trials, 1, T] filled with one value per trial. */
    private static INDArray constant(DataType type, int t, double... perTrial) {
        INDArray a = Nd4j.zeros(type, perTrial.length, 1, t);
        for (int b = 0; b < perTrial.length; b++) {
            a.get(NDArrayIndex.point(b), NDArrayIndex.all(), NDArrayIndex.all()).assign(perTrial[b]);
        }
        return a;
    }

    @Test
    void absoluteToleranceAlsoForZeroTargets() {
        INDArray out = constant(DataType.DOUBLE, 40, 0.05, 0.15, -0.05, -0.15);
        INDArray tgt = constant(DataType.DOUBLE, 40, 0.0, 0.0, 0.0, 0.0);
        assertArrayEquals(new double[] {0.5}, DecisionAccuracy.perUnit(out, tgt, 30, 0.1), 0.0);
        assertEquals(0.5, DecisionAccuracy.accuracy(out, tgt), 0.0);
    }

    @Test
    void boundaryAtExactlyTheToleranceIsCorrect() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray out = constant(type, 30, 0.5, 0.5, 0.5);
            INDArray tgt = constant(type, 30, 0.625, 0.375, 0.6875);
            // |0.5 - 0.625| = |0.5 - 0.375| = 0.125 (correct), 0.1875 (wrong)
            assertArrayEquals(new double[] {2.0 / 3}, DecisionAccuracy.perUnit(out, tgt, 30, 0.125), 0.0);
        }
    }

    @Test
    void onlyTheLastWindowCounts() {
        INDArray out = constant(DataType.FLOAT, 50, 1.0, 1.0);
        INDArray tgt = constant(DataType.FLOAT, 50, 1.0, 1.0);
        // garbage before the last 30 steps of trial 0; a wrong value inside the window of trial 1
        out.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.interval(0, 20)).assign(1e6);
        out.putScalar(new long[] {1, 0, 20}, 10.0);
        assertArrayEquals(new double[] {0.5}, DecisionAccuracy.perUnit(out, tgt, 30, 0.1), 0.0);
        // the window mean, not each step, is compared: +0.2 and -0.2 inside the window average out
        INDArray wiggle = constant(DataType.DOUBLE, 30, 0.0);
        for (int t = 0; t < 30; t++) {
            wiggle.putScalar(new long[] {0, 0, t}, t % 2 == 0 ? 0.25 : -0.25);
        }
        assertEquals(1.0, DecisionAccuracy.accuracy(wiggle, constant(DataType.DOUBLE, 30, 0.0), 30, 0.1), 0.0);
    }

    @Test
    void averagesOverOutputUnits() {
        // unit 0 always right, unit 1 right in 2 of 4 trials -> perUnit [1, 0.5], accuracy 0.75
        INDArray out = Nd4j.zeros(DataType.DOUBLE, 4, 2, 35);
        INDArray tgt = Nd4j.zeros(DataType.DOUBLE, 4, 2, 35);
        out.get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.all()).assign(0.8);
        tgt.get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.all()).assign(0.75);
        out.get(NDArrayIndex.interval(0, 2), NDArrayIndex.point(1), NDArrayIndex.all()).assign(0.5);
        assertArrayEquals(new double[] {1.0, 0.5}, DecisionAccuracy.perUnit(out, tgt, 30, 0.1), 0.0);
        assertEquals(0.75, DecisionAccuracy.accuracy(out, tgt, 30, 0.1), 0.0);
    }

    @Test
    void nanOutputsAreWrong() {
        INDArray out = constant(DataType.DOUBLE, 30, Double.NaN, 0.0);
        assertEquals(0.5, DecisionAccuracy.accuracy(out, constant(DataType.DOUBLE, 30, 0.0, 0.0)), 0.0);
    }

    @Test
    void rejectsBadShapesAndWindows() {
        INDArray a = Nd4j.zeros(DataType.DOUBLE, 3, 2, 20);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DecisionAccuracy.perUnit(a, Nd4j.zeros(DataType.DOUBLE, 3, 3, 20), 10, 0.1));
        assertEquals(true, e.getMessage().contains("same shape"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DecisionAccuracy.accuracy(a, a.dup(), 21, 0.1));
        assertThrows(IllegalArgumentException.class, () -> DecisionAccuracy.accuracy(a, a.dup(), 0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> DecisionAccuracy.accuracy(a, a.dup(), 10, -0.1));
        assertThrows(IllegalArgumentException.class,
                () -> DecisionAccuracy.accuracy(a.reshape(6, 20), a.reshape(6, 20), 10, 0.1));
        assertThrows(IllegalArgumentException.class, () -> DecisionAccuracy.accuracy(a, a.dup())); // T = 20 < 30
    }
}
