package org.molap.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import org.molap.core.run.RunDirectory;
import org.molap.core.run.RunStatus;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./molap runs [--out <folder>]}: the run directories of a folder, oldest first, with experiment, status (a
 * "running" run whose process is gone shows as stale), start, duration and the headline numbers of results.json.
 */
final class RunsCommand {
    private RunsCommand() {
    }

    static void list(Path folder, PrintStream out) {
        if (!Files.isDirectory(folder)) {
            throw new UsageException("No run folder " + folder + "; runs are written to ./runs unless --out names another.");
        }
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            s.filter(d -> Files.isRegularFile(d.resolve(RunDirectory.MANIFEST))).sorted().forEach(dirs::add);
        } catch (IOException e) {
            throw new UsageException("The run folder " + folder + " cannot be read (" + e.getMessage() + ").");
        }
        if (dirs.isEmpty()) {
            out.println("No runs in " + folder + ".");
            return;
        }
        out.printf("%-40s %-10s %-12s %-20s %9s  %s%n", "run", "experiment", "status", "started (UTC)", "duration", "headline");
        for (Path d : dirs) {
            JsonNode manifest = read(d.resolve(RunDirectory.MANIFEST));
            JsonNode results = read(d.resolve(RunDirectory.RESULTS));
            if (manifest == null) {
                out.printf("%-40s %s%n", d.getFileName(), "(manifest unreadable)");
                continue;
            }
            String started = manifest.path("started").asText("");
            String status = RunStatus.of(d, manifest);
            // a stale run ended when it last wrote a metrics line or its manifest
            String ended = status.equals("stale") ? lastWrite(d) : manifest.path("ended").asText(null);
            out.printf("%-40s %-10s %-12s %-20s %9s  %s%n", d.getFileName(), manifest.path("experiment").asText("?"),
                    status, started.length() >= 19 ? started.substring(0, 19).replace('T', ' ') : started,
                    duration(started, ended), headline(results));
        }
    }

    private static String lastWrite(Path dir) {
        Instant last = Instant.EPOCH;
        for (String name : List.of(RunDirectory.MANIFEST, RunDirectory.METRICS)) {
            try {
                Instant t = Files.getLastModifiedTime(dir.resolve(name)).toInstant();
                last = t.isAfter(last) ? t : last;
            } catch (IOException missing) {
                // not written yet
            }
        }
        return last.toString();
    }

    private static JsonNode read(Path file) {
        try {
            return Files.isRegularFile(file) ? RunDirectory.JSON.readTree(file.toFile()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** From start to end, or to now for a run without an end; blank when the times are missing. */
    static String duration(String started, String ended) {
        try {
            Duration d = Duration.between(Instant.parse(started), ended == null ? Instant.now() : Instant.parse(ended));
            long s = d.getSeconds();
            return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60) : String.format("%dm%02ds", s / 60, s % 60);
        } catch (DateTimeParseException | NullPointerException e) {
            return "";
        }
    }

    /** The mean accuracy of a run, or of each method of a baselines run or summary. */
    static String headline(JsonNode results) {
        if (results == null) {
            return "";
        }
        if (results.path("mean_accuracy").isNumber()) {
            return String.format("mean accuracy %.1f%%", 100 * results.get("mean_accuracy").asDouble());
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> m : (Iterable<Map.Entry<String, JsonNode>>) results.path("methods")::fields) {
            if (m.getValue().path("mean_accuracy").isNumber()) {
                parts.add(String.format("%s %.1f%%", m.getKey(), 100 * m.getValue().get("mean_accuracy").asDouble()));
            }
        }
        return String.join(", ", parts);
    }
}
