package org.molap.experiments;

import org.molap.dl4j.train.Checkpoints;

import org.molap.core.run.Provenance;
import org.molap.core.run.RunDirectory;
import org.molap.export.RunReport;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The life of a run directory, the same for every experiment: created with its manifest (profile, provenance,
 * configuration, seeds, options), filled by the experiment, marked complete and rendered (figures,
 * report.html, notebook.ipynb); on any failure it is marked failed and renamed, on SIGINT or SIGTERM interrupted and
 * renamed, so it never looks complete.
 */
public final class RunLifecycle {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RunLifecycle.class);
    private static volatile boolean stopping;

    /** Whether a signal is stopping the process (a run was marked interrupted): its training may fail on the way out. */
    public static boolean stopping() {
        return stopping;
    }

    private RunLifecycle() {
    }

    private static String yaml(Map<String, Object> config) {
        try {
            return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().writeValueAsString(config).replaceFirst("^---\\s*", "").stripTrailing();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return config.toString();
        }
    }

    /** The folder of a run directory that holds its checkpoints. */
    public static final String CHECKPOINTS = "checkpoints";
    /** Without --checkpoint-every, the training state is saved about once a minute (and at every phase's end). */
    static final long CHECKPOINT_MILLIS = 60_000;

    private static int every(Options options) {
        Integer n = options.integer("checkpoint-every");
        if (n != null && n <= 0) {
            throw new UsageException("Option --checkpoint-every must be positive, got " + n + ".");
        }
        return n == null ? 0 : n;
    }

    /**
     * A resumed run keeps its recorded provenance and configuration; the configuration these options give now must
     * be the recorded one (else the code changed what they mean), and the commit it resumes on is listed.
     */
    private static void resumed(RunDirectory run, Map<String, Object> config) {
        Object recorded = run.manifestValue("config");
        if (!asWritten(config).equals(asWritten(recorded))) {
            run.fail("resumed with another configuration than it was started with");
            throw new UsageException("The run in " + run.path() + " cannot be resumed: its options now give another configuration"
                    + " than the one recorded (the code changed since it started).");
        }
        Map<String, Object> now = Provenance.collect();
        for (String key : java.util.List.of("pid", "process_started", "machine")) {
            run.recordInManifest(key, now.get(key));    // the process that runs it now, for ./molap runs
        }
        Object commit = now.get("git_commit");
        if (!java.util.Objects.equals(commit, run.manifestValue("git_commit"))) {
            LOG.warn("Resuming {} (commit {}) with commit {}: the result may differ from an uninterrupted run.",
                    run.path(), run.manifestValue("git_commit"), commit);
        }
    }

    /** A value as it reads back from its JSON text (a long 1 and an int 1 are then one number). */
    public static com.fasterxml.jackson.databind.JsonNode asWritten(Object value) {
        try {
            return RunDirectory.JSON.readTree(RunDirectory.JSON.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A configuration that JSON cannot write: " + e.getMessage(), e);
        }
    }

    /** Runs {@code body} in a new run directory of experiment {@code name} and returns the directory. */
    public static Path execute(Options options, String name, Map<String, Object> config, Map<String, Object> seeds,
                               Consumer<RunDirectory> body) {
        int checkpointEvery = every(options);     // checked before the run directory exists, as every option
        boolean resume = options.resumeDir() != null;
        RunDirectory run = resume ? RunDirectory.reopen(options.resumeDir()) : RunDirectory.create(options.out(), name);
        // Ctrl-C or SIGTERM: the JVM runs its shutdown hooks, and this one marks the run interrupted and renames it.
        Thread onSignal = new Thread(() -> {
            stopping = true;
            if (run.interrupt("stopped by a signal (Ctrl-C or SIGTERM) before it finished")) {
                System.err.println("molap: run interrupted; marked in " + run.path());
                try {
                    RunReport.render(run.path());   // what it trained so far: the loss curves, marked incomplete
                } catch (RuntimeException | Error partial) {
                    System.err.println("molap: no report for the interrupted run (" + partial.getMessage() + ")");
                }
            }
        }, "molap-interrupted-run");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            if (resume) {
                resumed(run, config);
            } else {
                run.recordInManifest("profile", options.profile().id());
                Provenance.collect().forEach(run::recordInManifest);
                run.recordInManifest("config", config);
                run.recordInManifest("seeds", seeds);
                run.recordInManifest("options", options.asMap());
                if (options.configFile() != null) {
                    run.recordInManifest("config_file", options.configFile().toAbsolutePath().normalize().toString());
                }
            }
            LOG.info("{} in {}, effective configuration:\n{}", name, run.path(), yaml(config));
            // a resumed run of independent networks may have kept only their results (networks/), no checkpoint
            boolean fromCheckpoints = resume && java.nio.file.Files.isDirectory(run.path().resolve(CHECKPOINTS));
            Checkpoints checkpoints = new Checkpoints(run.path().resolve(CHECKPOINTS), checkpointEvery > 0 ? 0 : CHECKPOINT_MILLIS,
                    checkpointEvery, Map.of(RunDirectory.METRICS, run.path().resolve(RunDirectory.METRICS)), fromCheckpoints);
            try (Checkpoints.Active active = checkpoints.activate()) {
                body.accept(run);
            }
            if (checkpoints.checkpointsWritten() > 0) {
                LOG.info("{}", checkpoints.cost());
            }
            run.complete(); // before rendering, so the report shows the final status
            RunReport.render(run.path());
            return run.path();
        } catch (RuntimeException | Error e) {
            run.fail(String.valueOf(e.getMessage() == null ? e : e.getMessage()));
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }
}
