package org.molap.experiments.baselines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.molap.core.run.RunDirectory;
import org.molap.experiments.UsageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Completed {@code run baselines} directories read back for a summary over seeds: per method, per seed, the
 * method's entry of results.json. Runs may split the methods of one seed between them (one job per core),
 * but must share one configuration (profile, stages, leak, tasks...): a summary never mixes settings. In a
 * folder of runs, other experiments' runs and those that have not completed are left out and listed; a run
 * named on its own must be a complete baselines run.
 */
final class SeedRuns {
    /** One method's entries by seed, and its label. */
    record MethodRuns(String label, TreeMap<Long, JsonNode> bySeed) {
    }

    final Map<String, MethodRuns> methods = new LinkedHashMap<>();
    final List<String> tasks = new ArrayList<>();
    final List<Path> sources = new ArrayList<>();
    /** Runs found in a folder but left out (not baselines runs, or not completed), with the reason. */
    final Map<Path, String> skipped = new LinkedHashMap<>();
    /** The shared configuration of the runs (without the method list, which may differ between them). */
    JsonNode config;

    /** Reads each path: a baselines run directory, or a folder whose subfolders are such directories. */
    static SeedRuns read(List<Path> paths) {
        SeedRuns runs = new SeedRuns();
        for (Path p : paths) {
            if (Files.isRegularFile(p.resolve(RunDirectory.RESULTS)) || Files.isRegularFile(p.resolve(RunDirectory.MANIFEST))) {
                runs.add(p);
                continue;
            }
            if (!Files.isDirectory(p)) {
                throw new UsageException("No run directory or folder of runs at " + p + "; pass --runs directories written by ./molap run baselines.");
            }
            try (Stream<Path> children = Files.list(p)) {
                List<Path> dirs = children.filter(c -> Files.isRegularFile(c.resolve(RunDirectory.MANIFEST)))
                        .sorted(Comparator.naturalOrder()).toList();
                for (Path dir : dirs) {
                    JsonNode manifest = json(dir.resolve(RunDirectory.MANIFEST));
                    String experiment = manifest.path("experiment").asText();
                    String status = manifest.path("status").asText();
                    if (!"baselines".equals(experiment)) {
                        runs.skipped.put(dir, "a " + experiment + " run");
                    } else if (!"complete".equals(status)) {
                        runs.skipped.put(dir, status);
                    } else {
                        runs.add(dir);
                    }
                }
            } catch (IOException e) {
                throw new UsageException("Cannot list " + p + ": " + e.getMessage());
            }
        }
        if (runs.methods.isEmpty()) {
            throw new UsageException("No completed baselines runs in " + paths + "; pass --runs directories written by ./molap run baselines.");
        }
        runs.inMethodOrder();
        return runs;
    }

    /** The methods in the order run baselines reports them, whatever the order the runs were read in. */
    private void inMethodOrder() {
        Map<String, MethodRuns> ordered = new LinkedHashMap<>();
        BaselinesExperiment.METHODS.forEach(m -> {
            if (methods.containsKey(m)) {
                ordered.put(m, methods.get(m));
            }
        });
        methods.clear();
        methods.putAll(ordered);
    }

    private void add(Path dir) {
        JsonNode manifest = json(dir.resolve(RunDirectory.MANIFEST));
        if (!"baselines".equals(manifest.path("experiment").asText())) {
            throw new UsageException(dir + " is a '" + manifest.path("experiment").asText() + "' run, not a baselines run.");
        }
        if (!"complete".equals(manifest.path("status").asText())) {
            throw new UsageException(dir + " has status '" + manifest.path("status").asText() + "', not complete; leave it out of --runs.");
        }
        ObjectNode cfg = manifest.path("config").deepCopy();
        cfg.remove("methods");
        if (config == null) {
            config = cfg;
        } else if (!config.equals(cfg)) {
            throw new UsageException(dir + " was run with other settings than " + sources.get(0) + "; summarise runs of one configuration at a time.");
        }
        long seed = manifest.path("seeds").path("seed").asLong();
        JsonNode results = json(dir.resolve(RunDirectory.RESULTS));
        results.path("methods").fields().forEachRemaining(e -> {
            MethodRuns m = methods.computeIfAbsent(e.getKey(), k -> new MethodRuns(e.getValue().path("label").asText(k), new TreeMap<>()));
            if (m.bySeed().put(seed, e.getValue()) != null) {
                throw new UsageException("Method " + e.getKey() + " appears twice for seed " + seed + " (again in " + dir + "); pass each run once.");
            }
            e.getValue().path("tasks").fieldNames().forEachRemaining(t -> {
                if (!tasks.contains(t)) {
                    tasks.add(t);
                }
            });
        });
        sources.add(dir);
    }

    private static JsonNode json(Path file) {
        try {
            return RunDirectory.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UsageException("Cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A method's test accuracy on a task for one seed (NaN when that run has no such task). */
    double accuracy(String method, long seed, String task, String key) {
        return methods.get(method).bySeed().get(seed).path("tasks").path(task).path(key).asDouble(Double.NaN);
    }

    /** Mean accuracy over the given tasks of a method for one seed. */
    double meanOver(String method, long seed, List<String> over, String key) {
        return over.stream().mapToDouble(t -> accuracy(method, seed, t, key)).average().orElse(Double.NaN);
    }

    /** A method's mean over the given tasks, one value per seed it ran (in seed order). */
    double[] perSeed(String method, List<String> over, String key) {
        return methods.get(method).bySeed().keySet().stream().mapToDouble(seed -> meanOver(method, seed, over, key)).toArray();
    }

    /** A count (parameters, updates) of a method for one seed. */
    long count(String method, long seed, String key) {
        return methods.get(method).bySeed().get(seed).path(key).asLong();
    }
}
