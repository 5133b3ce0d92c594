package org.molap.experiments.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The floor: the dense matrix products one BPTT iteration mathematically needs, timed alone with ND4J at the
 * same shapes. Per step: the recurrent drive h W' [B,N]x[N,N], the backpropagated error dA W [B,N]x[N,N] and
 * the weight gradient dA' h [N,B]x[B,N]. Once per iteration: input and readout projections over all steps
 * and their gradients ([T*B, nIn]x[nIn, N], [T*B, N]x[N, nOut] and their transposed products).
 */
final class FloorBench {
    private FloorBench() {
    }

    static double millis(BenchProblem p, int warmup, int repeats) {
        int b = p.batch();
        int n = p.units();
        int c = BenchProblem.CHANNELS;
        long tb = (long) p.steps() * b;
        INDArray h = Nd4j.rand(DataType.FLOAT, b, n);
        INDArray w = Nd4j.rand(DataType.FLOAT, n, n);
        INDArray a = Nd4j.create(DataType.FLOAT, b, n);
        INDArray dw = Nd4j.create(DataType.FLOAT, n, n);
        INDArray x = Nd4j.rand(DataType.FLOAT, tb, c);
        INDArray states = Nd4j.rand(DataType.FLOAT, tb, n);
        INDArray wIn = Nd4j.rand(DataType.FLOAT, c, n);
        INDArray wOut = Nd4j.rand(DataType.FLOAT, n, c);
        INDArray drive = Nd4j.create(DataType.FLOAT, tb, n);
        INDArray y = Nd4j.create(DataType.FLOAT, tb, c);
        INDArray dwIn = Nd4j.create(DataType.FLOAT, c, n);
        INDArray dwOut = Nd4j.create(DataType.FLOAT, n, c);
        return Timing.medianMillis(warmup, repeats, () -> {
            Nd4j.gemm(x, wIn, drive, false, false, 1, 0);          // input drive, all steps
            for (int t = 0; t < p.steps(); t++) {
                Nd4j.gemm(h, w, a, false, true, 1, 0);             // forward: h W'
            }
            Nd4j.gemm(states, wOut, y, false, false, 1, 0);         // readout, all steps
            Nd4j.gemm(states, y, dwOut, true, false, 1, 0);         // readout gradient
            Nd4j.gemm(y, wOut, drive, false, true, 1, 0);           // error into the states
            for (int t = 0; t < p.steps(); t++) {
                Nd4j.gemm(a, w, h, false, false, 1, 0);            // backward: dA W
                Nd4j.gemm(a, h, dw, true, false, 1, 1);            // dW += dA' h
            }
            Nd4j.gemm(x, drive, dwIn, true, false, 1, 0);           // input gradient
        });
    }
}
