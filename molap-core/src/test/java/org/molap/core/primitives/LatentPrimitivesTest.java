package org.molap.core.primitives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class LatentPrimitivesTest {

    private static final int B = 40;
    private static final int T = 30;

    /** A toy corpus: inputs [B, 5, T] (channel 0 a constant fixation), targets [B, 3, T] driven by them. */
    private static INDArray[] corpus(DataType type) {
        Random rng = new Random(23L);
        double[] in = new double[B * 5 * T];
        double[] out = new double[B * 3 * T];
        for (int b = 0; b < B; b++) {
            double a = rng.nextGaussian();
            double c = rng.nextGaussian();
            for (int t = 0; t < T; t++) {
                double[] x = {1.0, a * Math.sin(0.2 * t) + 0.3 * rng.nextGaussian(), c + 0.3 * rng.nextGaussian(),
                    rng.nextGaussian(), a + c + 0.1 * rng.nextGaussian()};
                double[] y = {x[1] + 0.2 * rng.nextGaussian(), x[2] - x[4] + 0.5 * rng.nextGaussian(), rng.nextGaussian()};
                for (int ch = 0; ch < 5; ch++) {
                    in[(b * 5 + ch) * T + t] = x[ch];
                }
                for (int ch = 0; ch < 3; ch++) {
                    out[(b * 3 + ch) * T + t] = y[ch];
                }
            }
        }
        return new INDArray[] {Nd4j.create(in, new long[] {B, 5, T}, DataType.DOUBLE).castTo(type),
            Nd4j.create(out, new long[] {B, 3, T}, DataType.DOUBLE).castTo(type)};
    }

    private static void assertUnitRange(INDArray v, int r) {
        assertArrayEquals(new long[] {B, r, T}, v.shape());
        for (int k = 0; k < r; k++) {
            INDArray comp = v.get(NDArrayIndex.all(), NDArrayIndex.point(k), NDArrayIndex.all());
            assertEquals(0.0, comp.minNumber().doubleValue(), 0.0, "min of component " + k);
            assertEquals(1.0, comp.maxNumber().doubleValue(), 0.0, "max of component " + k);
        }
    }

    @Test
    void aFitOnSomeChannelsIgnoresTheOthersAndEqualsTheFitOnThoseChannelsAlone() {
        INDArray[] c = corpus(DataType.DOUBLE);
        int[] inCols = {1, 2, 4};
        int[] outCols = {0, 1};
        LatentPrimitives part = LatentPrimitives.fit(c[0], c[1], 2, LatentPrimitives.Method.CCA, inCols, outCols);
        INDArray x = c[0].get(NDArrayIndex.all(), NDArrayIndex.indices(1, 2, 4), NDArrayIndex.all()).dup();
        INDArray y = c[1].get(NDArrayIndex.all(), NDArrayIndex.indices(0, 1), NDArrayIndex.all()).dup();
        LatentPrimitives alone = LatentPrimitives.fit(x, y, 2, LatentPrimitives.Method.CCA);
        assertArrayEquals(alone.canonicalCorrelations(), part.canonicalCorrelations(), 1e-12);
        assertTrue(alone.inputVariates(x).equalsWithEps(part.inputVariates(c[0]), 1e-12), "input variates");
        assertTrue(alone.targetVariates(y).equalsWithEps(part.targetVariates(c[1]), 1e-12), "target variates");
        // Poisoning a left-out channel changes nothing.
        INDArray poisoned = c[0].dup();
        poisoned.get(NDArrayIndex.all(), NDArrayIndex.point(3), NDArrayIndex.all()).assign(1e6);
        assertTrue(part.inputVariates(c[0]).equalsWithEps(part.inputVariates(poisoned), 0), "channel 3 has weight 0");
    }

    @Test
    void loadingsAreTheCorrelationsOfEachChannelWithItsVariate() {
        INDArray[] c = corpus(DataType.DOUBLE);
        LatentPrimitives lp = LatentPrimitives.fit(c[0], c[1], 2, LatentPrimitives.Method.CCA);
        double[][][] l = lp.loadings(c[0], c[1]);
        assertEquals(5, l[0].length);
        assertEquals(3, l[1].length);
        assertTrue(Double.isNaN(l[0][0][0]), "a constant channel has no correlation");
        // Known answer for one entry: Pearson correlation of target channel 0 with target variate 1, computed here.
        INDArray v = lp.targetVariates(c[1]);
        double[] a = c[1].get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.all()).dup().data().asDouble();
        double[] u = v.get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.all()).dup().data().asDouble();
        double ma = java.util.Arrays.stream(a).average().orElseThrow();
        double mu = java.util.Arrays.stream(u).average().orElseThrow();
        double sau = 0;
        double saa = 0;
        double suu = 0;
        for (int i = 0; i < a.length; i++) {
            sau += (a[i] - ma) * (u[i] - mu);
            saa += (a[i] - ma) * (a[i] - ma);
            suu += (u[i] - mu) * (u[i] - mu);
        }
        assertEquals(sau / Math.sqrt(saa * suu), l[1][0][0], 1e-9, "scaling a variate to [0, 1] does not change its correlations");
    }

    @Test
    void ccaVariatesAreScaledToUnitRangeOnTheFitData() {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray[] c = corpus(type);
            LatentPrimitives lp = LatentPrimitives.fit(c[0], c[1], 2, LatentPrimitives.Method.CCA);
            assertEquals(2, lp.components());
            assertEquals(LatentPrimitives.Method.CCA, lp.method());
            INDArray u = lp.inputVariates(c[0]);
            INDArray v = lp.targetVariates(c[1]);
            assertEquals(type, u.dataType());
            assertUnitRange(u, 2);
            assertUnitRange(v, 2);
            CanonicalCorrelation cca = CanonicalCorrelation.fit(LatentPrimitives.toSamples(c[0]),
                    LatentPrimitives.toSamples(c[1]), 2);
            assertArrayEquals(cca.correlations(), lp.canonicalCorrelations(), 0.0);
            assertTrue(lp.canonicalCorrelations()[0] > 0.8, "toy corpus is strongly coupled");
        }
    }

    @Test
    void variatesFollowTheSampleLayoutAndDoNotDependOnTheBatch() {
        INDArray[] c = corpus(DataType.DOUBLE);
        LatentPrimitives lp = LatentPrimitives.fit(c[0], c[1], 2, LatentPrimitives.Method.CCA);
        INDArray u = lp.inputVariates(c[0]);
        double[][] raw = lp.inputProjection().apply(LatentPrimitives.toSamples(c[0])).toDoubleMatrix();
        double[] min = lp.inputMin();
        double[] max = lp.inputMax();
        for (int b : new int[] {0, 17, B - 1}) {
            for (int t : new int[] {0, 11, T - 1}) {
                for (int k = 0; k < 2; k++) {
                    double expected = (raw[b * T + t][k] - min[k]) / (max[k] - min[k]);
                    assertEquals(expected, u.getDouble(b, k, t), 0.0);
                }
            }
        }
        INDArray some = c[0].get(NDArrayIndex.interval(5, 9), NDArrayIndex.all(), NDArrayIndex.all());
        assertEquals(u.get(NDArrayIndex.interval(5, 9), NDArrayIndex.all(), NDArrayIndex.all()), lp.inputVariates(some));
        // a trial from outside the fit data may fall outside [0, 1]
        INDArray shifted = c[0].get(NDArrayIndex.interval(0, 1), NDArrayIndex.all(), NDArrayIndex.all()).add(10.0);
        assertTrue(lp.inputVariates(shifted).amaxNumber().doubleValue() > 1.0);
    }

    @Test
    void pcaPairsInputAndTargetComponents() {
        INDArray[] c = corpus(DataType.FLOAT);
        LatentPrimitives lp = LatentPrimitives.fit(c[0], c[1], 2, LatentPrimitives.Method.PCA);
        assertUnitRange(lp.inputVariates(c[0]), 2);
        assertUnitRange(lp.targetVariates(c[1]), 2);
        PrincipalComponents px = PrincipalComponents.fit(LatentPrimitives.toSamples(c[0]), 2);
        PrincipalComponents py = PrincipalComponents.fit(LatentPrimitives.toSamples(c[1]), 2);
        assertArrayEquals(px.explainedVarianceRatio(), lp.details().get("inputExplainedVarianceRatio"), 0.0);
        INDArray both = Nd4j.hstack(px.transform(LatentPrimitives.toSamples(c[0])),
                py.transform(LatentPrimitives.toSamples(c[1])));
        double[][] cov = SyntheticData.covariance(both);
        for (int k = 0; k < 2; k++) {
            double corr = cov[k][2 + k] / Math.sqrt(cov[k][k] * cov[2 + k][2 + k]);
            assertEquals(corr, lp.canonicalCorrelations()[k], 1e-9);
        }
    }

    @Test
    void roundTripsThroughItsRecordAndJson(@TempDir Path dir) throws Exception {
        INDArray[] c = corpus(DataType.FLOAT);
        for (LatentPrimitives.Method m : LatentPrimitives.Method.values()) {
            LatentPrimitives lp = LatentPrimitives.fit(c[0], c[1], 2, m);
            LatentPrimitives viaMap = LatentPrimitives.of(lp.saved());
            Path file = dir.resolve(m + ".json");
            lp.save(file);
            assertTrue(Files.readString(file).contains(LatentPrimitives.FORMAT));
            LatentPrimitives loaded = LatentPrimitives.load(file);
            for (LatentPrimitives other : new LatentPrimitives[] {viaMap, loaded}) {
                assertEquals(m, other.method());
                assertArrayEquals(lp.canonicalCorrelations(), other.canonicalCorrelations(), 0.0);
                assertEquals(lp.inputVariates(c[0]), other.inputVariates(c[0]));
                assertEquals(lp.targetVariates(c[1]), other.targetVariates(c[1]));
                assertArrayEquals(lp.details().keySet().toArray(), other.details().keySet().toArray());
            }
        }
    }

    @Test
    void rejectsMismatchedShapes() {
        INDArray[] c = corpus(DataType.DOUBLE);
        INDArray fewer = c[1].get(NDArrayIndex.interval(0, 10), NDArrayIndex.all(), NDArrayIndex.all());
        assertThrows(IllegalArgumentException.class,
                () -> LatentPrimitives.fit(c[0], fewer, 2, LatentPrimitives.Method.CCA));
        LatentPrimitives lp = LatentPrimitives.fit(c[0], c[1], 2, LatentPrimitives.Method.CCA);
        assertThrows(IllegalArgumentException.class, () -> lp.inputVariates(c[1]));
        assertThrows(IllegalArgumentException.class, () -> lp.targetVariates(c[1].reshape(B, 3 * T)));
        assertThrows(IllegalArgumentException.class,
                () -> LatentPrimitives.fit(c[0], c[1], 4, LatentPrimitives.Method.CCA));
    }
}
