package org.molap.experiments.molap;

import org.molap.dl4j.train.TrainingListener;

import java.io.PrintStream;

/** Prints a progress line every {@code every} iterations of a phase, so long runs show they are alive. */
final class ProgressLog implements TrainingListener {
    private final PrintStream console;
    private final int every;
    private final int iterations;

    ProgressLog(PrintStream console, int every, int iterations) {
        this.console = console;
        this.every = every;
        this.iterations = iterations;
    }

    @Override
    public void onIteration(String phase, int iteration, double loss, double mse) {
        int done = iteration + 1;
        if (done % every == 0 && done < iterations) {
            console.printf("  %-20s %4d/%d  loss %.4f%n", phase, done, iterations, loss);
        }
    }
}
