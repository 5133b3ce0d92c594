package org.molap.core.analysis;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/** Solves A X = B for a symmetric positive definite A by Cholesky factorisation (A = L L'), with EJML. */
public final class Cholesky {
    private Cholesky() {
    }

    /** The lower-triangular L with A = L L'; a matrix that is not positive definite is an IllegalArgumentException. */
    public static double[][] factor(double[][] a) {
        CholeskyDecompositionInner_DDRM chol = new CholeskyDecompositionInner_DDRM(true);
        if (!chol.decompose(new DMatrixRMaj(a))) {
            throw new IllegalArgumentException("The matrix is not positive definite; increase the ridge penalty.");
        }
        return Ejml.array(chol.getT(null));
    }

    /** X with A X = B, for a symmetric positive definite A. */
    public static double[][] solve(double[][] a, double[][] b) {
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(a.length);
        if (!solver.setA(new DMatrixRMaj(a))) {
            throw new IllegalArgumentException("The matrix is not positive definite; increase the ridge penalty.");
        }
        DMatrixRMaj x = new DMatrixRMaj(a.length, b[0].length);
        solver.solve(new DMatrixRMaj(b), x);
        return Ejml.array(x);
    }
}
