package org.molap.dl4j.rnn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The direct BLAS products against ND4J's own gemm, on whole arrays and on row intervals inside larger buffers. */
class GemmTest {

    /** Rows [from, from + rows) of a larger random buffer: a view with a non-zero offset. */
    private static INDArray rowsOf(DataType dtype, long from, long rows, long cols) {
        INDArray buffer = Nd4j.rand(dtype, from + rows + 3, cols).subi(0.5);
        return buffer.get(NDArrayIndex.interval(from, from + rows), NDArrayIndex.all());
    }

    @Test
    void everyTransposeCombinationMatchesNd4jGemmOnViews() {
        for (DataType dtype : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    INDArray a = ta ? rowsOf(dtype, 5, 7, 4) : rowsOf(dtype, 5, 4, 7);   // op(A) is [4, 7]
                    INDArray b = tb ? rowsOf(dtype, 2, 6, 7) : rowsOf(dtype, 2, 7, 6);   // op(B) is [7, 6]
                    INDArray c = rowsOf(dtype, 9, 4, 6);
                    INDArray expected = Nd4j.gemm(a, b, c.dup(), ta, tb, 0.7, 0.3);
                    INDArray before = c.dup();
                    INDArray outside = c.get(NDArrayIndex.interval(0, 0), NDArrayIndex.all());
                    Gemm.into(a, ta, b, tb, c, 0.7, 0.3);
                    double tol = dtype == DataType.FLOAT ? 1e-5 : 1e-12;
                    assertTrue(expected.equalsWithEps(c, tol), dtype + " ta=" + ta + " tb=" + tb);
                    assertEquals(0, outside.length());
                    assertTrue(!before.equals(c), "C was written");
                }
            }
        }
    }

    @Test
    void rowsOutsideTheViewAreUntouched() {
        INDArray buffer = Nd4j.rand(DataType.FLOAT, 10, 3);
        INDArray kept = buffer.dup();
        INDArray middle = buffer.get(NDArrayIndex.interval(4, 6), NDArrayIndex.all());
        Gemm.into(Nd4j.ones(DataType.FLOAT, 2, 2), false, Nd4j.ones(DataType.FLOAT, 2, 3), false, middle, 1, 0);
        for (int i = 0; i < 10; i++) {
            INDArray expected = i == 4 || i == 5 ? Nd4j.valueArrayOf(new long[] {3}, 2f) : kept.getRow(i);
            assertEquals(expected, buffer.getRow(i), "row " + i);
        }
    }

    @Test
    void stridedOperandsFallBackToNd4j() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 5, 8).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 4)); // column slice
        INDArray b = Nd4j.rand(DataType.FLOAT, 4, 3);
        assertTrue(Nd4j.gemm(a.dup(), b, false, false).equalsWithEps(Gemm.product(a, false, b, false), 1e-6));
    }

    @Test
    void mismatchedShapesAreRefused() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 4, 3);
        assertThrows(IllegalArgumentException.class, () -> Gemm.into(a, false, a, false, Nd4j.create(DataType.FLOAT, 4, 3), 1, 0));
    }
}
