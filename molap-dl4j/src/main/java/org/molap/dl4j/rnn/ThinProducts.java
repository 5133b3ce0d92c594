package org.molap.dl4j.rnn;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The products of the BPTT iteration with one thin side (the few input or output channels, or a sum over rows),
 * over all T*B rows at once. As matrix products they ran badly in the OpenBLAS 0.3.19 that ND4J bundles: measured
 * here at N = 100, B = 200, T = 110, 3 channels, the readout H W_out' took 1.4-1.9 ms, dY' H 3.0 ms, dA' X 2.8 ms
 * and the bias sum as a product with a row of ones 3.9 ms, while the same work as matrix-vector products (one per
 * channel, strided through the channel column) took 0.5, 0.5, 0.36 and 0.13 ms. Since then the BPTT loop takes the
 * readout and the input and readout gradients per step, on blocks in cache ({@link ElmanBptt}); what stays here is
 * the readout gradient of head-only training, the readout's bias gradient and sums of squares. On the CPU these are
 * BLAS gemv and dot calls on whole c-order arrays; elsewhere, the matrix products.
 */
final class ThinProducts {
    private ThinProducts() {
    }

    private static boolean hostBlas(INDArray... arrays) {
        if (!Nd4j.getEnvironment().isCPU()) {
            return false;
        }
        DataType dtype = arrays[0].dataType();
        for (INDArray a : arrays) {
            if (!whole(a) || a.dataType() != dtype || (dtype != DataType.FLOAT && dtype != DataType.DOUBLE)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A whole row-major matrix: not a view, c order (a vector is contiguous either way; ND4J gives [1, N] and
     * [N, 1] arrays the strides [1, 1]).
     */
    static boolean whole(INDArray a) {
        return a.rank() == 2 && (a.ordering() == 'c' || a.isVector()) && wholeBuffer(a);
    }

    /** A whole c-order array of rank 3. */
    static boolean whole3d(INDArray a) {
        return a.rank() == 3 && a.ordering() == 'c' && wholeBuffer(a);
    }

    private static boolean wholeBuffer(INDArray a) {
        return a.offset() == 0 && a.data().offset() == 0 && a.length() == a.data().length()
                && a.length() < Integer.MAX_VALUE;
    }


    /** G [k, N] = beta G + D' H for D [R, k], H [R, N] (e.g. the readout gradient dY' H): one gemv per column of D. */
    static INDArray transposedTimes(INDArray d, INDArray h, INDArray g, double beta) {
        if (!hostBlas(d, h, g)) {
            return Gemm.into(d, true, h, false, g, 1, beta);
        }
        int k = (int) d.size(1);
        int n = (int) h.size(1);
        for (int o = 0; o < k; o++) {
            gemv(true, h, d, o, k, g, (long) o * n, 1, beta);
        }
        return g;
    }


    /** The column sums [1, N] of E [R, N]. */
    static INDArray columnSums(INDArray e) {
        INDArray ones = Nd4j.ones(e.dataType(), e.size(0), 1);
        INDArray sums = Nd4j.create(e.dataType(), 1, e.size(1));
        if (!hostBlas(e, ones, sums)) {
            return e.sum(true, 0);
        }
        gemv(true, e, ones, 0, 1, sums, 0, 1, 0);
        return sums;
    }

    /** The sum of squares of every element of A. */
    static double sumOfSquares(INDArray a) {
        if (!hostBlas(a)) {
            double norm = a.norm2Number().doubleValue();
            return norm * norm;
        }
        int n = (int) a.length();
        if (a.dataType() == DataType.FLOAT) {
            FloatPointer p = new FloatPointer(a.data().addressPointer());
            return openblas_nolapack.cblas_sdot(n, p, 1, p, 1);
        }
        DoublePointer p = new DoublePointer(a.data().addressPointer());
        return openblas_nolapack.cblas_ddot(n, p, 1, p, 1);
    }

    /** y = op(A) x + beta y with A a whole c-order matrix and x, y given as (array, first element, stride). */
    private static void gemv(boolean transpose, INDArray a, INDArray x, long xFirst, int incX, INDArray y, long yFirst, int incY,
                             double beta) {
        int rows = (int) a.size(0);
        int cols = (int) a.size(1);
        int order = openblas_nolapack.CblasRowMajor;
        int trans = transpose ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        if (a.dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemv(order, trans, rows, cols, 1f, new FloatPointer(a.data().addressPointer()), cols,
                    new FloatPointer(x.data().addressPointer()).position(xFirst), incX, (float) beta,
                    new FloatPointer(y.data().addressPointer()).position(yFirst), incY);
        } else {
            openblas_nolapack.cblas_dgemv(order, trans, rows, cols, 1, new DoublePointer(a.data().addressPointer()), cols,
                    new DoublePointer(x.data().addressPointer()).position(xFirst), incX, beta,
                    new DoublePointer(y.data().addressPointer()).position(yFirst), incY);
        }
    }
}
