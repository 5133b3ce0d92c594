package org.molap.dl4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.molap.dl4j.model.cells.LstmCell;
import org.molap.dl4j.model.cells.NmRnnCell;
import org.molap.dl4j.model.cells.RateRnnCell;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Seed 003's model variants (spec 003-2): gradients of the rank-1 linear symmetric and Element Finder NM-RNNs and
 * of the Element Finder baselines; the NM-RNN with its gate saturated at 1 is the low-rank RNN; parameter counts of
 * the supplement's parameter-matched models (spec table B.1.4).
 */
class Seed003CellsTest {
    private static final int STEPS = 5;

    private static INDArray random(long seed, long... shape) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.DOUBLE, shape);
    }

    private static void assertGradients(Cell cell, int outputs) {
        CellModel m = Unroller.unroll(cell, outputs, STEPS, DataType.DOUBLE, Loss.mse(), 4);
        int checked = GradientCheck.check(m, random(1, 2, cell.inputs(), STEPS), random(2, 2, outputs, STEPS), null);
        assertTrue(checked > 0);
    }

    @Test
    void gradientsOfTheVariants() {
        assertGradients(new NmRnnCell(new NmRnnCell.Config(6, 3, 1, 2, 2, 2, 3, 1, NmRnnCell.Variant.LINEAR_SYMMETRIC)), 1);
        assertGradients(new NmRnnCell(NmRnnCell.Config.elementFinder(3, 5, 2, 10, 2)), 1);
        assertGradients(RateRnnCell.elementFinder(5, 2), 1);
        assertGradients(new LstmCell(3, 1, true), 1);
    }

    @Test
    void theLinearSymmetricModelHasNoRAndTheElementFinderModelNoReadoutBias() {
        CellModel sym = Unroller.unroll(new NmRnnCell(NmRnnCell.Config.rankOne(3)), 1, STEPS, DataType.FLOAT, Loss.mse(), 1);
        assertTrue(!sym.parameters().containsKey(NmRnnCell.R));
        CellModel ef = Unroller.unroll(new NmRnnCell(NmRnnCell.Config.elementFinder(5, 18, 8, 10, 2)), 1, STEPS,
                DataType.FLOAT, Loss.mse(), 1);
        assertEquals(Unroller.FIXED, ef.groups().get(Unroller.B_OUT));
        assertEquals(0.0, ef.array(Unroller.B_OUT).getDouble(0), 0.0);
        assertEquals(Unroller.FIXED, ef.groups().get("x0"));
        assertTrue(ef.array("x0").std(true).getDouble() > 0.1, "x_0 drawn from N(0, 1/N)");
    }

    /** With A = 0 and b = 50 the gate is 1 in double and the NM-RNN is the low-rank RNN of the same scale. */
    @Test
    void saturatedGateGivesTheLowRankRnn() {
        int n = 7;
        for (double scale : new double[] {1, 1.0 / n}) {
            CellModel nm = Unroller.unroll(new NmRnnCell(new NmRnnCell.Config(n, 3, 2, 2, 2, 4, 5, scale)), 2, STEPS,
                    DataType.DOUBLE, Loss.mse(), 5);
            CellModel lr = Unroller.unroll(new RateRnnCell(n, 2, 2, 4, scale, true, 1, true), 2, STEPS,
                    DataType.DOUBLE, Loss.mse(), 6);
            nm.array(NmRnnCell.A).assign(0);
            nm.array(NmRnnCell.B_S).assign(50);
            for (String[] pair : List.of(new String[] {NmRnnCell.L, RateRnnCell.L}, new String[] {NmRnnCell.R, RateRnnCell.R},
                    new String[] {NmRnnCell.B_XU, RateRnnCell.B}, new String[] {Unroller.W_OUT, Unroller.W_OUT},
                    new String[] {Unroller.B_OUT, Unroller.B_OUT})) {
                lr.array(pair[1]).assign(nm.array(pair[0]));
            }
            INDArray u = random(3, 3, 2, STEPS);
            double gap = nm.forward(u).sub(lr.forward(u)).amaxNumber().doubleValue();
            assertTrue(gap < 1e-12, "scale " + scale + ": max difference " + gap);
        }
    }

    private static long count(Cell cell, int outputs) {
        return ParameterTable.of(Unroller.unroll(cell, outputs, 2, DataType.FLOAT, Loss.mse(), 1)).total();
    }

    @Test
    void parameterCountsOfTheSupplementsModels() {
        // Measure-Wait-Go: 3 inputs, 1 output
        assertEquals(1059, count(new NmRnnCell(NmRnnCell.Config.measureWaitGo(3)), 1));
        assertEquals(1061, count(new RateRnnCell(106, 3, 3, 10), 1));
        assertEquals(1086, count(new RateRnnCell(31, 3, 0, 10), 1));
        assertEquals(1155, count(new LstmCell(15, 3), 1));
        // Multitask: x reads 3 task inputs, z also the 3 contexts; 3 outputs
        assertEquals(1786, count(new NmRnnCell(NmRnnCell.Config.multitask(3, 3)), 3));
        assertEquals(1503, count(new RateRnnCell(100, 6, 3, 10), 3));
        assertEquals(489, count(new RateRnnCell(18, 6, 0, 10), 3));
        assertEquals(504, count(new LstmCell(8, 6), 3));
        // Element Finder: 1 input, 1 output; NM-RNN (M, N, K), LR-RNN (N, K)
        int[][] nm = {{5, 18, 8, 497}, {5, 13, 12, 510}, {10, 14, 5, 483}, {10, 12, 7, 509}, {15, 6, 5, 497}};
        for (int[] c : nm) {
            assertEquals(c[3], count(new NmRnnCell(NmRnnCell.Config.elementFinder(c[0], c[1], c[2], 10, 2)), 1));
        }
        int[][] lr = {{23, 10, 506}, {31, 7, 496}, {50, 4, 500}, {83, 2, 498}};
        for (int[] c : lr) {
            assertEquals(c[2], count(RateRnnCell.elementFinder(c[0], c[1]), 1));
        }
        assertEquals(490, count(new LstmCell(10, 1, true), 1));
        assertEquals(288, count(new RateRnnCell(16, 1, 0, 10, 1.0 / 16, true, 1, false), 1));
    }
}
