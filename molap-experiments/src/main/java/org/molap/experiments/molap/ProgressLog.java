package org.molap.experiments.molap;

import org.molap.dl4j.train.PhaseRecord;
import org.molap.dl4j.train.TrainingListener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows that long training is alive: on a terminal, a progress bar on stderr (phase, iteration, loss, time left),
 * redrawn at most ten times a second; otherwise (CI, Docker, output redirected to a file) an INFO log line through
 * SLF4J every tenth of a phase (every 50 iterations at least).
 */
public final class ProgressLog implements TrainingListener {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressLog.class);
    private static final int BAR = 24;
    private final int iterations;
    private final int every;
    private final boolean terminal;
    private String phase;
    private long phaseStart;
    private long lastDrawn;

    /** For phases of {@code iterations} iterations; a bar when the process runs on a terminal. */
    public ProgressLog(int iterations) {
        this(iterations, System.console() != null);
    }

    ProgressLog(int iterations, boolean terminal) {
        this.iterations = iterations;
        this.every = Math.max(50, iterations / 10);
        this.terminal = terminal;
    }

    @Override
    public void onIteration(Iteration it) {
        long now = System.nanoTime();
        if (!it.phase().equals(phase)) {
            phase = it.phase();
            phaseStart = now;
        }
        int done = it.iteration() + 1;
        double secondsLeft = (now - phaseStart) / 1e9 / done * Math.max(0, iterations - done);
        if (terminal) {
            if (now - lastDrawn > 100_000_000L || done >= iterations) {
                lastDrawn = now;
                int filled = (int) Math.round(BAR * Math.min(1.0, done / (double) iterations));
                System.err.printf("\r  %-20s [%s%s] %d/%d  loss %.4f  %s left ", phase, "#".repeat(filled),
                        " ".repeat(BAR - filled), done, iterations, it.loss(), clock(secondsLeft));
                if (done >= iterations) {
                    System.err.println();
                }
            }
        } else if (done % every == 0 && done < iterations) {
            LOG.info("{} {}/{}  loss {}  {} left", phase, done, iterations, String.format("%.4f", it.loss()), clock(secondsLeft));
        }
    }

    /** m:ss, or h:mm:ss from an hour. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
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
