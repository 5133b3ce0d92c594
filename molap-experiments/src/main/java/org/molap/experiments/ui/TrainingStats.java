package org.molap.experiments.ui;

import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.api.StatsType;
import org.deeplearning4j.ui.model.stats.impl.SbeStatsInitializationReport;
import org.deeplearning4j.ui.model.stats.impl.SbeStatsReport;
import org.deeplearning4j.ui.model.storage.sqlite.J7FileStatsStorage;
import org.molap.core.run.Provenance;
import org.molap.dl4j.train.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes, from our own training loop, what the DL4J training UI's {@code /train} pages read (DL4J models write it
 * with their StatsListener): once, an initialization report (software, hardware, model class, variables and
 * parameter count); per iteration, a stats report with the score (the loss), the learning rate, the mean magnitude
 * of every variable and of its update, runtime, minibatches and examples per second, and memory (at most ten a
 * second, as {@link #REPORT_EVERY_MS} says). Iterations are
 * counted across phases, so the score chart runs through pre-training and task training. Stored in the run directory
 * as DL4J's SQLite stats file ({@link J7FileStatsStorage}), one session per run: unlike its MapDB FileStatsStorage,
 * which locks the file, another process can read it while the run trains ({@code ./molap ui --live}).
 */
public final class TrainingStats implements TrainingListener, AutoCloseable {
    /** The stats file in a run directory. */
    public static final String FILE = "ui-stats.dl4j";
    static final String WORKER = "molap";
    /** At most ten reports a second, and the first iteration of every phase: a report costs about a millisecond. */
    static final long REPORT_EVERY_MS = 100;

    private final StatsStorage storage;
    private final Path file;
    private final String session;
    private final long start = System.currentTimeMillis();
    private int iterations;
    private long examples;
    private long lastReport;
    private boolean failed;
    private final java.util.Set<String> probeSessions = new java.util.HashSet<>();
    private final Map<String, Long> lastStamps = new java.util.HashMap<>();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TrainingStats.class);

    public TrainingStats(Path runDirectory) {
        this.file = runDirectory.resolve(FILE);
        this.storage = new J7FileStatsStorage(file.toFile());
        this.session = runDirectory.getFileName().toString();
    }

    @Override
    public void onIteration(Iteration it) {
        long now = System.currentTimeMillis();
        if (iterations == 0) {
            String[] names = it.model().parameters().entrySet().stream().map(e -> key(e.getKey(), e.getValue())).toArray(String[]::new);
            long count = it.model().parameters().values().stream().mapToLong(INDArray::length).sum();
            write(() -> storage.putStaticInfo(initialization(session, it.model().getClass().getName(), names, count, now)));
        }
        iterations++;
        examples += it.batch() == null ? 0 : it.batch().getFeatures().size(0);
        if (it.iteration() > 0 && now - lastReport < REPORT_EVERY_MS) {
            return;
        }
        lastReport = now;
        SbeStatsReport r = new SbeStatsReport();
        r.reportIDs(session, StatsListener.TYPE_ID, WORKER, stamp(session, now));
        r.reportIterationCount(iterations);
        r.reportScore(it.loss());
        Map<String, Double> rates = new LinkedHashMap<>();
        Map<String, Double> parameters = new LinkedHashMap<>();
        Map<String, Double> updates = new LinkedHashMap<>();
        it.model().parameters().forEach((name, value) -> parameters.put(key(name, value), meanMagnitude(value)));
        it.steps().forEach((name, step) -> {
            String key = key(name, step);
            rates.put(key, it.learningRate());
            updates.put(key, meanMagnitude(step));
        });
        r.reportLearningRates(rates);
        r.reportMeanMagnitudes(StatsType.Parameters, parameters);
        r.reportMeanMagnitudes(StatsType.Updates, updates);
        long runtime = Math.max(1, now - start);
        r.reportPerformance(runtime, examples, iterations, examples * 1000.0 / runtime, iterations * 1000.0 / runtime);
        Runtime jvm = Runtime.getRuntime();
        r.reportMemoryUse(jvm.totalMemory() - jvm.freeMemory(), jvm.maxMemory(), org.bytedeco.javacpp.Pointer.physicalBytes(),
                org.bytedeco.javacpp.Pointer.maxPhysicalBytes(), null, null);
        write(() -> storage.putUpdate(r));
    }

    /** Statistics are for watching: a storage that fails (its run moved, a full disk) stops them, not the training. */
    private void write(Runnable put) {
        if (failed) {
            return;
        }
        try {
            put.run();
        } catch (RuntimeException e) {
            failed = true;
            if (java.nio.file.Files.exists(file)) {
                LOG.warn("Training statistics for the UI stopped: {}", e.getMessage());
            } else { // the run was interrupted and its directory renamed while this iteration ended: nothing to say
                LOG.debug("Training statistics for the UI stopped, {} moved: {}", file, e.getMessage());
            }
        }
    }

    /**
     * Probe values (see {@link org.molap.dl4j.train.ProbeSchedule}) at the iteration last reported: each probe is a
     * session of its own, "&lt;run&gt; probe &lt;name&gt;", whose score chart is the probe's value against the same
     * iteration count as the training's score (the UI has no other place for a custom scalar).
     */
    public void onProbes(Map<String, Double> values) {
        long now = System.currentTimeMillis();
        values.forEach((name, value) -> {
            String probeSession = probeSession(name);
            if (probeSessions.add(probeSession)) {
                write(() -> storage.putStaticInfo(initialization(probeSession, "probe: " + name, new String[0], 0, now)));
            }
            SbeStatsReport r = new SbeStatsReport();
            r.reportIDs(probeSession, StatsListener.TYPE_ID, WORKER, stamp(probeSession, now));
            r.reportIterationCount(iterations);
            r.reportScore(value);
            write(() -> storage.putUpdate(r));
        });
    }

    /**
     * A report's time stamp, later than the session's previous one: the stats file keys updates by session, worker and
     * time stamp, so two reports in one millisecond (a phase's first iteration and a probe, say) would keep only one.
     */
    private long stamp(String sessionId, long now) {
        return lastStamps.merge(sessionId, now, (previous, current) -> Math.max(previous + 1, current));
    }

    /** The UI session that shows a probe's values. */
    public String probeSession(String probe) {
        return session + " probe " + probe;
    }

    private SbeStatsInitializationReport initialization(String sessionId, String modelClass, String[] names, long parameters, long now) {
        SbeStatsInitializationReport init = new SbeStatsInitializationReport();
        init.reportIDs(sessionId, StatsListener.TYPE_ID, WORKER, now);
        init.reportSoftwareInfo(System.getProperty("os.arch"), System.getProperty("os.name"), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), System.getProperty("java.specification.version"),
                Nd4j.getBackend().getClass().getSimpleName(), Nd4j.dataType().toString(), Provenance.host(),
                String.valueOf(ProcessHandle.current().pid()), Map.of());
        Runtime jvm = Runtime.getRuntime();
        init.reportHardwareInfo(jvm.availableProcessors(), 0, jvm.maxMemory(), org.bytedeco.javacpp.Pointer.maxPhysicalBytes(),
                new long[0], new String[0], Provenance.host());
        init.reportModelInfo(modelClass, "{}", names, names.length, parameters);
        return init;
    }

    /**
     * The name the UI shows: its update-ratio chart takes the variables whose name ends in "W" (DL4J's layer
     * weights), so a weight matrix W_rec is shown as "rec_W", another matrix L as "L_W"; vectors keep their names.
     */
    static String key(String name, INDArray value) {
        boolean matrix = value.rank() == 2 && value.size(0) > 1 && value.size(1) > 1;
        if (!matrix) {
            return name;
        }
        return name.startsWith("W_") ? name.substring(2) + "_W" : name + "_W";
    }

    private static double meanMagnitude(INDArray a) {
        return a.length() == 0 ? 0 : a.norm1Number().doubleValue() / a.length();
    }

    @Override
    public void close() {
        try {
            storage.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not close " + FILE, e);
        }
    }
}
