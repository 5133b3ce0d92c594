package org.molap.dl4j.model;

import org.junit.jupiter.api.Test;
import org.molap.dl4j.model.cells.EncodedReluCell;
import org.molap.dl4j.model.cells.LstmCell;
import org.molap.dl4j.model.cells.RateRnnCell;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The baselines of seeds 002 and 003 on the unroller (LSTM, vanilla and low-rank rate RNNs, the encoder-fed ReLU RNN):
 * gradients against central differences, and each forward pass against its recurrence written with plain arrays.
 */
class BaselineCellsTest {
    private static final int STEPS = 5;

    private static INDArray random(long seed, long... shape) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.randn(DataType.DOUBLE, shape);
    }

    /** Input of step t of trial b as a column. */
    private static INDArray column(INDArray x, int b, int t) {
        return x.get(NDArrayIndex.point(b), NDArrayIndex.all(), NDArrayIndex.point(t)).dup().reshape(x.size(1), 1);
    }

    /** Runs {@code step} (state, input) -> state and {@code read} state -> output column against the model's outputs. */
    private static void assertForward(CellModel m, INDArray x, INDArray[] start,
                                      BiFunction<INDArray[], INDArray, INDArray[]> step, java.util.function.Function<INDArray[], INDArray> read) {
        INDArray out = m.forward(x);
        for (int b = 0; b < x.size(0); b++) {
            INDArray[] state = start.clone();
            for (int t = 0; t < STEPS; t++) {
                state = step.apply(state, column(x, b, t));
                INDArray y = read.apply(state);
                for (int o = 0; o < y.length(); o++) {
                    assertEquals(y.getDouble(o), out.getDouble(b, o, t), 1e-12, "y[" + b + "," + o + "," + t + "]");
                }
            }
        }
    }

    private static INDArray readout(CellModel m, INDArray r) {
        return m.array(Unroller.W_OUT).mmul(r).add(m.array(Unroller.B_OUT).reshape(-1, 1));
    }

    private static INDArray sigmoid(INDArray a) {
        return Transforms.sigmoid(a, true);
    }

    @Test
    void lstm() {
        int n = 4;
        CellModel m = Unroller.unroll(new LstmCell(n, 3), 2, STEPS, DataType.DOUBLE, Loss.mse(), 1);
        INDArray x = random(1, 2, 3, STEPS);
        assertEquals(4 * n * 3 + 4 * n * n + 4 * n + 2 * n + 2, GradientCheck.check(m, x, random(2, 2, 2, STEPS), null));
        INDArray wu = m.array(LstmCell.W_U);
        INDArray wh = m.array(LstmCell.W_H);
        INDArray bias = m.array(LstmCell.BIAS).reshape(-1, 1);
        INDArray start = Nd4j.zeros(DataType.DOUBLE, n, 1).addi(0.1);
        assertForward(m, x, new INDArray[] {start, start}, (s, u) -> {
            INDArray pre = wu.mmul(u).add(wh.mmul(s[0])).add(bias);
            INDArray i = sigmoid(pre.get(NDArrayIndex.interval(0, n), NDArrayIndex.all()));
            INDArray f = sigmoid(pre.get(NDArrayIndex.interval(n, 2 * n), NDArrayIndex.all()));
            INDArray o = sigmoid(pre.get(NDArrayIndex.interval(2 * n, 3 * n), NDArrayIndex.all()));
            INDArray g = Transforms.tanh(pre.get(NDArrayIndex.interval(3 * n, 4 * n), NDArrayIndex.all()), true);
            INDArray c = f.mul(s[1]).add(i.mul(g));
            return new INDArray[] {o.mul(Transforms.tanh(c, true)), c};
        }, s -> readout(m, s[0]));
    }

    @Test
    void vanillaAndLowRankRateRnns() {
        int n = 6;
        for (int rank : new int[] {0, 2}) {
            CellModel m = Unroller.unroll(new RateRnnCell(n, 2, rank, 3), 1, STEPS, DataType.DOUBLE, Loss.mse(), 2);
            INDArray x = random(3, 2, 2, STEPS);
            int recurrent = rank == 0 ? n * n : 2 * n * rank;
            assertEquals(recurrent + 2 * n + n + 1, GradientCheck.check(m, x, random(4, 2, 1, STEPS), null));
            INDArray w = rank == 0 ? m.array(RateRnnCell.W)
                    : orthonormal(m.array(RateRnnCell.L)).mmul(m.array(RateRnnCell.R).transpose());
            INDArray b = m.array(RateRnnCell.B);
            assertForward(m, x, new INDArray[] {Nd4j.zeros(DataType.DOUBLE, n, 1).addi(0.1)},
                    (s, u) -> new INDArray[] {s[0].mul(1 - 1 / 3.0).add(w.mmul(Transforms.tanh(s[0], true)).div(3.0 * n))
                            .add(b.mmul(u).div(3.0))},
                    s -> readout(m, s[0]));
        }
    }

    @Test
    void encodedReluRnnWithATanhReadout() {
        int n = 5;
        CellModel m = Unroller.unroll(new EncodedReluCell(n, 2, 4, 3), 2, STEPS, DataType.DOUBLE, Loss.tanhMse(), 3);
        INDArray x = random(5, 2, 3, STEPS);
        int encoder = 4 * 2 + 4 + 3 * 4 + 3;
        assertEquals(encoder + n * 4 + n + n * n + n + 2 * n + 2,
                GradientCheck.check(m, x, random(6, 2, 2, STEPS).gt(0).castTo(DataType.DOUBLE).muli(2).subi(1), null));
        assertTrue(m.parametersIn(EncodedReluCell.ENCODER).containsAll(java.util.List.of("W1", "b1", "W2", "b2")));
        assertForward(m, x, new INDArray[] {Nd4j.zeros(DataType.DOUBLE, n, 1)}, (s, u) -> {
            INDArray stim = u.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all());
            INDArray h = Transforms.relu(m.array("W1").mmul(stim).add(m.array("b1").reshape(-1, 1)), true);
            INDArray e = m.array("W2").mmul(h).add(m.array("b2").reshape(-1, 1));
            INDArray in = Nd4j.vstack(u.get(NDArrayIndex.interval(0, 1), NDArrayIndex.all()), e);
            INDArray pre = m.array(EncodedReluCell.W_IN).mmul(in).add(m.array(EncodedReluCell.B_IN).reshape(-1, 1))
                    .add(m.array(EncodedReluCell.W_REC).mmul(s[0])).add(m.array(EncodedReluCell.B_REC).reshape(-1, 1));
            return new INDArray[] {Transforms.relu(pre, true)};
        }, s -> Transforms.tanh(readout(m, s[0]), true));
    }

    /** Gram-Schmidt with plain arrays. */
    private static INDArray orthonormal(INDArray l) {
        INDArray q = l.dup();
        for (int k = 0; k < q.columns(); k++) {
            INDArray w = q.getColumn(k).dup();
            for (int j = 0; j < k; j++) {
                INDArray qj = q.getColumn(j);
                w.subi(qj.mul(qj.mul(w).sumNumber().doubleValue()));
            }
            q.putColumn(k, w.div(w.norm2Number().doubleValue()));
        }
        return q;
    }
}
