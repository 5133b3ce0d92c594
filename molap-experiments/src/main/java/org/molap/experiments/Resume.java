package org.molap.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import org.molap.core.run.RunDirectory;
import org.molap.core.run.RunStatus;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./molap resume <run-dir>}: continues a run that did not complete (interrupted, failed, or killed and now
 * stale) from its last checkpoint, with the options recorded in its manifest, in the same directory. A complete run
 * says so and is left alone; a run whose process still runs is refused.
 */
final class Resume {
    private Resume() {
    }

    static Path run(Path dir, Map<String, Experiment> experiments, PrintStream console) {
        Path manifestFile = dir.resolve(RunDirectory.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new UsageException("No " + RunDirectory.MANIFEST + " in " + dir + "; pass a run directory written by ./molap run.");
        }
        JsonNode manifest;
        try {
            manifest = RunDirectory.JSON.readTree(manifestFile.toFile());
        } catch (IOException e) {
            throw new UsageException("The manifest of " + dir + " cannot be read (" + e.getMessage() + ").");
        }
        String status = RunStatus.of(dir, manifest);
        if (status.equals("complete")) {
            console.println(dir + " is complete; nothing to resume.");
            return dir;
        }
        if (status.equals("running")) {
            throw new UsageException(dir + " is still running (process " + manifest.path("pid").asText() + " on "
                    + manifest.path("machine").path("host").asText() + "); stop it before resuming.");
        }
        // a run of independent networks keeps each finished one in networks/ (it may have no checkpoint of its own)
        if (!Files.isDirectory(dir.resolve(RunLifecycle.CHECKPOINTS))
                && !Files.isDirectory(dir.resolve(org.molap.experiments.parallel.NetworkUnits.NETWORKS))) {
            throw new UsageException(dir + " has no checkpoints to resume from (it stopped before its first one); run it again.");
        }
        Experiment experiment = experiments.get(manifest.path("experiment").asText());
        if (experiment == null) {
            throw new UsageException(dir + " is a run of '" + manifest.path("experiment").asText() + "', which this version cannot resume.");
        }
        Map<String, String> options = new LinkedHashMap<>();
        manifest.path("options").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
        console.println("Resuming " + dir + " (" + status + ") with its recorded options " + options + ".");
        return experiment.run(Options.of(options, null).resuming(dir), console);
    }
}
