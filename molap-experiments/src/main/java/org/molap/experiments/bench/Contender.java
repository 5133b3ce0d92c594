package org.molap.experiments.bench;

/**
 * One thing the bench times: a training iteration of some implementation on the problem's shape. The bench
 * calls {@link #iterations} in rounds, interleaving contenders, so that a change of machine load during the
 * run touches them all alike.
 */
interface Contender extends AutoCloseable {
    /** Short key for results.json, e.g. "ours". */
    String key();

    /** What it is, for the table. */
    String label();

    /** Runs {@code n} iterations and returns each one's wall-clock milliseconds. */
    double[] iterations(int n);

    /** Thread CPU milliseconds of the last {@link #iterations} call (NaN when not known, e.g. another process). */
    default double lastCpuMillis() {
        return Double.NaN;
    }

    @Override
    default void close() {
    }

    /** A contender's key and label, and the CPU time of its last call where its subclass measures it. */
    abstract class Named implements Contender {
        private final String key;
        private final String label;
        double cpu = Double.NaN;

        Named(String key, String label) {
            this.key = key;
            this.label = label;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public double lastCpuMillis() {
            return cpu;
        }
    }
}
