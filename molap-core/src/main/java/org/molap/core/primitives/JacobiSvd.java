package org.molap.core.primitives;

/**
 * Thin singular value decomposition K = U diag(s) V' of a small dense matrix by one-sided (Hestenes)
 * Jacobi rotations, in plain Java. Singular values are sorted in descending order. For k = min(rows,
 * cols): {@code u} is [rows][k], {@code v} is [cols][k], both with orthonormal columns. Left (or right)
 * vectors belonging to numerically zero singular values are completed to an orthonormal set by
 * Gram-Schmidt on the unit vectors, so they are valid but arbitrary.
 */
final class JacobiSvd {

    private static final int MAX_SWEEPS = 100;

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
        if (rows < cols) {
            JacobiSvd t = tall(Matrices.transpose(k));
            return new JacobiSvd(t.v, t.s, t.u);
        }
        return tall(k);
    }

    /** rows >= cols: orthogonalise the columns of K V. */
    private static JacobiSvd tall(double[][] k) {
        int m = k.length;
        int n = k[0].length;
        double[][] a = Matrices.copy(k);
        double[][] v = Matrices.identity(n);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            boolean rotated = false;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    double alpha = 0.0;
                    double beta = 0.0;
                    double gamma = 0.0;
                    for (int r = 0; r < m; r++) {
                        alpha += a[r][i] * a[r][i];
                        beta += a[r][j] * a[r][j];
                        gamma += a[r][i] * a[r][j];
                    }
                    if (gamma == 0.0 || Math.abs(gamma) <= 1e-15 * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2.0 * gamma);
                    double t = zeta == 0.0 ? 1.0
                            : Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1.0 + zeta * zeta));
                    double c = 1.0 / Math.sqrt(1.0 + t * t);
                    double sn = c * t;
                    rotate(a, i, j, c, sn);
                    rotate(v, i, j, c, sn);
                }
            }
            if (!rotated) {
                break;
            }
        }
        double[] norms = new double[n];
        for (int j = 0; j < n; j++) {
            double ss = 0.0;
            for (int r = 0; r < m; r++) {
                ss += a[r][j] * a[r][j];
            }
            norms[j] = Math.sqrt(ss);
        }
        int[] order = Matrices.descendingOrder(norms);
        double max = norms[order[0]];
        double[][] u = new double[m][n];
        double[][] vs = new double[n][n];
        double[] s = new double[n];
        for (int c = 0; c < n; c++) {
            int j = order[c];
            s[c] = norms[j];
            for (int r = 0; r < n; r++) {
                vs[r][c] = v[r][j];
            }
            if (s[c] > 1e-13 * max && s[c] > 0.0) {
                for (int r = 0; r < m; r++) {
                    u[r][c] = a[r][j] / s[c];
                }
            } else {
                s[c] = Math.max(0.0, s[c]);
                complete(u, c);
            }
        }
        return new JacobiSvd(u, s, vs);
    }

    private static void rotate(double[][] x, int i, int j, double c, double s) {
        for (double[] row : x) {
            double xi = row[i];
            double xj = row[j];
            row[i] = c * xi - s * xj;
            row[j] = s * xi + c * xj;
        }
    }

    /** Fills column c of u with a unit vector orthogonal to columns 0..c-1 (Gram-Schmidt on e_1, e_2, ...). */
    private static void complete(double[][] u, int c) {
        int m = u.length;
        double[] best = null;
        double bestNorm = 0.0;
        for (int e = 0; e < m; e++) {
            double[] w = new double[m];
            w[e] = 1.0;
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < c; k++) {
                    double dot = 0.0;
                    for (int r = 0; r < m; r++) {
                        dot += u[r][k] * w[r];
                    }
                    for (int r = 0; r < m; r++) {
                        w[r] -= dot * u[r][k];
                    }
                }
            }
            double norm = Math.sqrt(Matrices.dot(w, w));
            if (norm > bestNorm + 1e-12) {
                best = w;
                bestNorm = norm;
            }
            if (bestNorm > 0.5) {
                break;
            }
        }
        for (int r = 0; r < m; r++) {
            u[r][c] = best[r] / bestNorm;
        }
    }
}
