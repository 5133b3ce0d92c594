package org.molap.dl4j.engine;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The orthonormal factor Q of a low-rank left factor L (seed 003's NM-RNN and low-rank RNN) for the fast engines, by
 * the modified Gram-Schmidt of the cells' graph ({@code GramSchmidt}), and the gradient in L of a loss whose gradient
 * in Q is dQ, by hand (the graph's version cost 1-2 ms per iteration in SameDiff calls). Per column k:
 * <pre>
 *   w^0 = l_k,   w^{j+1} = w^j - q_j c_j  with  c_j = q_j . w^j   (j &lt; k),   q_k = w^k / |w^k|
 *   backward:  dw^k = (dq_k - q_k (q_k . dq_k)) / |w^k|;   dw^j = dw^{j+1} - q_j (q_j . dw^{j+1}),
 *              dq_j += -c_j dw^{j+1} - (q_j . dw^{j+1}) w^j;   dl_k = dw^0
 * </pre>
 * the columns taken last to first, since dq_j gathers from every later column.
 */
final class OrthonormalFactor {
    private final int rows;
    private final int rank;
    /** w[k][j] = w^j of column k (j = 0..k); q[k], c[k][j], norm[k] as above. */
    private final double[][][] w;
    private final double[][] q;
    private final double[][] c;
    private final double[] norm;

    OrthonormalFactor(INDArray l) {
        rows = (int) l.size(0);
        rank = (int) l.size(1);
        double[][] columns = Rows.of(l.transpose());
        w = new double[rank][][];
        q = new double[rank][];
        c = new double[rank][rank];
        norm = new double[rank];
        for (int k = 0; k < rank; k++) {
            w[k] = new double[k + 1][];
            w[k][0] = columns[k];
            for (int j = 0; j < k; j++) {
                double cj = dot(q[j], w[k][j]);
                c[k][j] = cj;
                double[] next = w[k][j].clone();
                Rows.axpy(-cj, q[j], next);
                w[k][j + 1] = next;
            }
            norm[k] = Math.sqrt(dot(w[k][k], w[k][k]));
            q[k] = new double[rows];
            Rows.axpy(1 / norm[k], w[k][k], q[k]);
        }
    }

    /** Q, [N, K]. */
    INDArray q(DataType dtype) {
        return Rows.array(q, dtype).transpose().dup('c');
    }

    /** dLoss/dL from dLoss/dQ ([N, K] both). */
    INDArray pullback(INDArray dQ, DataType dtype) {
        double[][] gq = Rows.of(dQ.transpose());
        double[][] dl = new double[rank][];
        for (int k = rank - 1; k >= 0; k--) {
            double[] dw = gq[k].clone();
            Rows.axpy(-dot(q[k], gq[k]), q[k], dw);
            for (int i = 0; i < rows; i++) {
                dw[i] /= norm[k];
            }
            for (int j = k - 1; j >= 0; j--) {
                double p = dot(q[j], dw);
                Rows.axpy(-c[k][j], dw, gq[j]);
                Rows.axpy(-p, w[k][j], gq[j]);
                Rows.axpy(-p, q[j], dw);
            }
            dl[k] = dw;
        }
        return Rows.array(dl, dtype).transpose().dup('c');
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
