package org.molap.core.primitives;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small dense helpers on {@code double[][]} (row-major) and conversions; no numerics of their own. */
final class Matrices {

    private Matrices() {
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1.0;
        }
        return m;
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int inner = b.length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < inner; k++) {
                double aik = a[i][k];
                for (int j = 0; j < m; j++) {
                    c[i][j] += aik * b[k][j];
                }
            }
        }
        return c;
    }

    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The sub-matrix of a with the given rows and columns. */
    static double[][] select(double[][] a, int[] rows, int[] cols) {
        double[][] s = new double[rows.length][cols.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                s[i][j] = a[rows[i]][cols[j]];
            }
        }
        return s;
    }

    /** The first r columns of a. */
    static double[][] leadingColumns(double[][] a, int r) {
        double[][] s = new double[a.length][r];
        for (int i = 0; i < a.length; i++) {
            System.arraycopy(a[i], 0, s[i], 0, r);
        }
        return s;
    }

    /** Indices that sort x in descending order (stable, so ties keep their original order). */
    static int[] descendingOrder(double[] x) {
        return IntStream.range(0, x.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> x[i]).reversed())
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * The project's sign convention for loadings: flips column k of a (and of each companion) so that
     * the entry of a's column with the largest magnitude is positive (first such entry on ties).
     */
    static void fixSigns(double[][] a, double[][]... companions) {
        for (int k = 0; k < a[0].length; k++) {
            int arg = 0;
            for (int i = 1; i < a.length; i++) {
                if (Math.abs(a[i][k]) > Math.abs(a[arg][k])) {
                    arg = i;
                }
            }
            if (a[arg][k] < 0) {
                for (double[] row : a) {
                    row[k] = -row[k];
                }
                for (double[][] c : companions) {
                    for (double[] row : c) {
                        row[k] = -row[k];
                    }
                }
            }
        }
    }

    static INDArray toArray(double[][] a) {
        int n = a.length;
        int m = n == 0 ? 0 : a[0].length;
        double[] flat = new double[n * m];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, flat, i * m, m);
        }
        return Nd4j.create(flat, new long[] {n, m}, DataType.DOUBLE);
    }

    /**
     * The elements of x in row-major ('c') order as a new double[]; fast bulk copy (INDArray's
     * toDoubleMatrix reads element by element and is about 100x slower on large views).
     */
    static double[] rowMajor(INDArray x) {
        INDArray c = x.castTo(DataType.DOUBLE).dup('c');
        double[] d = c.data().asDouble();
        if (c.offset() != 0 || d.length != c.length()) {
            d = Arrays.copyOfRange(d, (int) c.offset(), (int) (c.offset() + c.length()));
        }
        return d;
    }

    static String shape(INDArray x) {
        return Arrays.toString(x.shape());
    }
}
