package org.molap.experiments.bench;

import org.molap.dl4j.rnn.Gemm;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The dense matrix products of one BPTT iteration, timed alone straight into BLAS ({@link Gemm}): per step the
 * recurrent drive h W' [B,N]x[N,N], the backpropagated error dA W [B,N]x[N,N] and the weight gradient dA' h
 * [N,B]x[B,N]; once per iteration the input and readout projections over all steps and their gradients. It is
 * not a floor: the bench's bound is the physical limit ({@link PeakSgemm}); the per-step products alone
 * ({@link Buffers#runSteps}) show how much of our iteration is BLAS time on small matrices.
 */
final class FloorBench {
    private FloorBench() {
    }

    /** One product C = op(A) op(B) + beta C, as {@link Gemm#into} takes it. */
    interface Product {
        void into(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c, double beta);
    }

    static final Product RAW_BLAS = (a, ta, b, tb, c, beta) -> Gemm.into(a, ta, b, tb, c, 1, beta);

    /** The operands of one iteration's products, allocated once. */
    static final class Buffers {
        private final BenchProblem p;
        private final INDArray h;
        private final INDArray w;
        private final INDArray a;
        private final INDArray back;
        private final INDArray dw;
        private final INDArray x;
        private final INDArray states;
        private final INDArray wIn;
        private final INDArray wOut;
        private final INDArray drive;
        private final INDArray y;
        private final INDArray dwIn;
        private final INDArray dwOut;

        Buffers(BenchProblem p) {
            this.p = p;
            int b = p.batch();
            int n = p.units();
            int c = BenchProblem.CHANNELS;
            long tb = (long) p.steps() * b;
            // No product writes an operand of the next one, so values stay where they start (an earlier version
            // fed h W' back into h and drove the operands to infinity over repeated runs).
            h = Nd4j.rand(DataType.FLOAT, b, n);
            w = Nd4j.rand(DataType.FLOAT, n, n).divi(n);
            a = Nd4j.create(DataType.FLOAT, b, n);
            back = Nd4j.create(DataType.FLOAT, b, n);
            dw = Nd4j.create(DataType.FLOAT, n, n);
            x = Nd4j.rand(DataType.FLOAT, tb, c);
            states = Nd4j.rand(DataType.FLOAT, tb, n);
            wIn = Nd4j.rand(DataType.FLOAT, c, n);
            wOut = Nd4j.rand(DataType.FLOAT, n, c);
            drive = Nd4j.create(DataType.FLOAT, tb, n);
            y = Nd4j.create(DataType.FLOAT, tb, c);
            dwIn = Nd4j.create(DataType.FLOAT, c, n);
            dwOut = Nd4j.create(DataType.FLOAT, n, c);
        }

        /** Every product, the thin ones (K or N = 3) as matrix products too. */
        void run(Product gemm) {
            gemm.into(x, false, wIn, false, drive, 0);             // input drive, all steps
            gemm.into(states, false, wOut, false, y, 0);            // readout, all steps
            gemm.into(states, true, y, false, dwOut, 0);            // readout gradient
            gemm.into(y, false, wOut, true, drive, 0);              // error into the states
            gemm.into(x, true, drive, false, dwIn, 0);              // input gradient
            runSteps(gemm);
        }

        /** The three products of every step, which no implementation can avoid: h W', dA W, dW += dA' h. */
        void runSteps(Product gemm) {
            for (int t = 0; t < p.steps(); t++) {
                gemm.into(h, false, w, true, a, 0);
                gemm.into(a, false, w, false, back, 0);
                gemm.into(a, true, h, false, dw, 1);
            }
        }
    }

    static double millis(BenchProblem p, int warmup, int repeats, Product gemm) {
        Buffers buffers = new Buffers(p);
        return Timing.medianMillis(warmup, repeats, () -> buffers.run(gemm));
    }
}
