package org.molap.experiments;

import org.molap.core.run.JsonLines;
import org.molap.core.run.RunDirectory;
import org.molap.dl4j.train.TrainingListener;
import org.molap.experiments.molap.MetricsLog;
import org.molap.experiments.ui.SameDiffLog;
import org.molap.experiments.ui.TrainingStats;

/**
 * What every training run records per iteration, in its run directory: a metrics.jsonl line (flushed as written) and
 * the DL4J training UI's stats ({@link TrainingStats}, for {@code ./molap ui}) and, where a model trains on its
 * SameDiff graph, SameDiff's UI log ({@link SameDiffLog}).
 */
public final class RunRecording implements TrainingListener, AutoCloseable {
    private final JsonLines metrics;
    private final MetricsLog log;
    private final TrainingStats stats;
    private final SameDiffLog sameDiff;

    private RunRecording(RunDirectory run) {
        this.metrics = run.openJsonLines(RunDirectory.METRICS);
        this.log = new MetricsLog(metrics);
        this.stats = new TrainingStats(run.path());
        this.sameDiff = new SameDiffLog(run.path());
    }

    public static RunRecording open(RunDirectory run) {
        return new RunRecording(run);
    }

    @Override
    public void onIteration(Iteration it) {
        log.onIteration(it);
        stats.onIteration(it);
        sameDiff.onIteration(it);
    }

    @Override
    public void close() {
        try {
            stats.close();
        } finally {
            metrics.close();
        }
    }
}
