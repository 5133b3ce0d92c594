package org.molap.experiments.motifs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.molap.dl4j.model.cells.MotorRateCell;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The preparatory module at the quick profile's size (seed 001 WI-2's quick acceptance), and its eigen analysis. */
class PreparatoryModuleTest {

    @Test
    void theModuleQuenchesActivityAndStabilisesItsOwnJOnly() {
        MotorRateCell.Config network = MotorRateCell.Config.additive(100, 4);
        Nd4j.getRandom().setSeed(5);
        INDArray j = Nd4j.randn(DataType.FLOAT, 100, 100).divi(10);                     // N(0, 1/N)
        PreparatoryModule.Analysis r = PreparatoryModule.train(network, j, PreparatoryModule.Settings.quick(), 7).analysis();
        // the spec's quick gate is a 90% fall; passive decay alone (g J + U V' = 0) would leave about 7% of the first
        // minibatch's cost, and 300 minibatches reach about 11% (a single minibatch's cost, so noisy): 85% is asked
        assertTrue(r.phase().lastLoss() < 0.15 * r.phase().firstLoss(), "the cost falls by 85%: " + r.phase());
        assertTrue(r.relativeNorm(70) < 0.03, "|r(7 tau)| / |r(0.1 tau)| = " + r.relativeNorm(70));
        assertTrue(r.relativeNorm(50) < 0.1, "|r(5 tau)| / |r(0.1 tau)| = " + r.relativeNorm(50));
        assertTrue(r.maxRealWithout() > 1, "g J alone is unstable (g = 1.4): " + r.maxRealWithout());
        assertTrue(r.maxRealWithModule() < 1, "g J + U V' is stable: " + r.maxRealWithModule());
        assertTrue(r.maxRealRandomJ() > 1, "with a fresh J the module does not help: " + r.maxRealRandomJ());
    }

    @Test
    void theLargestRealPartOfAKnownSpectrum() {
        // a rotation by 90 degrees scaled by 2 (eigenvalues +-2i) plus 0.5 I, and a diagonal entry 1.5
        INDArray m = Nd4j.createFromArray(new double[][] {{0.5, -2, 0}, {2, 0.5, 0}, {0, 0, 1.5}});
        assertEquals(1.5, PreparatoryModule.maxRealEigenvalue(m), 1e-12);
        assertEquals(0.5, PreparatoryModule.maxRealEigenvalue(m.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2))), 1e-12);
    }
}
