package org.molap.experiments.summary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.molap.core.run.RunDirectory;
import org.molap.experiments.UsageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Completed runs of one experiment and one configuration, one per seed, read back for a summary over seeds: each
 * run's results.json by its seed. The configurations must agree but for their seeds; a run that has not completed,
 * belongs to another experiment or repeats a seed is one clear sentence.
 */
public record SeedRunSet(String experiment, JsonNode config, TreeMap<Long, JsonNode> resultsBySeed, List<Path> sources) {

    public static SeedRunSet read(List<Path> dirs, String experiment) {
        TreeMap<Long, JsonNode> bySeed = new TreeMap<>();
        JsonNode config = null;
        Path first = null;
        for (Path dir : dirs) {
            JsonNode manifest = json(dir.resolve(RunDirectory.MANIFEST));
            if (!experiment.equals(manifest.path("experiment").asText()) || !"complete".equals(manifest.path("status").asText())) {
                throw new UsageException("The run " + dir + " is a " + manifest.path("status").asText() + " " + manifest.path("experiment").asText()
                        + " run; a " + experiment + " summary needs complete " + experiment + " runs.");
            }
            long seed = manifest.path("seeds").path("seed").asLong();
            JsonNode c = withoutSeeds(manifest.path("config").deepCopy());
            if (config == null) {
                config = c;
                first = dir;
            } else if (!config.equals(c)) {
                throw new UsageException("The runs " + first + " and " + dir + " have different configurations; a summary over seeds needs one configuration.");
            }
            if (bySeed.put(seed, json(dir.resolve(RunDirectory.RESULTS))) != null) {
                throw new UsageException("Two runs of seed " + seed + " (" + dir + "); give one run per seed.");
            }
        }
        if (bySeed.isEmpty()) {
            throw new UsageException("No runs given; pass --runs with the " + experiment + " run directories, one per seed.");
        }
        return new SeedRunSet(experiment, config, bySeed, List.copyOf(dirs));
    }

    /** The experiment of the run in {@code dir} (from its manifest). */
    public static String experimentOf(Path dir) {
        return json(dir.resolve(RunDirectory.MANIFEST)).path("experiment").asText();
    }

    /** Writes the summary's results.json ({@code key}: the numbers, and the claims) and prints the claims' verdicts. */
    public void writeSummary(RunDirectory run, String key, Object numbers, List<Claim> claims, java.io.PrintStream console) {
        Map<String, Object> results = new java.util.LinkedHashMap<>();
        results.put("experiment", "summary");
        results.put("summarises", experiment);
        results.put("seeds", seeds());
        results.put(key, numbers);
        results.put("claims", claims.stream().map(Claim::json).toList());
        run.writeJson(RunDirectory.RESULTS, results);
        claims.forEach(c -> c.print(console));
    }

    public List<Long> seeds() {
        return new ArrayList<>(resultsBySeed.keySet());
    }

    /** The config without any field named "seed" (a run's seeds are recorded apart from its configuration). */
    private static JsonNode withoutSeeds(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("seed");
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                withoutSeeds(it.next().getValue());
            }
        }
        return node;
    }

    private static JsonNode json(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("No " + file.getFileName() + " in " + file.getParent() + "; is it a run directory?");
        }
        try {
            return RunDirectory.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UsageException("The file " + file + " cannot be read: " + e.getMessage());
        }
    }
}
