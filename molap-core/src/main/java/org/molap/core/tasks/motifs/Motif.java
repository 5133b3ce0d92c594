package org.molap.core.tasks.motifs;

import java.util.Arrays;

/**
 * One motor motif: a named one-dimensional target, one value per Euler step (dt = 0.1 tau), starting at 0.
 */
public record Motif(String name, double[] values) {
    public Motif {
        if (values.length == 0) {
            throw new IllegalArgumentException("Motif " + name + " has no values.");
        }
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int length() {
        return values.length;
    }

    public double value(int step) {
        return values[step];
    }

    /** Standard deviation over the motif's steps. */
    public double std() {
        double mean = Arrays.stream(values).average().orElse(0);
        return Math.sqrt(Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElse(0));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Motif m && m.name.equals(name) && Arrays.equals(m.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Motif[" + name + ", " + values.length + " steps]";
    }
}
