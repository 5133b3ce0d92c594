package org.molap.core.primitives;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Canonical correlation analysis (seed 000, section 3.3, Eq. 2): weights A [p, r] and B [q, r] such
 * that U = Zx A and V = Zy B have maximal pairwise correlation, where Zx, Zy are the column-standardised
 * X [n, p] and Y [n, q] (rows are samples).
 *
 * <p>Method: standardised covariances Rxx, Ryy, Rxy (1/n, double precision); whitening K = Wx Rxy Wy with
 * W = (R + ridge I)^{-1/2}; thin SVD K = P S Q'; A = Wx P, B = Wy Q, canonical correlations = S. The ridge
 * is {@code relativeRidge} times the mean variance of the standardised columns (i.e. {@code
 * relativeRidge} itself) and doubles as a rank cutoff: eigen-directions of Rxx (Ryy) with variance at or
 * below the ridge are left out of W (a pseudo-inverse), so exactly collinear columns (e.g. the identical
 * fixation channels of several tasks) get bounded weights instead of ~1/sqrt(ridge) ones that would
 * amplify any later difference between those columns. The ridge biases a correlation by about
 * ridge / (2 * eigenvalue) relative, i.e. negligibly. A ridge of 0 disables both the regularisation and
 * the collinearity guard.
 *
 * <p>Constant columns (zero variance, see {@link ColumnMoments}) are dropped from the fit: their means are
 * stored, their scale is 1 and their weight rows are exactly 0, so they never influence the variates,
 * even on later data where that column varies.
 *
 * <p>Normalisation and signs: on the fit data U and V have unit variance and uncorrelated columns (up to
 * the ridge); each column of A has its largest-magnitude loading positive, which fixes each pair's sign
 * (B's column flips with it, so corr(U_k, V_k) = correlations()[k] >= 0). Refits on the same data give
 * identical results.
 */
public final class CanonicalCorrelation {

    /** Default relative ridge added to the standardised covariances before whitening. */
    public static final double DEFAULT_RIDGE = 1e-8;

    private final double[] correlations;
    private final double[] allCorrelations;
    private final LinearProjection xSide;
    private final LinearProjection ySide;

    private CanonicalCorrelation(double[] correlations, double[] allCorrelations, LinearProjection xSide,
            LinearProjection ySide) {
        this.correlations = correlations;
        this.allCorrelations = allCorrelations;
        this.xSide = xSide;
        this.ySide = ySide;
    }

    /** Fits r components with the default ridge. */
    public static CanonicalCorrelation fit(INDArray x, INDArray y, int r) {
        return fit(x, y, r, DEFAULT_RIDGE);
    }

    /**
     * @param x             [n, p] samples of the first set (inputs), FLOAT or DOUBLE
     * @param y             [n, q] samples of the second set (targets)
     * @param r             number of canonical pairs, 1 <= r <= min(rank of x, rank of y)
     * @param relativeRidge ridge relative to the mean standardised variance, >= 0
     */
    public static CanonicalCorrelation fit(INDArray x, INDArray y, int r, double relativeRidge) {
        if (x.rank() != 2 || y.rank() != 2) {
            throw new IllegalArgumentException("CCA needs [samples, columns] matrices, got "
                    + Matrices.shape(x) + " and " + Matrices.shape(y));
        }
        if (!(relativeRidge >= 0.0) || Double.isInfinite(relativeRidge)) {
            throw new IllegalArgumentException("ridge must be a finite number >= 0, got " + relativeRidge);
        }
        int p = (int) x.size(1);
        int q = (int) y.size(1);
        ColumnMoments m = ColumnMoments.of(x, y);
        int[] ax = active(m, 0, p);
        int[] ay = active(m, p, q);
        if (ax.length == 0 || ay.length == 0) {
            throw new IllegalArgumentException("every column of " + (ax.length == 0 ? "x" : "y")
                    + " is constant; CCA needs varying columns on both sides");
        }
        double[][] rxx = standardised(m, ax, ax);
        double[][] ryy = standardised(m, ay, ay);
        double[][] rxy = standardised(m, ax, ay);
        double ridgeX = relativeRidge * meanDiagonal(rxx);
        double ridgeY = relativeRidge * meanDiagonal(ryy);
        SymmetricEigen ex = SymmetricEigen.of(rxx);
        SymmetricEigen ey = SymmetricEigen.of(ryy);
        int rankX = ex.rankAbove(ridgeX);
        int rankY = ey.rankAbove(ridgeY);
        if (r < 1 || r > Math.min(rankX, rankY)) {
            throw new IllegalArgumentException("cannot fit " + r + " canonical components: x has rank "
                    + rankX + " and y rank " + rankY + " (after dropping constant and collinear columns); "
                    + "choose 1 <= r <= " + Math.min(rankX, rankY));
        }
        double[][] wx = ex.inverseSqrt(ridgeX, ridgeX);
        double[][] wy = ey.inverseSqrt(ridgeY, ridgeY);
        JacobiSvd svd = JacobiSvd.of(Matrices.multiply(Matrices.multiply(wx, rxy), wy));

        double[][] a = Matrices.multiply(wx, Matrices.leadingColumns(svd.u, r));
        double[][] b = Matrices.multiply(wy, Matrices.leadingColumns(svd.v, r));
        Matrices.fixSigns(a, b);

        double[] all = new double[svd.s.length];
        for (int k = 0; k < all.length; k++) {
            all[k] = Math.min(1.0, Math.max(0.0, svd.s[k]));
        }
        double[] corr = java.util.Arrays.copyOf(all, r);
        return new CanonicalCorrelation(corr, all, side(m, 0, p, ax, a), side(m, p, q, ay, b));
    }

    private static int[] active(ColumnMoments m, int offset, int count) {
        List<Integer> idx = new ArrayList<>();
        for (int j = offset; j < offset + count; j++) {
            if (!m.isConstant(j)) {
                idx.add(j);
            }
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[][] standardised(ColumnMoments m, int[] rows, int[] cols) {
        double[][] c = Matrices.select(m.cov, rows, cols);
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                c[i][j] /= m.scale(rows[i]) * m.scale(cols[j]);
            }
        }
        return c;
    }

    private static double meanDiagonal(double[][] c) {
        double t = 0.0;
        for (int i = 0; i < c.length; i++) {
            t += c[i][i];
        }
        return t / c.length;
    }

    /** The projection of one side with zero weight rows for its constant columns. */
    private static LinearProjection side(ColumnMoments m, int offset, int count, int[] active,
            double[][] activeWeights) {
        int r = activeWeights[0].length;
        double[] means = new double[count];
        double[] scales = new double[count];
        double[][] w = new double[count][r];
        for (int j = 0; j < count; j++) {
            means[j] = m.mean[offset + j];
            scales[j] = m.scale(offset + j);
        }
        for (int i = 0; i < active.length; i++) {
            w[active[i] - offset] = activeWeights[i].clone();
        }
        return new LinearProjection(means, scales, w);
    }

    /** Number of canonical pairs r. */
    public int components() {
        return correlations.length;
    }

    /** The r canonical correlations, descending, in [0, 1]. */
    public double[] correlations() {
        return correlations.clone();
    }

    /** All min(p', q') canonical correlations (p', q': non-constant columns), descending. */
    public double[] allCorrelations() {
        return allCorrelations.clone();
    }

    /** A [p, r] (DOUBLE): weights on the standardised x columns. */
    public INDArray xWeights() {
        return xSide.weights();
    }

    /** B [q, r] (DOUBLE): weights on the standardised y columns. */
    public INDArray yWeights() {
        return ySide.weights();
    }

    /** Column means of x at fit time. */
    public double[] xMeans() {
        return xSide.means();
    }

    /** Column scales of x at fit time (standard deviation with 1/n; 1 for constant columns). */
    public double[] xStds() {
        return xSide.scales();
    }

    public double[] yMeans() {
        return ySide.means();
    }

    public double[] yStds() {
        return ySide.scales();
    }

    /** The x side as a projection (standardisation and A). */
    public LinearProjection xProjection() {
        return xSide;
    }

    /** The y side as a projection (standardisation and B). */
    public LinearProjection yProjection() {
        return ySide;
    }

    /** U = standardised(x) A, [n, r] DOUBLE. */
    public INDArray transformX(INDArray x) {
        return xSide.apply(x);
    }

    /** V = standardised(y) B, [n, r] DOUBLE. */
    public INDArray transformY(INDArray y) {
        return ySide.apply(y);
    }
}
