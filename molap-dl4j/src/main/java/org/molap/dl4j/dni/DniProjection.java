package org.molap.dl4j.dni;

import org.molap.core.analysis.Cholesky;
import org.molap.dl4j.rnn.Head;
import org.molap.dl4j.rnn.RecurrentCore;
import org.molap.dl4j.train.UpdateProjection;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Map;

/**
 * Dynamical non-interference (Duncker et al. 2020): the Adam step of each weight matrix is squeezed out of the
 * directions earlier tasks use, dW <- P_out dW P_in with P = (S / alpha + I)^-1 for the covariance S on each
 * side (REFERENCE.md section 1). Input, recurrent weights and bias form one matrix [W_in, W_rec, b] acting on
 * z = [x; h; 1], projected by P_drive on the left and P_z on the right; the readout [W_out, b_out] acting on
 * [h; 1] by P_targets and P_hidden. Directions of low variance (eigenvalue << alpha) pass almost unchanged,
 * directions of high variance are shrunk by alpha / (alpha + eigenvalue).
 */
public final class DniProjection implements UpdateProjection {
    /** alpha of Duncker et al. 2020 and REFERENCE.md section 1. */
    public static final double DEFAULT_ALPHA = 1e-3;

    private final INDArray pInputs;
    private final INDArray pDrive;
    private final INDArray pHidden;
    private final INDArray pTargets;

    public DniProjection(TaskCovariances covariances, double alpha) {
        if (covariances.tasks() == 0) {
            throw new IllegalArgumentException("DNI projections need the covariances of at least one learned task.");
        }
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("DNI's alpha must be positive, got " + alpha + ".");
        }
        pInputs = projector(covariances.inputs(), alpha);
        pDrive = projector(covariances.drive(), alpha);
        pHidden = projector(covariances.hidden(), alpha);
        pTargets = projector(covariances.targets(), alpha);
    }

    /** (S / alpha + I)^-1, through a Cholesky solve (S / alpha + I is symmetric positive definite). */
    public static INDArray projector(INDArray s, double alpha) {
        int n = (int) s.rows();
        double[][] cov = s.castTo(DataType.DOUBLE).dup('c').toDoubleMatrix();
        double[][] a = new double[n][n];
        double[][] identity = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = (cov[i][j] + cov[j][i]) / (2 * alpha); // symmetrised against rounding
            }
            a[i][i] += 1;
            identity[i][i] = 1;
        }
        return Nd4j.createFromArray(Cholesky.solve(a, identity));
    }

    @Override
    public void project(Map<String, INDArray> steps) {
        INDArray wIn = steps.get(Head.W_IN);
        INDArray wRec = steps.get(RecurrentCore.W_REC);
        INDArray b = steps.get(RecurrentCore.BIAS);
        if (wIn != null && wRec != null && b != null) {
            int nIn = (int) wIn.columns();
            int n = (int) wRec.rows();
            INDArray joint = Nd4j.hstack(wIn, wRec, b.reshape(n, 1)).castTo(DataType.DOUBLE);
            INDArray projected = pDrive.mmul(joint).mmul(pInputs).castTo(wIn.dataType());
            wIn.assign(projected.get(NDArrayIndex.all(), NDArrayIndex.interval(0, nIn)));
            wRec.assign(projected.get(NDArrayIndex.all(), NDArrayIndex.interval(nIn, nIn + n)));
            b.assign(projected.get(NDArrayIndex.all(), NDArrayIndex.point(nIn + n)).reshape(b.shape()));
        } else if (wIn != null || wRec != null || b != null) {
            throw new IllegalArgumentException("DNI projects W_in, W_rec and b together; train all three or none.");
        }
        INDArray wOut = steps.get(Head.W_OUT);
        INDArray bOut = steps.get(Head.B_OUT);
        if (wOut != null && bOut != null) {
            int n = (int) wOut.columns();
            INDArray joint = Nd4j.hstack(wOut, bOut.reshape(bOut.length(), 1)).castTo(DataType.DOUBLE);
            INDArray projected = pTargets.mmul(joint).mmul(pHidden).castTo(wOut.dataType());
            wOut.assign(projected.get(NDArrayIndex.all(), NDArrayIndex.interval(0, n)));
            bOut.assign(projected.get(NDArrayIndex.all(), NDArrayIndex.point(n)).reshape(bOut.shape()));
        } else if (wOut != null || bOut != null) {
            throw new IllegalArgumentException("DNI projects W_out and b_out together; train both or neither.");
        }
    }
}
