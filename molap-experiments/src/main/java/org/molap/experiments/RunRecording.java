package org.molap.experiments;

import org.molap.core.run.JsonLines;
import org.molap.core.run.RunDirectory;
import org.molap.dl4j.train.TrainingListener;
import org.molap.experiments.molap.MetricsLog;
import org.molap.experiments.ui.SameDiffLog;
import org.molap.experiments.ui.TrainingStats;

/**
 * What every training run records per iteration, in its run directory: a metrics.jsonl line (flushed as written, with
 * the values of any probes due) and
 * the DL4J training UI's stats ({@link TrainingStats}, for {@code ./molap ui}) and, where a model trains on its
 * SameDiff graph, SameDiff's UI log ({@link SameDiffLog}).
 */
public final class RunRecording implements TrainingListener, AutoCloseable {
    private final JsonLines metrics;
    private final MetricsLog log;
    private final TrainingStats stats;
    private final SameDiffLog sameDiff;

    private final org.molap.dl4j.train.ProbeSchedule probes;

    private RunRecording(RunDirectory run, org.molap.dl4j.train.ProbeSchedule probes) {
        this.probes = probes;
        this.metrics = run.openJsonLines(RunDirectory.METRICS);
        this.log = new MetricsLog(metrics);
        this.stats = new TrainingStats(run.path());
        this.sameDiff = new SameDiffLog(run.path());
    }

    /** Records the run's iterations, running {@code probes} on their schedule and recording their values beside the loss. */
    public static RunRecording open(RunDirectory run, org.molap.dl4j.train.ProbeSchedule probes) {
        return new RunRecording(run, probes);
    }

    @Override
    public void onIteration(Iteration it) {
        java.util.Map<String, Double> values = probes.due(it);
        log.onIteration(it, values);
        stats.onIteration(it);
        if (!values.isEmpty()) {
            stats.onProbes(values);
        }
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
