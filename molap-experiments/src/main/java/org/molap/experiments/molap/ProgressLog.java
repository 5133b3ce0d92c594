package org.molap.experiments.molap;

import org.molap.dl4j.train.PhaseRecord;
import org.molap.dl4j.train.TrainingListener;

import java.io.PrintStream;

/**
 * Prints a progress line every 50 iterations of a phase (every tenth of it for long phases), so long runs
 * show they are alive, and the one-line summaries of finished phases.
 */
public final class ProgressLog implements TrainingListener {
    private final PrintStream console;
    private final int every;
    private final int iterations;

    public ProgressLog(PrintStream console, int iterations) {
        this.console = console;
        this.every = Math.max(50, iterations / 10);
        this.iterations = iterations;
    }

    @Override
    public void onIteration(Iteration it) {
        int done = it.iteration() + 1;
        if (done % every == 0 && done < iterations) {
            console.printf("  %-20s %4d/%d  loss %.4f%n", it.phase(), done, iterations, it.loss());
        }
    }

    /** One line for a finished phase: iterations, first and last loss, time per iteration. */
    public static String describe(PhaseRecord r) {
        return String.format("%-22s %4d iterations, loss %.4f -> %.4f, %.0f ms/iteration", r.phase(), r.iterations(),
                r.firstLoss(), r.lastLoss(), r.millisPerIteration());
    }

    public static String format(double[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(String.format("%.3f", values[i]));
        }
        return b.append(']').toString();
    }
}
