package org.molap.core.theory;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Seed 002's claim at the level of the data (spec A.5.1): the labels of N_task hyperplanes through the origin pin the
 * stimulus down only when the normals span the D-dimensional space, which needs N_task >= D. With fewer, a direction
 * orthogonal to every normal changes the stimulus and no label.
 */
public final class Identifiability {
  private Identifiability() {
  }

  /** Rank of the N_task x D matrix of unit normals (singular values above 1e-10). */
  public static int rank(double[][] normals) {
    return SingularOps_DDRM.rank(svd(normals), 1e-10);
  }

  /**
   * A unit vector orthogonal to every normal (a direction no label sees), or null when the normals span the space.
   */
  public static double[] blindDirection(double[][] normals) {
    int dims = normals[0].length;
    if (rank(normals) >= dims) {
      return null;
    }
    // pad to at least D rows so that the SVD gives all D right singular vectors; zero rows change nothing
    double[][] padded = new double[Math.max(normals.length, dims)][dims];
    for (int i = 0; i < normals.length; i++) {
      padded[i] = normals[i].clone();
    }
    SingularValueDecomposition_F64<DMatrixRMaj> svd = svd(padded);
    DMatrixRMaj v = svd.getV(null, false);
    double[] singular = svd.getSingularValues();
    int smallest = 0;
    for (int k = 1; k < dims; k++) {
      if (singular[k] < singular[smallest]) {
        smallest = k;
      }
    }
    double[] direction = new double[dims];
    for (int d = 0; d < dims; d++) {
      direction[d] = v.get(d, smallest);
    }
    return direction;
  }

  private static SingularValueDecomposition_F64<DMatrixRMaj> svd(double[][] rows) {
    DMatrixRMaj m = new DMatrixRMaj(rows);
    SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(m.numRows, m.numCols, false, true, false);
    if (!svd.decompose(m.copy())) {
      throw new IllegalStateException("The SVD of the normals did not converge.");
    }
    return svd;
  }
}
