package org.molap.experiments.bench;

import org.molap.dl4j.rnn.Gemm;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The floor: the dense matrix products one BPTT iteration mathematically needs, timed alone with ND4J at the
 * same shapes. Per step: the recurrent drive h W' [B,N]x[N,N], the backpropagated error dA W [B,N]x[N,N] and
 * the weight gradient dA' h [N,B]x[B,N]. Once per iteration: input and readout projections over all steps
 * and their gradients ([T*B, nIn]x[nIn, N], [T*B, N]x[N, nOut] and their transposed products).
 * <p>
 * Timed two ways: straight into OpenBLAS ({@link Gemm}, the raw floor the ratios use) and through
 * {@link Nd4j#gemm}, whose custom-op dispatch adds 25-35 microseconds per call.
 */
final class FloorBench {
    private FloorBench() {
    }

    /** One product C = op(A) op(B) + beta C, as {@link Gemm#into} takes it. */
    interface Product {
        void into(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c, double beta);
    }

    static final Product RAW_BLAS = (a, ta, b, tb, c, beta) -> Gemm.into(a, ta, b, tb, c, 1, beta);
    static final Product ND4J_GEMM = (a, ta, b, tb, c, beta) -> Nd4j.gemm(a, b, c, ta, tb, 1, beta);

    static double millis(BenchProblem p, int warmup, int repeats, Product gemm) {
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
            gemm.into(x, false, wIn, false, drive, 0);             // input drive, all steps
            for (int t = 0; t < p.steps(); t++) {
                gemm.into(h, false, w, true, a, 0);                // forward: h W'
            }
            gemm.into(states, false, wOut, false, y, 0);            // readout, all steps
            gemm.into(states, true, y, false, dwOut, 0);            // readout gradient
            gemm.into(y, false, wOut, true, drive, 0);              // error into the states
            for (int t = 0; t < p.steps(); t++) {
                gemm.into(a, false, w, false, h, 0);               // backward: dA W
                gemm.into(a, true, h, false, dw, 1);               // dW += dA' h
            }
            gemm.into(x, true, drive, false, dwIn, 0);              // input gradient
        });
    }
}
