package org.molap.experiments.molap;

import java.util.ArrayList;
import java.util.List;
import org.molap.dl4j.train.Resumable;
import org.molap.dl4j.train.TrainingListener;

/**
 * A network's training loss, every {@code every}-th iteration counted across its phases ({iteration, loss} points,
 * for metrics.jsonl and the loss figures), and the lowest loss seen. Checkpoints keep it ({@link Resumable}), so a
 * network resumed in the middle of its training ends with the whole curve.
 */
public final class LossCurve implements TrainingListener, Resumable {
    private final List<double[]> points = new ArrayList<>();
    private final int every;
    private int offset;
    private double lowest = Double.POSITIVE_INFINITY;

    /** About {@code points} points over {@code iterations} iterations in all. */
    public LossCurve(int iterations, int points) {
        this.every = Math.max(1, iterations / points);
    }

    /** The next phase's iterations count on from {@code iterations}. */
    public LossCurve startingAt(int iterations) {
        this.offset = iterations;
        return this;
    }

    @Override
    public void onIteration(Iteration it) {
        lowest = Math.min(lowest, it.loss());
        if ((offset + it.iteration()) % every == 0) {
            points.add(new double[] {offset + it.iteration(), it.loss()});
        }
    }

    public double[][] points() {
        return points.toArray(double[][]::new);
    }

    /** Points [n][iteration, loss] as the {xs, ys} columns a line chart takes. */
    public static double[][] columns(double[][] points) {
        double[][] xy = new double[2][points.length];
        for (int i = 0; i < points.length; i++) {
            xy[0][i] = points[i][0];
            xy[1][i] = points[i][1];
        }
        return xy;
    }

    public double lowest() {
        return lowest;
    }

    @Override
    public byte[] saveState() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(Double.BYTES * (1 + 2 * points.size()));
        b.putDouble(lowest);
        points.forEach(p -> b.putDouble(p[0]).putDouble(p[1]));
        return b.array();
    }

    @Override
    public void restoreState(byte[] state) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(state);
        lowest = b.getDouble();
        points.clear();
        while (b.hasRemaining()) {
            points.add(new double[] {b.getDouble(), b.getDouble()});
        }
    }
}
