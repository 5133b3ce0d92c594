package org.molap.experiments.molap;

import java.util.ArrayList;
import java.util.List;
import org.molap.dl4j.train.TrainingListener;

/**
 * A network's training loss, every {@code every}-th iteration counted across its phases ({iteration, loss} points,
 * for metrics.jsonl and the loss figures), and the lowest loss seen.
 */
public final class LossCurve implements TrainingListener {
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

    public double lowest() {
        return lowest;
    }
}
