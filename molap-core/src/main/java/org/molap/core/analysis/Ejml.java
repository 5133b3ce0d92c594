package org.molap.core.analysis;

import org.ejml.data.DMatrixRMaj;

/** double[][] to and from EJML's row-major matrices. */
public final class Ejml {
    private Ejml() {
    }

    public static DMatrixRMaj matrix(double[][] a) {
        return new DMatrixRMaj(a);
    }

    public static double[][] array(DMatrixRMaj m) {
        double[][] a = new double[m.numRows][m.numCols];
        for (int r = 0; r < m.numRows; r++) {
            for (int c = 0; c < m.numCols; c++) {
                a[r][c] = m.get(r, c);
            }
        }
        return a;
    }
}
