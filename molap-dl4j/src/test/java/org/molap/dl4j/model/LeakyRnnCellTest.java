package org.molap.dl4j.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.molap.dl4j.model.cells.LeakyRnnCell;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;


import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The leaky tanh cell on the unroller: gradients and a known forward answer. (Before RnnGraph became this cell, the
 * cell gave that graph's loss and gradients to 1e-13; ElmanBpttTest checks the fast engine against it.)
 */
class LeakyRnnCellTest {
    private static final int UNITS = 6;
    private static final int INPUTS = 2;
    private static final int OUTPUTS = 3;
    private static final int STEPS = 7;

    private static CellModel model(double leak, Loss loss) {
        CellModel m = Unroller.unroll(new LeakyRnnCell(UNITS, INPUTS, leak, 1.5), OUTPUTS, STEPS, DataType.DOUBLE, loss, 11);
        m.array(LeakyRnnCell.BIAS).assign(Nd4j.randn(DataType.DOUBLE, 1, UNITS).muli(0.3));
        m.array(Unroller.B_OUT).assign(0.2);
        return m;
    }

    private static INDArray random(long seed, long... shape) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.DOUBLE, shape);
    }

    @ParameterizedTest(name = "leak {0}")
    @ValueSource(doubles = {0.2, 1.0})
    void gradientsMatchCentralDifferencesWithPenaltiesAndAMask(double leak) {
        Loss loss = Loss.mse().masked().withL2(1e-2, LeakyRnnCell.W_REC, LeakyRnnCell.W_IN, Unroller.W_OUT).withActivity(1e-1);
        CellModel m = model(leak, loss);
        INDArray x = random(1, 4, INPUTS, STEPS);
        INDArray y = random(2, 4, OUTPUTS, STEPS);
        INDArray mask = Nd4j.ones(DataType.DOUBLE, 4, STEPS);
        mask.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 3)).assign(0);       // the first three steps do not count
        int checked = GradientCheck.check(m, x, y, mask);
        assertEquals(UNITS * UNITS + UNITS + UNITS * INPUTS + OUTPUTS * UNITS + OUTPUTS, checked);
        GradientCheck.check(model(leak, Loss.bce()), x, Nd4j.rand(DataType.DOUBLE, 4, OUTPUTS, STEPS).gt(0.5).castTo(DataType.DOUBLE), null);
    }

    @ParameterizedTest(name = "leak {0}")
    @ValueSource(doubles = {0.2, 1.0})
    void forwardFollowsThePlainRecurrence(double leak) {
        CellModel m = model(leak, Loss.mse());
        INDArray x = random(3, 3, INPUTS, STEPS);
        INDArray out = m.forward(x);
        INDArray states = m.observed(x);
        INDArray wRec = m.array(LeakyRnnCell.W_REC);
        INDArray wIn = m.array(LeakyRnnCell.W_IN);
        INDArray b = m.array(LeakyRnnCell.BIAS);
        INDArray wOut = m.array(Unroller.W_OUT);
        INDArray bOut = m.array(Unroller.B_OUT);
        for (int trial = 0; trial < 3; trial++) {
            double[] h = new double[UNITS];
            for (int t = 0; t < STEPS; t++) {
                double[] next = new double[UNITS];
                for (int i = 0; i < UNITS; i++) {
                    double a = b.getDouble(0, i);
                    for (int j = 0; j < UNITS; j++) {
                        a += wRec.getDouble(i, j) * h[j];
                    }
                    for (int c = 0; c < INPUTS; c++) {
                        a += wIn.getDouble(i, c) * x.getDouble(trial, c, t);
                    }
                    next[i] = (1 - leak) * h[i] + leak * Math.tanh(a);
                }
                h = next;
                for (int i = 0; i < UNITS; i++) {
                    assertEquals(h[i], states.getDouble(trial, i, t), 1e-12, "h[" + trial + "," + i + "," + t + "]");
                }
                for (int o = 0; o < OUTPUTS; o++) {
                    double yo = bOut.getDouble(0, o);
                    for (int i = 0; i < UNITS; i++) {
                        yo += wOut.getDouble(o, i) * h[i];
                    }
                    assertEquals(yo, out.getDouble(trial, o, t), 1e-12, "y[" + trial + "," + o + "," + t + "]");
                }
            }
        }
    }
}
