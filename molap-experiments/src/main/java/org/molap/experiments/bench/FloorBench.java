package org.molap.experiments.bench;

import org.molap.dl4j.rnn.Gemm;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The three products of every step of a BPTT iteration, timed alone straight into BLAS ({@link Gemm}): the
 * recurrent drive h W' [B,N]x[N,N], the backpropagated error dA W [B,N]x[N,N] and the weight gradient dA' h
 * [N,B]x[B,N]. No implementation of BPTT avoids them; timed alone, on operands in cache, they show how much
 * of our iteration is BLAS time on small matrices. The bench's bound is the physical limit ({@link PeakSgemm}).
 */
final class FloorBench {
    private FloorBench() {
    }

    /** One product C = op(A) op(B) + beta C, as {@link Gemm#into} takes it. */
    interface Product {
        void into(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c, double beta);
    }

    static final Product RAW_BLAS = (a, ta, b, tb, c, beta) -> Gemm.into(a, ta, b, tb, c, 1, beta);

    /** The operands of the step products, allocated once. */
    static final class Buffers {
        private final BenchProblem p;
        private final INDArray h;
        private final INDArray w;
        private final INDArray a;
        private final INDArray back;
        private final INDArray dw;

        Buffers(BenchProblem p) {
            this.p = p;
            int b = p.batch();
            int n = p.units();
            // No product writes an operand of the next one, so values stay where they start (an earlier version
            // fed h W' back into h and drove the operands to infinity over repeated runs).
            h = Nd4j.rand(DataType.FLOAT, b, n);
            w = Nd4j.rand(DataType.FLOAT, n, n).divi(n);
            a = Nd4j.create(DataType.FLOAT, b, n);
            back = Nd4j.create(DataType.FLOAT, b, n);
            dw = Nd4j.create(DataType.FLOAT, n, n);
        }

        /** h W', dA W and dW += dA' h for every step. */
        void runSteps(Product gemm) {
            for (int t = 0; t < p.steps(); t++) {
                gemm.into(h, false, w, true, a, 0);
                gemm.into(a, false, w, false, back, 0);
                gemm.into(a, true, h, false, dw, 1);
            }
        }
    }
}
