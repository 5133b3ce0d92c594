package org.molap.core.primitives;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Principal component analysis of one [n, p] matrix (seed 000, A.2.2: PCA separately on the stacked
 * inputs and on the stacked targets): eigen-decomposition of the (1/n) covariance of the columns, either
 * standardised (correlation matrix; the default, consistent with the standardised CCA, so that channels
 * on different scales count equally) or only centred. Constant columns are scaled by 1 and so carry
 * (almost) no variance. Scores are Z L with loadings L [p, r] of unit norm, so the variance of score k
 * on the fit data is {@link #variances()}[k]. Each loading column has its largest-magnitude entry
 * positive.
 */
public final class PrincipalComponents {

    /** How columns are prepared before the eigen-decomposition. */
    public enum Scaling {
        /** Centre and divide by the standard deviation (PCA of the correlation matrix). */
        STANDARDISED,
        /** Centre only (PCA of the covariance matrix). */
        CENTRED
    }

    private final Scaling scaling;
    private final double[] variances;
    private final double[] ratios;
    private final LinearProjection projection;

    private PrincipalComponents(Scaling scaling, double[] variances, double[] ratios,
            LinearProjection projection) {
        this.scaling = scaling;
        this.variances = variances;
        this.ratios = ratios;
        this.projection = projection;
    }

    /** Standardised PCA with r components. */
    public static PrincipalComponents fit(INDArray x, int r) {
        return fit(x, r, Scaling.STANDARDISED);
    }

    public static PrincipalComponents fit(INDArray x, int r, Scaling scaling) {
        if (x.rank() != 2) {
            throw new IllegalArgumentException("PCA needs a [samples, columns] matrix, got " + Matrices.shape(x));
        }
        int p = (int) x.size(1);
        if (r < 1 || r > p) {
            throw new IllegalArgumentException("cannot fit " + r + " principal components to " + p
                    + " columns; choose 1 <= r <= " + p);
        }
        ColumnMoments m = ColumnMoments.of(x);
        double[] means = m.mean.clone();
        double[] scales = new double[p];
        double[][] c = Matrices.copy(m.cov);
        for (int i = 0; i < p; i++) {
            scales[i] = scaling == Scaling.STANDARDISED ? m.scale(i) : 1.0;
        }
        double total = 0.0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                c[i][j] /= scales[i] * scales[j];
            }
            total += c[i][i];
        }
        SymmetricEigen e = SymmetricEigen.of(c);
        double[][] loadings = Matrices.leadingColumns(e.vectors, r);
        Matrices.fixSigns(loadings);
        double[] variances = new double[r];
        double[] ratios = new double[r];
        for (int k = 0; k < r; k++) {
            variances[k] = Math.max(0.0, e.values[k]);
            ratios[k] = total > 0.0 ? variances[k] / total : 0.0;
        }
        return new PrincipalComponents(scaling, variances, ratios, new LinearProjection(means, scales, loadings));
    }

    public Scaling scaling() {
        return scaling;
    }

    public int components() {
        return variances.length;
    }

    /** Loadings L [p, r] (DOUBLE), orthonormal columns. */
    public INDArray loadings() {
        return projection.weights();
    }

    /** Variance of each score on the fit data (the leading eigenvalues), descending. */
    public double[] variances() {
        return variances.clone();
    }

    /** Fraction of the total (standardised or centred) variance carried by each component. */
    public double[] explainedVarianceRatio() {
        return ratios.clone();
    }

    public LinearProjection projection() {
        return projection;
    }

    /** Scores [n, r] (DOUBLE) of the samples x [n, p]. */
    public INDArray transform(INDArray x) {
        return projection.apply(x);
    }
}
