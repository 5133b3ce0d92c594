package org.molap.dl4j.engine;

/**
 * tanh and the logistic sigmoid over a range of a double array, in place, for the fast engines. Exact
 * ({@link Math#tanh}) when the engine runs in double, where it must equal the SameDiff graph to 1e-10; otherwise
 * the rational function of {@code FastTanh} evaluated in double (relative error 2e-8, far below float's 6e-8 ulp
 * at 1), which the JIT vectorises: {@link Math#tanh} and {@link Math#exp} are scalar calls of 10-20 ns each, more
 * than a step's products at these sizes. sigmoid(x) = (1 + tanh(x / 2)) / 2.
 */
final class Squash {
    private static final double P0 = 0.99999997949899880;
    private static final double P1 = 0.13381130244197703;
    private static final double P2 = 0.0034957122383157090;
    private static final double P3 = 2.0611118347261050e-05;
    private static final double P4 = 1.3357468325869704e-08;
    private static final double Q1 = 0.46714445865586300;
    private static final double Q2 = 0.025877454702970943;
    private static final double Q3 = 3.2858375326912624e-04;
    private static final double Q4 = 7.7777102682613510e-07;
    /** Beyond 9 the fit is not made; tanh(9) is 1 - 3e-8. */
    private static final double SATURATION = 9;

    private final boolean exact;

    Squash(boolean exact) {
        this.exact = exact;
    }

    /** out = tanh(v), entry by entry (out may be v). */
    void tanh(double[] v, double[] out) {
        if (exact) {
            for (int i = 0; i < v.length; i++) {
                out[i] = Math.tanh(v[i]);
            }
        } else {
            for (int i = 0; i < v.length; i++) {
                out[i] = rational(v[i]);
            }
        }
    }

    /** v = sigmoid(v), entry by entry. */
    void sigmoid(double[] v) {
        if (exact) {
            for (int i = 0; i < v.length; i++) {
                v[i] = 1 / (1 + Math.exp(-v[i]));
            }
        } else {
            for (int i = 0; i < v.length; i++) {
                v[i] = 0.5 + 0.5 * rational(0.5 * v[i]);
            }
        }
    }

    static double rational(double a) {
        double x = Math.min(SATURATION, Math.max(-SATURATION, a));
        double z = x * x;
        double p = (((P4 * z + P3) * z + P2) * z + P1) * z + P0;
        double q = (((Q4 * z + Q3) * z + Q2) * z + Q1) * z + 1;
        return Math.min(1, Math.max(-1, x * p / q));
    }
}
