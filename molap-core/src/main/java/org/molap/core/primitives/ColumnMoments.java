package org.molap.core.primitives;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Column means and the (1/n) covariance of one or more {@code [n, p_i]} matrices placed side by side,
 * accumulated in double precision over row chunks (two passes: means, then centred cross products with
 * ND4J's matrix product), so that corpora of 10^6 samples never need a full double copy.
 *
 * <p>Also owns the project's rule for constant columns: a column is constant when its standard
 * deviation is 0 or at most {@link #CONSTANT_TOLERANCE} times the magnitude of its mean (a column that
 * is constant up to rounding). Constant columns are standardised with scale 1.
 */
final class ColumnMoments {

    /** Relative tolerance below which a column counts as constant (std <= tol * |mean|). */
    static final double CONSTANT_TOLERANCE = 1e-10;

    private static final long CHUNK_ELEMENTS = 1L << 20;

    final long n;
    final double[] mean;
    final double[][] cov;

    private ColumnMoments(long n, double[] mean, double[][] cov) {
        this.n = n;
        this.mean = mean;
        this.cov = cov;
    }

    static ColumnMoments of(INDArray... blocks) {
        long n = blocks[0].size(0);
        int cols = 0;
        for (INDArray b : blocks) {
            if (b.rank() != 2) {
                throw new IllegalArgumentException("expected a [samples, columns] matrix, got shape "
                        + java.util.Arrays.toString(b.shape()));
            }
            if (b.size(0) != n) {
                throw new IllegalArgumentException("matrices have different numbers of samples: " + n
                        + " and " + b.size(0) + "; pass inputs and targets with one row per sample");
            }
            cols += (int) b.size(1);
        }
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 samples to estimate covariances, got " + n);
        }
        long chunk = Math.max(1, CHUNK_ELEMENTS / Math.max(1, cols));

        double[] sum = new double[cols];
        for (long from = 0; from < n; from += chunk) {
            double[] s = rows(blocks, from, Math.min(n, from + chunk)).sum(0).toDoubleVector();
            for (int j = 0; j < cols; j++) {
                sum[j] += s[j];
            }
        }
        double[] mean = new double[cols];
        for (int j = 0; j < cols; j++) {
            mean[j] = sum[j] / n;
            if (!Double.isFinite(mean[j])) {
                throw new IllegalArgumentException("column " + j + " contains NaN or infinite values; "
                        + "clean the data before fitting");
            }
        }
        INDArray meanRow = Nd4j.create(mean, new long[] {1, cols}, DataType.DOUBLE);
        INDArray acc = Nd4j.zeros(DataType.DOUBLE, cols, cols);
        for (long from = 0; from < n; from += chunk) {
            INDArray c = rows(blocks, from, Math.min(n, from + chunk)).subRowVector(meanRow);
            acc.addi(c.transpose().mmul(c));
        }
        double[][] cov = acc.toDoubleMatrix();
        for (int i = 0; i < cols; i++) {
            for (int j = 0; j < cols; j++) {
                cov[i][j] /= n;
            }
        }
        // exact symmetry (gemm is symmetric up to rounding only)
        for (int i = 0; i < cols; i++) {
            for (int j = i + 1; j < cols; j++) {
                double v = 0.5 * (cov[i][j] + cov[j][i]);
                cov[i][j] = v;
                cov[j][i] = v;
            }
        }
        return new ColumnMoments(n, mean, cov);
    }

    private static INDArray rows(INDArray[] blocks, long from, long to) {
        INDArray[] parts = new INDArray[blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            parts[i] = blocks[i].get(NDArrayIndex.interval(from, to), NDArrayIndex.all())
                    .castTo(DataType.DOUBLE);
        }
        return parts.length == 1 ? parts[0].dup('c') : Nd4j.hstack(parts);
    }

    int columns() {
        return mean.length;
    }

    double std(int j) {
        return Math.sqrt(Math.max(0.0, cov[j][j]));
    }

    boolean isConstant(int j) {
        double s = std(j);
        return s == 0.0 || s <= CONSTANT_TOLERANCE * Math.abs(mean[j]);
    }

    /** Standardisation scale of column j: its standard deviation, or 1 for a constant column. */
    double scale(int j) {
        return isConstant(j) ? 1.0 : std(j);
    }
}
