package org.molap.experiments.bench;

import org.molap.dl4j.rnn.Gemm;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The single-thread peak of this machine's float matrix product as the bundled BLAS delivers it: the best of a
 * few 1000 x 1000 x 1000 sgemm calls, in GFLOP/s. The physical limit of an iteration is its FLOPs over this.
 */
final class PeakSgemm {
    private static final int SIZE = 1000;

    private PeakSgemm() {
    }

    static double gflops() {
        INDArray a = Nd4j.rand(DataType.FLOAT, SIZE, SIZE);
        INDArray b = Nd4j.rand(DataType.FLOAT, SIZE, SIZE);
        INDArray c = Nd4j.create(DataType.FLOAT, SIZE, SIZE);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            long t0 = System.nanoTime();
            Gemm.into(a, false, b, false, c, 1, 0);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        return 2.0 * SIZE * SIZE * SIZE / best / 1e9;
    }

    /**
     * The FLOPs of the matrix products of one training iteration (elementwise work left out): per step after the
     * first, h W_rec', dA W_rec and dA' h (2 B N^2 each); over all steps the input projection, the readout, the
     * readout's error and the gradients of W_in and W_out (2 T B N C each, C = 3 channels).
     */
    static double iterationFlops(BenchProblem p) {
        double b = p.batch();
        double n = p.units();
        double recurrent = 3.0 * (p.steps() - 1) * 2 * b * n * n;
        double thin = 4.0 * 2 * p.steps() * b * n * BenchProblem.CHANNELS;
        return recurrent + thin;
    }
}
