package org.molap.dl4j.rnn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-step kernels of the BPTT loop: the float tanh against the exact one, and the blocks they touch. */
class TanhStepsTest {

    @Test
    void floatTanhIsWithinAFewUlpsOfTheExactTanhOddAndBounded() {
        double worst = 0;
        for (int i = -2_000_000; i <= 2_000_000; i++) {
            float a = i * 1e-5f;                       // [-20, 20] in steps of 1e-5
            float y = TanhSteps.fastTanh(a);
            worst = Math.max(worst, Math.abs(y - Math.tanh(a)));
            assertEquals(-y, TanhSteps.fastTanh(-a), 0.0f, "odd at " + a);
            assertTrue(Math.abs(y) <= 1f, "bounded at " + a);
        }
        assertTrue(worst < 3.5e-7, "max |fastTanh - tanh| = " + worst);
        assertEquals(0f, TanhSteps.fastTanh(0f), 0.0f);
        assertEquals(1f, TanhSteps.fastTanh(1e30f), 1e-7f);     // saturated: within one ulp of 1
        assertEquals(1e-4f, TanhSteps.fastTanh(1e-4f), 1e-11f);  // tanh(x) = x - x^3/3 near 0: relative accuracy
    }

    @Test
    void kernelsChangeOnlyTheBlockOfTheirStep() {
        for (DataType dtype : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray a = Nd4j.rand(dtype, 12, 5).subi(0.5).muli(6);     // 3 steps of [4, 5]
            INDArray e = Nd4j.rand(dtype, 12, 5);
            INDArray a0 = a.dup();
            INDArray e0 = e.dup();
            INDArray bias = Nd4j.createFromArray(0.1, -0.2, 0.3, -0.4, 0.5).reshape(1, 5).castTo(dtype);
            TanhSteps kernels = TanhSteps.over(a, e, 20);
            kernels.load(bias, ACTIVITY);
            kernels.tanh(1);
            kernels.timesDerivative(1);
            assertStep1Changed(dtype.toString(), a0, e0, a, e);
            INDArray a1 = a0.dup();                            // the GPU path, as ND4J ops
            INDArray e1 = e0.dup();
            TanhSteps nd4j = new TanhSteps.NativeOps(a1, e1, 20);
            nd4j.load(bias, ACTIVITY);
            nd4j.tanh(1);
            nd4j.timesDerivative(1);
            assertStep1Changed(dtype + " as ND4J ops", a0, e0, a1, e1);
        }
    }

    private static final double ACTIVITY = 0.25;

    /** Step 1 (rows 4-7) holds tanh(a + b) and (dA + c h) (1 - h^2); steps 0 and 2 are as they were. */
    private static void assertStep1Changed(String what, INDArray a0, INDArray e0, INDArray a, INDArray e) {
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 5; j++) {
                boolean step1 = i >= 4 && i < 8;
                double b = (j % 2 == 0 ? 1 : -1) * 0.1 * (j + 1);
                double h = step1 ? Math.tanh(a0.getDouble(i, j) + b) : a0.getDouble(i, j);
                double d = step1 ? (e0.getDouble(i, j) + ACTIVITY * h) * (1 - h * h) : e0.getDouble(i, j);
                assertEquals(h, a.getDouble(i, j), 4e-7, what + " h[" + i + "," + j + "]");
                assertEquals(d, e.getDouble(i, j), 1e-6, what + " dA[" + i + "," + j + "]");
            }
        }
    }
}
