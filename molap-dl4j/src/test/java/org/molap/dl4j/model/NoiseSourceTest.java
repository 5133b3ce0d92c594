package org.molap.dl4j.model;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Noise written into a row block of a buffer lands there only, standard normal, in float and double. */
class NoiseSourceTest {
    @Test
    void fillsARowBlockWithStandardNormals() {
        for (DataType dtype : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray buffer = Nd4j.zeros(dtype, 3000, 100);
            new NoiseSource(1).fill(buffer.get(NDArrayIndex.interval(1000, 2000), NDArrayIndex.all()));
            INDArray block = buffer.get(NDArrayIndex.interval(1000, 2000), NDArrayIndex.all());
            assertEquals(0, buffer.get(NDArrayIndex.interval(0, 1000), NDArrayIndex.all()).amaxNumber().doubleValue(), 0, dtype + " before");
            assertEquals(0, buffer.get(NDArrayIndex.interval(2000, 3000), NDArrayIndex.all()).amaxNumber().doubleValue(), 0, dtype + " after");
            assertEquals(0, block.meanNumber().doubleValue(), 0.005, dtype + " mean");
            assertEquals(1, block.stdNumber().doubleValue(), 0.005, dtype + " std");
        }
    }
}
