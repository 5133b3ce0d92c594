package org.molap.experiments.readme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.molap.core.run.AtomicFiles;
import org.molap.core.run.RunDirectory;
import org.molap.experiments.UsageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code ./molap keep <run-dir> <file.json>}: a completed run's results kept in the repository for the README's
 * tables, as one file with the run's name, its provenance (commit, versions, machine, times, seeds), its
 * configuration and its results.json.
 */
public final class KeptResult {
    private KeptResult() {
    }

    public static void keep(Path runDir, Path target) {
        JsonNode manifest = read(runDir.resolve(RunDirectory.MANIFEST), runDir);
        if (!"complete".equals(manifest.path("status").asText())) {
            throw new UsageException(runDir + " has status '" + manifest.path("status").asText() + "'; only a complete run's results can be kept.");
        }
        ObjectNode provenance = manifest.deepCopy();
        provenance.remove(java.util.List.of("config", "pid", "process_started"));
        ObjectNode kept = RunDirectory.JSON.createObjectNode();
        kept.put("run", runDir.toAbsolutePath().normalize().getFileName().toString());
        kept.set("provenance", provenance);
        kept.set("config", manifest.path("config"));
        kept.set("results", read(runDir.resolve(RunDirectory.RESULTS), runDir));
        try {
            AtomicFiles.write(target, RunDirectory.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(kept) + "\n");
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UsageException("Cannot write " + target + " (" + e.getMessage() + ").");
        }
    }

    private static JsonNode read(Path file, Path runDir) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("No " + file.getFileName() + " in " + runDir + "; pass a run directory written by ./molap run.");
        }
        try {
            return RunDirectory.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UsageException("Cannot read " + file + " (" + e.getMessage() + ").");
        }
    }
}
