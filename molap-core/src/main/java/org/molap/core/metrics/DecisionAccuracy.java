package org.molap.core.metrics;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Decision accuracy of seed 000, appendix A.3: for every trial and output unit, the output and the target
 * are averaged over the last {@code window} time steps; the decision is correct when |mean output - mean
 * target| <= tolerance. The tolerance is ABSOLUTE for every unit, including trials whose target is 0
 * (the authors' code used a relative tolerance that marks every target-0 trial wrong; not copied). A NaN
 * output counts as wrong. Means are taken in double precision in plain Java (sum / window).
 */
public final class DecisionAccuracy {

    /** Steps averaged at the end of each trial (seed 000, A.3). */
    public static final int PAPER_WINDOW = 30;
    /** Allowed absolute deviation of the mean output from the mean target (seed 000, A.3). */
    public static final double PAPER_TOLERANCE = 0.1;
    /**
     * A second, more lenient tolerance reported beside the paper's: the authors' code applies a relative
     * tolerance in rescaled [0, 1] units, about twice as lenient as 0.1 (REFERENCE.md section 1).
     */
    public static final double LENIENT_TOLERANCE = 0.2;

    private DecisionAccuracy() {
    }

    /**
     * Fraction of trials decided correctly, per output unit.
     *
     * @param outputs [B, U, T] network outputs (any floating type)
     * @param targets [B, U, T] targets, same shape
     * @param window  number of final steps averaged, 1 <= window <= T
     * @param tolerance absolute tolerance, >= 0
     * @return length U, each in [0, 1]
     */
    public static double[] perUnit(INDArray outputs, INDArray targets, int window, double tolerance) {
        check(outputs, targets, window, tolerance);
        int b = (int) outputs.size(0);
        int u = (int) outputs.size(1);
        double[][] mo = windowMeans(outputs, window);
        double[][] mt = windowMeans(targets, window);
        double[] fraction = new double[u];
        for (int k = 0; k < u; k++) {
            int correct = 0;
            for (int i = 0; i < b; i++) {
                if (Math.abs(mo[i][k] - mt[i][k]) <= tolerance) {
                    correct++;
                }
            }
            fraction[k] = (double) correct / b;
        }
        return fraction;
    }

    /** Mean over output units of {@link #perUnit}: the paper's "% decisions correct" as a fraction. */
    public static double accuracy(INDArray outputs, INDArray targets, int window, double tolerance) {
        return Arrays.stream(perUnit(outputs, targets, window, tolerance)).average().orElseThrow();
    }

    /** {@link #accuracy} with the paper's window (30) and tolerance (0.1). */
    public static double accuracy(INDArray outputs, INDArray targets) {
        return accuracy(outputs, targets, PAPER_WINDOW, PAPER_TOLERANCE);
    }

    /** [B][U] means over the last window steps. */
    private static double[][] windowMeans(INDArray seq, int window) {
        long t = seq.size(2);
        int b = (int) seq.size(0);
        int u = (int) seq.size(1);
        INDArray tail = seq.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(t - window, t));
        INDArray c = tail.castTo(DataType.DOUBLE).dup('c'); // bulk copy; toDoubleMatrix is slow
        double[] d = c.data().asDouble();
        int offset = (int) c.offset();
        double[][] means = new double[b][u];
        for (int i = 0; i < b; i++) {
            for (int k = 0; k < u; k++) {
                int start = offset + (i * u + k) * window;
                double s = 0.0;
                for (int j = 0; j < window; j++) {
                    s += d[start + j];
                }
                means[i][k] = s / window;
            }
        }
        return means;
    }

    private static void check(INDArray outputs, INDArray targets, int window, double tolerance) {
        if (outputs.rank() != 3 || !Arrays.equals(outputs.shape(), targets.shape())) {
            throw new IllegalArgumentException("outputs " + Arrays.toString(outputs.shape()) + " and targets "
                    + Arrays.toString(targets.shape()) + " must both be [batch, units, time] of the same shape");
        }
        if (outputs.size(0) == 0 || outputs.size(1) == 0) {
            throw new IllegalArgumentException("need at least one trial and one output unit, got shape "
                    + Arrays.toString(outputs.shape()));
        }
        if (window < 1 || window > outputs.size(2)) {
            throw new IllegalArgumentException("window " + window + " must be between 1 and the number of "
                    + "time steps " + outputs.size(2));
        }
        if (!(tolerance >= 0.0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
    }
}
