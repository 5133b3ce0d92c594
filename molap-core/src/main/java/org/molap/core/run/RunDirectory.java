package org.molap.core.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run's directory (DESIGN.md "The run directory"): {@code <parent>/<experiment>-<yyyyMMdd-HHmmss>/} with
 * manifest.json, results.json, metrics.jsonl, models/, arrays/ and figures/.
 * The manifest says {@code "status": "running"} until {@link #complete()}; a run that fails is renamed to
 * {@code <name>.failed} with status "failed", one stopped by a signal to {@code <name>.interrupted} with status
 * "interrupted", so no half-written directory looks complete. A run killed outright (SIGKILL) keeps "running";
 * {@link RunStatus} tells it from a live one by the process recorded in the manifest.
 */
public final class RunDirectory {
    public static final String MANIFEST = "manifest.json";
    public static final String RESULTS = "results.json";
    public static final String METRICS = "metrics.jsonl";
    public static final String MODELS = "models";
    public static final String ARRAYS = "arrays";
    public static final String FIGURES = "figures";
    public static final String REPORT = "report.html";
    public static final String NOTEBOOK = "notebook.ipynb";

    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private Path path;
    private final Map<String, Object> manifest = new LinkedHashMap<>();
    private String status = "running";

    private RunDirectory(Path path) {
        this.path = path;
    }

    /** Creates a fresh run directory; an unwritable parent is a user error with one clear sentence. */
    public static RunDirectory create(Path parent, String experiment) {
        try {
            Files.createDirectories(parent);
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException("The output directory " + parent + " cannot be created; choose a writable --out.");
        }
        if (!Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new IllegalArgumentException("The output directory " + parent + " is not a writable directory; choose a writable --out.");
        }
        String base = experiment + "-" + LocalDateTime.now().format(STAMP);
        Path dir = parent.resolve(base);
        for (int i = 2; Files.exists(dir) || Files.exists(parent.resolve(dir.getFileName() + ".failed"))
                || Files.exists(parent.resolve(dir.getFileName() + ".interrupted")); i++) {
            dir = parent.resolve(base + "-" + i);
        }
        try {
            Files.createDirectories(dir.resolve(MODELS));
            Files.createDirectories(dir.resolve(ARRAYS));
            Files.createDirectories(dir.resolve(FIGURES));
        } catch (IOException e) {
            throw new IllegalArgumentException("The run directory " + dir + " cannot be created; choose a writable --out.");
        }
        RunDirectory run = new RunDirectory(dir);
        run.manifest.put("experiment", experiment);
        run.manifest.put("status", "running");
        return run;
    }

    /**
     * Reopens a run that did not complete (interrupted, failed, or killed and stale) to resume it: renamed back to its
     * own name, status "running" again, the times it resumed listed in "resumed". The caller checks that no process
     * still runs it.
     */
    @SuppressWarnings("unchecked")
    public static RunDirectory reopen(Path dir) {
        Map<String, Object> manifest;
        try {
            manifest = JSON.readValue(dir.resolve(MANIFEST).toFile(), LinkedHashMap.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("No readable " + MANIFEST + " in " + dir + "; pass a run directory written by ./molap run.");
        }
        String name = dir.getFileName().toString().replaceFirst("\\.(failed|interrupted)$", "");
        Path own = dir.resolveSibling(name);
        if (!own.equals(dir)) {
            if (Files.exists(own)) {
                throw new IllegalArgumentException("Cannot rename " + dir + " back to " + own + ": that name is taken.");
            }
            try {
                Files.move(dir, own);
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot rename " + dir + " back to " + own + " (" + e.getMessage() + ").");
            }
        }
        RunDirectory run = new RunDirectory(own);
        run.manifest.putAll(manifest);
        run.manifest.remove("ended");
        run.manifest.remove("error");
        java.util.List<Object> resumed = new java.util.ArrayList<>((java.util.List<Object>) manifest.getOrDefault("resumed", java.util.List.of()));
        resumed.add(java.time.Instant.now().toString());
        run.manifest.put("resumed", resumed);
        run.recordInManifest("status", "running");
        return run;
    }

    /** The manifest's value of {@code key} as recorded, or null. */
    public synchronized Object manifestValue(String key) {
        return manifest.get(key);
    }

    public Path path() {
        return path;
    }

    public Path models() {
        return path.resolve(MODELS);
    }

    public Path arrays() {
        return path.resolve(ARRAYS);
    }

    public Path figures() {
        return path.resolve(FIGURES);
    }

    public Path file(String name) {
        return path.resolve(name);
    }

    /** Adds provenance to the manifest and rewrites it. */
    public synchronized void recordInManifest(String key, Object value) {
        manifest.put(key, value);
        writeJson(MANIFEST, manifest);
    }

    /** Writes a JSON file whole (a reader never sees half of it) and readable by all. */
    public void writeJson(String name, Object value) {
        try {
            AtomicFiles.write(path.resolve(name), JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + path.resolve(name), e);
        }
    }

    public JsonLines openJsonLines(String name) {
        return new JsonLines(path.resolve(name));
    }

    /** Marks the run complete; call only after results.json is written. False when it had already ended otherwise. */
    public synchronized boolean complete() {
        if (!status.equals("running")) {
            return false;
        }
        end("complete", null);
        return true;
    }

    /** Marks the run failed and renames it to {@code <name>.failed}; returns the new path. */
    public synchronized Path fail(String reason) {
        if (status.equals("running")) {
            end("failed", reason);
            renameTo(".failed");
        }
        return path;
    }

    /**
     * Marks a run still running as interrupted and renames it to {@code <name>.interrupted} (from a shutdown hook on
     * SIGINT or SIGTERM); returns whether it did.
     */
    public synchronized boolean interrupt(String reason) {
        if (!status.equals("running")) {
            return false;
        }
        end("interrupted", reason);
        renameTo(".interrupted");
        return true;
    }

    /** Records the end; when the manifest cannot be rewritten (a full disk), the rename that follows still tells. */
    private void end(String newStatus, String reason) {
        status = newStatus;
        manifest.put("ended", java.time.Instant.now().toString());
        if (reason != null) {
            manifest.put("error", reason);
        }
        try {
            recordInManifest("status", newStatus);
        } catch (UncheckedIOException e) {
            // the directory's new name (.failed, .interrupted) is the record
        }
    }

    private void renameTo(String suffix) {
        Path renamed = path.resolveSibling(path.getFileName() + suffix);
        try {
            Files.move(path, renamed);
            path = renamed;
        } catch (IOException e) {
            // The manifest already tells; the name stays.
        }
    }
}
