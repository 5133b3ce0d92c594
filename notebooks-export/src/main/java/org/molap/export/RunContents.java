package org.molap.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The inputs of a run directory, read and checked up front so that nothing is written for a run that
 * cannot be rendered: manifest.json and results.json (required), metrics.jsonl and arrays/*.npy (optional).
 */
final class RunContents {
    static final String MANIFEST = org.molap.core.run.RunDirectory.MANIFEST;
    static final String RESULTS = org.molap.core.run.RunDirectory.RESULTS;
    static final String METRICS = org.molap.core.run.RunDirectory.METRICS;
    static final String ARRAYS = org.molap.core.run.RunDirectory.ARRAYS;
    static final String FIGURES = org.molap.core.run.RunDirectory.FIGURES;
    static final String REPORT = org.molap.core.run.RunDirectory.REPORT;
    static final String NOTEBOOK = org.molap.core.run.RunDirectory.NOTEBOOK;

    /** Lenient about NaN and Infinity, which a diverged run may have logged. */
    static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    final Path dir;
    final JsonNode manifest;
    final JsonNode results;
    /** One object per non-blank line of metrics.jsonl; empty when the file is absent. */
    final List<JsonNode> metrics;
    final boolean hasMetrics;
    /** arrays/*.npy by file name, sorted. */
    final Map<String, Path> arrays;

    private RunContents(Path dir, JsonNode manifest, JsonNode results, List<JsonNode> metrics, boolean hasMetrics,
                         Map<String, Path> arrays) {
        this.dir = dir;
        this.manifest = manifest;
        this.results = results;
        this.metrics = metrics;
        this.hasMetrics = hasMetrics;
        this.arrays = arrays;
    }

    /** Reads a run directory; a missing or unreadable part is an IllegalArgumentException naming it. */
    static RunContents open(Path dir) {
        if (dir == null) {
            throw new IllegalArgumentException("No run directory given; pass the path of a run directory such as "
                    + "runs/molap-20261122-231500.");
        }
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.exists(abs)) {
            throw new IllegalArgumentException("Run directory " + abs + " does not exist; pass the path of a run "
                    + "directory such as runs/molap-20261122-231500.");
        }
        if (!Files.isDirectory(abs)) {
            throw new IllegalArgumentException("Run directory " + abs + " is a file, not a directory; pass the "
                    + "folder that holds manifest.json and results.json.");
        }
        JsonNode manifest = object(abs, MANIFEST, "is this a run directory written by a MoLaP experiment?");
        String status = manifest.path("status").asText("unknown");
        // A run stopped early has no results; its report still shows what it trained (loss curves, arrays).
        boolean endedEarly = status.equals("interrupted") || status.equals("failed");
        JsonNode results = endedEarly && !Files.isRegularFile(abs.resolve(RESULTS)) ? JSON.createObjectNode()
                : object(abs, RESULTS, "the run's status is \"" + status + "\"; a run writes results.json when it finishes.");
        Path metricsFile = abs.resolve(METRICS);
        boolean hasMetrics = Files.isRegularFile(metricsFile);
        List<JsonNode> metrics = hasMetrics ? lines(metricsFile) : List.of();
        return new RunContents(abs, manifest, results, metrics, hasMetrics, arrays(abs.resolve(ARRAYS)));
    }

    /** The run's name: its folder name. */
    String name() {
        return dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
    }

    /** The manifest's text field, or "unknown". */
    String manifestText(String field) {
        JsonNode v = manifest.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? "unknown" : v.asText();
    }

    private static JsonNode object(Path dir, String file, String hint) {
        Path p = dir.resolve(file);
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("Run directory " + dir + " has no " + file + "; " + hint);
        }
        JsonNode node;
        try {
            node = JSON.readTree(p.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Run directory " + dir + " has an unreadable " + file
                    + ": it is not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ").");
        } catch (IOException e) {
            throw new IllegalArgumentException("Run directory " + dir + " has an unreadable " + file + " ("
                    + e.getMessage() + ").");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("Run directory " + dir + " has an unreadable " + file
                    + ": it must hold one JSON object.");
        }
        return node;
    }

    private static List<JsonNode> lines(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("Run directory " + file.getParent() + " has an unreadable "
                    + METRICS + " (" + e.getMessage() + ").");
        }
        List<JsonNode> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                n = null;
            }
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("Run directory " + file.getParent() + " has an unreadable "
                        + METRICS + ": line " + (i + 1) + " is not a JSON object.");
            }
            events.add(n);
        }
        return events;
    }

    private static Map<String, Path> arrays(Path folder) {
        Map<String, Path> arrays = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return arrays;
        }
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(p -> p.getFileName().toString().endsWith(".npy") && Files.isRegularFile(p))
                    .forEach(p -> arrays.put(p.getFileName().toString(), p));
        } catch (IOException e) {
            throw new IllegalArgumentException("Run directory " + folder.getParent() + " has an unreadable "
                    + ARRAYS + "/ folder (" + e.getMessage() + ").");
        }
        return arrays;
    }
}
