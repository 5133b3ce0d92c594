package org.molap.dl4j.model.cells;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The orthonormal factor Q of the QR decomposition of an [N, K] matrix (K small), by modified Gram-Schmidt from
 * differentiable ops, so that gradients flow to the unconstrained matrix (seed 003 B.1.3a). The diagonal of R is
 * positive; LAPACK may flip column signs, which the right factor absorbs.
 */
public final class GramSchmidt {
    private GramSchmidt() {
    }

    public static SDVariable orthonormal(SameDiff sd, SDVariable raw, int columns) {
        SDVariable[] v = sd.unstack(raw, 1, columns);          // K columns [N]
        SDVariable[] q = new SDVariable[columns];
        for (int k = 0; k < columns; k++) {
            SDVariable w = v[k];
            for (int j = 0; j < k; j++) {
                w = w.sub(q[j].mul(q[j].mul(w).sum()));
            }
            // w * rsqrt(|w|^2): M2.1's backward of a vector divided by a scalar variable is wrong (measured off by
            // 0.68 against central differences, also with norm2()), its backward of a product is right.
            q[k] = w.mul(sd.math.rsqrt(w.mul(w).sum()));
        }
        return sd.stack(1, q);                                  // [N, K]
    }
}
