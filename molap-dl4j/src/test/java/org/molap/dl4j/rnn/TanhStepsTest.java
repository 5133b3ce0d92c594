package org.molap.dl4j.rnn;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-step kernels of the BPTT loop: the blocks they touch, and the leak forward and backward. */
class TanhStepsTest {

    @Test
    void kernelsChangeOnlyTheBlockOfTheirStep() {
        for (DataType dtype : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray a = Nd4j.rand(dtype, 12, 5).subi(0.5).muli(6);     // 3 steps of [4, 5]
            INDArray e = Nd4j.rand(dtype, 12, 5);
            INDArray a0 = a.dup();
            INDArray e0 = e.dup();
            TanhSteps kernels = TanhSteps.over(a, e, 20, 3, 1.0);
            kernels.load(bias(dtype), ACTIVITY);
            kernels.forward(1);
            kernels.backward(1);
            assertStep1Changed(dtype.toString(), a0, e0, a, e);
            INDArray a1 = a0.dup();                            // the GPU path, as ND4J ops
            INDArray e1 = e0.dup();
            TanhSteps nd4j = new TanhSteps.NativeOps(a1, e1, 20, 3, 1.0);
            nd4j.load(bias(dtype), ACTIVITY);
            nd4j.forward(1);
            nd4j.backward(1);
            assertStep1Changed(dtype + " as ND4J ops", a0, e0, a1, e1);
        }
    }

    /** The leaky kernels over all steps, forward then backward, against the recurrence written out in doubles. */
    @Test
    void leakyKernelsFollowTheLeakForwardAndBackward() {
        double leak = 0.2;
        for (DataType dtype : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray a0 = Nd4j.rand(dtype, 12, 5).subi(0.5).muli(6);
            INDArray e0 = Nd4j.rand(dtype, 12, 5).subi(0.5);
            double[][] expected = leakyReference(a0.toDoubleMatrix(), e0.toDoubleMatrix(), leak);
            for (boolean native_ : new boolean[] {false, true}) {
                INDArray states = a0.dup();                     // the drives, turned into states by forward
                INDArray errors = e0.dup();
                TanhSteps k = native_ ? new TanhSteps.NativeOps(states, errors, 20, 3, leak)
                        : TanhSteps.over(states, errors, 20, 3, leak);
                k.load(bias(dtype), ACTIVITY);
                for (int t = 0; t < 3; t++) {
                    k.forward(t);
                }
                for (int t = 2; t >= 0; t--) {
                    k.backward(t);
                }
                String what = dtype + (native_ ? " as ND4J ops" : "");
                for (int i = 0; i < 12; i++) {
                    for (int j = 0; j < 5; j++) {
                        assertEquals(expected[0][i * 5 + j], states.getDouble(i, j), 1e-6, what + " h[" + i + "," + j + "]");
                        assertEquals(expected[1][i * 5 + j], errors.getDouble(i, j), 1e-6, what + " dA[" + i + "," + j + "]");
                    }
                }
            }
        }
    }

    /** h and dA (flattened) of 3 steps of [4, 5]; the error input e is treated as already holding dH_t. */
    private static double[][] leakyReference(double[][] a, double[][] e, double leak) {
        double[] h = new double[60];
        double[] s = new double[60];
        double[] dA = new double[60];
        for (int t = 0; t < 3; t++) {
            for (int r = 0; r < 4; r++) {
                for (int j = 0; j < 5; j++) {
                    int i = (t * 4 + r) * 5 + j;
                    s[i] = Math.tanh(a[t * 4 + r][j] + biasAt(j));
                    h[i] = (t == 0 ? 0 : (1 - leak) * h[i - 20]) + leak * s[i];
                }
            }
        }
        double[] g = new double[20];
        for (int t = 2; t >= 0; t--) {
            for (int q = 0; q < 20; q++) {
                int i = t * 20 + q;
                g[q] = e[i / 5][i % 5] + ACTIVITY * h[i] + (1 - leak) * g[q];
                dA[i] = leak * g[q] * (1 - s[i] * s[i]);
            }
        }
        return new double[][] {h, dA};
    }

    private static final double ACTIVITY = 0.25;

    private static double biasAt(int j) {
        return (j % 2 == 0 ? 1 : -1) * 0.1 * (j + 1);
    }

    private static INDArray bias(DataType dtype) {
        return Nd4j.createFromArray(0.1, -0.2, 0.3, -0.4, 0.5).reshape(1, 5).castTo(dtype);
    }

    /** Step 1 (rows 4-7) holds tanh(a + b) and (dA + c h) (1 - h^2); steps 0 and 2 are as they were. */
    private static void assertStep1Changed(String what, INDArray a0, INDArray e0, INDArray a, INDArray e) {
        for (int i = 0; i < 12; i++) {
            for (int j = 0; j < 5; j++) {
                boolean step1 = i >= 4 && i < 8;
                double h = step1 ? Math.tanh(a0.getDouble(i, j) + biasAt(j)) : a0.getDouble(i, j);
                double d = step1 ? (e0.getDouble(i, j) + ACTIVITY * h) * (1 - h * h) : e0.getDouble(i, j);
                assertEquals(h, a.getDouble(i, j), 4e-7, what + " h[" + i + "," + j + "]");
                assertEquals(d, e.getDouble(i, j), 1e-6, what + " dA[" + i + "," + j + "]");
            }
        }
    }
}
