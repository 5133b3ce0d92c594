package org.molap.dl4j.rnn;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * C = alpha op(A) op(B) + beta C, for the dense 2-D matrices of the BPTT loop.
 * <p>
 * {@link Nd4j#gemm} runs as a libnd4j custom op, which costs 25-35 microseconds per call on top of the BLAS
 * product: about 10% of a [200, 100] x [100, 100] product, and the loop makes three of them per time step.
 * On the CPU backend, with c-order operands whose rows are contiguous (whole buffers and row intervals of
 * them, such as the step views of {@link ElmanBptt}), this calls the OpenBLAS that ND4J bundles directly on
 * the arrays' memory; anything else (another backend, a strided view) goes through {@link Nd4j#gemm}.
 */
public final class Gemm {
    private static final boolean HOST_BLAS = Nd4j.getEnvironment().isCPU();

    private Gemm() {
    }

    /** C = alpha op(A) op(B) + beta C, with op the transpose where asked; returns C. */
    public static INDArray into(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c,
                                double alpha, double beta) {
        DataType dtype = c.dataType();
        boolean blasType = dtype == DataType.FLOAT || dtype == DataType.DOUBLE;
        if (!HOST_BLAS || !blasType || a.dataType() != dtype || b.dataType() != dtype
                || !rowContiguous(a) || !rowContiguous(b) || !rowContiguous(c)) {
            return Nd4j.gemm(a, b, c, transposeA, transposeB, alpha, beta);
        }
        long m = transposeA ? a.size(1) : a.size(0);
        long k = transposeA ? a.size(0) : a.size(1);
        long n = transposeB ? b.size(0) : b.size(1);
        if ((transposeB ? b.size(1) : b.size(0)) != k || c.size(0) != m || c.size(1) != n) {
            throw new IllegalArgumentException("gemm shapes do not match: " + shape(a, transposeA) + " x "
                    + shape(b, transposeB) + " into " + shape(c, false));
        }
        int ta = transposeA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int tb = transposeB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int order = openblas_nolapack.CblasRowMajor;
        if (dtype == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(order, ta, tb, (int) m, (int) n, (int) k, (float) alpha,
                    floats(a), (int) a.size(1), floats(b), (int) b.size(1), (float) beta, floats(c), (int) c.size(1));
        } else {
            openblas_nolapack.cblas_dgemm(order, ta, tb, (int) m, (int) n, (int) k, alpha,
                    doubles(a), (int) a.size(1), doubles(b), (int) b.size(1), beta, doubles(c), (int) c.size(1));
        }
        return c;
    }

    /** y += alpha x for two arrays of one length (BLAS axpy on the CPU: about 1 us per call against 10-20 us for an ND4J op). */
    public static INDArray axpy(double alpha, INDArray x, INDArray y) {
        DataType dtype = y.dataType();
        if (!HOST_BLAS || (dtype != DataType.FLOAT && dtype != DataType.DOUBLE) || x.dataType() != dtype
                || !rowContiguous(x) || !rowContiguous(y) || x.length() != y.length()) {
            return y.addi(x.mul(alpha));
        }
        int n = (int) y.length();
        if (dtype == DataType.FLOAT) {
            openblas_nolapack.cblas_saxpy(n, (float) alpha, floats(x), 1, floats(y), 1);
        } else {
            openblas_nolapack.cblas_daxpy(n, alpha, doubles(x), 1, doubles(y), 1);
        }
        return y;
    }

    /** op(A) op(B) into a new array. */
    public static INDArray product(INDArray a, boolean transposeA, INDArray b, boolean transposeB) {
        INDArray c = Nd4j.create(a.dataType(), transposeA ? a.size(1) : a.size(0), transposeB ? b.size(0) : b.size(1));
        return into(a, transposeA, b, transposeB, c, 1, 0);
    }

    /** A 2-D c-order array whose elements are contiguous: a whole matrix or an interval of its rows. */
    private static boolean rowContiguous(INDArray x) {
        return x.rank() == 2 && x.ordering() == 'c' && x.stride(1) == 1 && x.stride(0) == x.size(1)
                && x.size(1) > 0 && x.size(0) > 0 && x.length() < Integer.MAX_VALUE;
    }

    // A view's data() is a view buffer whose address already points at its own offset into the original one,
    // so the first element sits x.offset() - x.data().offset() elements past that address.
    private static FloatPointer floats(INDArray x) {
        return new FloatPointer(x.data().addressPointer()).position(x.offset() - x.data().offset());
    }

    private static DoublePointer doubles(INDArray x) {
        return new DoublePointer(x.data().addressPointer()).position(x.offset() - x.data().offset());
    }

    private static String shape(INDArray x, boolean transposed) {
        return transposed ? "[" + x.size(1) + ", " + x.size(0) + "]" : "[" + x.size(0) + ", " + x.size(1) + "]";
    }
}
