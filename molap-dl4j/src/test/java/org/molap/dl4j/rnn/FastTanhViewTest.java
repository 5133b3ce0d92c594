package org.molap.dl4j.rnn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** FastTanh.inPlace on a row block of a larger buffer changes that block only, to tanh. */
class FastTanhViewTest {
    @Test
    void tanhOfARowBlockInPlace() {
        INDArray buffer = Nd4j.rand(DataType.FLOAT, 12, 5).subi(0.5).muli(4);
        INDArray before = buffer.dup();
        FastTanh.inPlace(buffer.get(NDArrayIndex.interval(4, 8), NDArrayIndex.all()), new float[20]);
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 5; j++) {
                double expected = i >= 4 && i < 8 ? Math.tanh(before.getDouble(i, j)) : before.getDouble(i, j);
                assertEquals(expected, buffer.getDouble(i, j), 4e-7, "[" + i + "," + j + "]");
            }
        }
    }
}
