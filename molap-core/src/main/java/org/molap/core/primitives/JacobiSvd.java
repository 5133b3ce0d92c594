package org.molap.core.primitives;

import org.ejml.data.DMatrixRMaj;
import org.molap.core.analysis.Ejml;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The thin singular value decomposition K = U diag(s) V' (EJML), singular values in descending order: for
 * rows x cols K, U is rows x min, s has min values and V is cols x min. (The name stays from the Jacobi
 * implementation it replaced.)
 */
final class JacobiSvd {
    final double[][] u;
    final double[] s;
    final double[][] v;

    private JacobiSvd(double[][] u, double[] s, double[][] v) {
        this.u = u;
        this.s = s;
        this.v = v;
    }

    static JacobiSvd of(double[][] k) {
        int rows = k.length;
        int cols = k[0].length;
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(rows, cols, true, true, true);
        if (!svd.decompose(Ejml.matrix(k))) {
            throw new IllegalArgumentException("The singular value decomposition of a " + rows + " x " + cols + " matrix did not converge.");
        }
        DMatrixRMaj u = svd.getU(null, false);
        DMatrixRMaj w = svd.getW(null);
        DMatrixRMaj v = svd.getV(null, false);
        SingularOps_DDRM.descendingOrder(u, false, w, v, false);
        double[] s = new double[Math.min(w.numRows, w.numCols)];
        for (int i = 0; i < s.length; i++) {
            s[i] = w.get(i, i);
        }
        return new JacobiSvd(Ejml.array(u), s, Ejml.array(v));
    }
}
