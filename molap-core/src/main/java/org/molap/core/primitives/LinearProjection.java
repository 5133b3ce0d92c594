package org.molap.core.primitives;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A fitted map from a sample x (p columns) to r latent scores: u_k = sum_c w[c][k] (x_c - mean_c) /
 * scale_c. This is the common form of a CCA side (U = A'X, seed 000 Eq. 2, on standardised X) and of a
 * PCA projection. Scores are computed element by element in double precision in plain Java, so the
 * score of a sample does not depend on how many other samples are transformed with it (bitwise
 * reproducible). Immutable.
 */
public final class LinearProjection {

    private static final int CHUNK_ROWS = 16_384;

    private final double[] means;
    private final double[] scales;
    private final double[][] weights;

    /**
     * @param means   column means, length p
     * @param scales  column scales (standard deviations, or 1), length p, all positive
     * @param weights loadings [p][r]
     */
    public LinearProjection(double[] means, double[] scales, double[][] weights) {
        if (means.length != scales.length || weights.length != means.length || weights.length == 0) {
            throw new IllegalArgumentException("means (" + means.length + "), scales (" + scales.length
                    + ") and weight rows (" + weights.length + ") must have the same positive length");
        }
        int r = weights[0].length;
        for (int c = 0; c < scales.length; c++) {
            if (!(scales[c] > 0.0) || !Double.isFinite(means[c]) || weights[c].length != r) {
                throw new IllegalArgumentException("column " + c + ": scale must be positive, mean finite "
                        + "and every weight row of length " + r);
            }
        }
        this.means = means.clone();
        this.scales = scales.clone();
        this.weights = Matrices.copy(weights);
    }

    /** Number of input columns p. */
    public int inputs() {
        return means.length;
    }

    /** Number of latent components r. */
    public int components() {
        return weights[0].length;
    }

    public double[] means() {
        return means.clone();
    }

    public double[] scales() {
        return scales.clone();
    }

    /** The loadings as a [p, r] DOUBLE array. */
    public INDArray weights() {
        return Matrices.toArray(weights);
    }

    /** Scores of the samples x [n, p] (any floating type) as a [n, r] DOUBLE array. */
    public INDArray apply(INDArray x) {
        double[] flat = applyFlat(x);
        return Nd4j.create(flat, new long[] {x.size(0), components()}, DataType.DOUBLE);
    }

    /** Scores of the samples x [n, p] as a row-major double[n * r]. */
    public double[] applyFlat(INDArray x) {
        int p = inputs();
        int r = components();
        if (x.rank() != 2 || x.size(1) != p) {
            throw new IllegalArgumentException("expected samples of shape [n, " + p + "], got "
                    + Matrices.shape(x));
        }
        long n = x.size(0);
        if (n * r > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(n + " samples x " + r + " components do not fit one array");
        }
        double[] out = new double[(int) (n * r)];
        double[] z = new double[p];
        for (long from = 0; from < n; from += CHUNK_ROWS) {
            long to = Math.min(n, from + CHUNK_ROWS);
            double[] rows = Matrices.rowMajor(x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()));
            for (int i = 0; i < to - from; i++) {
                for (int c = 0; c < p; c++) {
                    z[c] = (rows[i * p + c] - means[c]) / scales[c];
                }
                int base = (int) ((from + i) * r);
                for (int k = 0; k < r; k++) {
                    double s = 0.0;
                    for (int c = 0; c < p; c++) {
                        s += weights[c][k] * z[c];
                    }
                    out[base + k] = s;
                }
            }
        }
        return out;
    }

    /**
     * This projection, fitted on the given columns of a p-column sample, as a projection of the whole sample:
     * the other columns get weight 0 (mean 0, scale 1), so every score is unchanged.
     */
    public LinearProjection onColumns(int[] columns, int p) {
        if (columns.length != inputs()) {
            throw new IllegalArgumentException(columns.length + " columns given for a projection of " + inputs() + " inputs");
        }
        double[] m = new double[p];
        double[] s = new double[p];
        double[][] w = new double[p][components()];
        java.util.Arrays.fill(s, 1.0);
        for (int i = 0; i < columns.length; i++) {
            m[columns[i]] = means[i];
            s[columns[i]] = scales[i];
            w[columns[i]] = weights[i].clone();
        }
        return new LinearProjection(m, s, w);
    }

    /** The JSON layout of a projection: {"means": [..], "scales": [..], "weights": [[..], ..]} (weights [p][r]). */
    public record Saved(double[] means, double[] scales, double[][] weights) {
    }

    public Saved saved() {
        return new Saved(means.clone(), scales.clone(), Matrices.copy(weights));
    }

    /** The projection of a {@link Saved} record; a missing field is an IllegalArgumentException. */
    public static LinearProjection of(Saved s) {
        return new LinearProjection(required(s.means(), "means").clone(), required(s.scales(), "scales").clone(),
                Matrices.copy(required(s.weights(), "weights")));
    }

    /** {@code value}, or an IllegalArgumentException naming the missing field. */
    static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("field '" + field + "' is missing from the latent-primitives record");
        }
        return value;
    }
}
