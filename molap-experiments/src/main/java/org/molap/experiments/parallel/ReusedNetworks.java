package org.molap.experiments.parallel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.molap.core.run.RunDirectory;
import org.molap.experiments.Options;
import org.molap.experiments.RunLifecycle;
import org.molap.experiments.UsageException;

/**
 * {@code --networks-from <run-dirs>}: the finished networks of earlier runs of the same experiment and settings,
 * copied into a new run instead of being trained again. A run of 10 networks per model can so grow from runs of 3
 * and of 4 (seeds 1-3 and 4-7), on one machine or several, one sitting at a time. The earlier runs may differ in
 * their seeds, their number of networks and the models (or conditions, architectures) they trained; any other
 * setting must be the same, else the option is refused before the run directory is made. The manifest records which
 * network came from which run and commit.
 */
public final class ReusedNetworks {
    /** Settings that only choose which networks a run has: their folders name them. */
    private static final List<String> CHOOSING = List.of("firstSeed", "networks", "models", "architectures");

    /** An earlier run and the commit that trained it. */
    private record Source(Path dir, String commit) {
    }

    private final List<Source> sources;

    private ReusedNetworks(List<Source> sources) {
        this.sources = sources;
    }

    /** None: every network is trained. */
    public static ReusedNetworks none() {
        return new ReusedNetworks(List.of());
    }

    /**
     * The runs {@code --networks-from} names, checked against this run's experiment and configuration; a folder that
     * is no run directory, or a run of another experiment or other settings, is the user's mistake.
     */
    public static ReusedNetworks of(Options options, String experiment, Map<String, Object> config) {
        String value = options.get("networks-from");
        if (value == null || value.isBlank() || options.resumeDir() != null) {
            return none();         // a resumed run copied them when it started
        }
        List<Source> sources = new ArrayList<>();
        for (String part : value.split(",")) {
            Path dir = Path.of(part.trim());
            JsonNode manifest = manifest(dir);
            String theirs = manifest.path("experiment").asText();
            if (!experiment.equals(theirs)) {
                throw new UsageException("--networks-from " + dir + " is a run of " + theirs + ", not of " + experiment + ".");
            }
            List<String> differ = differences(RunLifecycle.asWritten(config), manifest.path("config"));
            if (!differ.isEmpty()) {
                throw new UsageException("--networks-from " + dir + " was trained with other settings (" + String.join(", ", differ)
                        + "), so its networks are not this run's.");
            }
            sources.add(new Source(dir, manifest.path("git_commit").asText()));
        }
        return new ReusedNetworks(sources);
    }

    private static JsonNode manifest(Path dir) {
        Path file = dir.resolve(RunDirectory.MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new UsageException("--networks-from " + dir + " is not a run directory (it has no " + RunDirectory.MANIFEST + ").");
        }
        try {
            return RunDirectory.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UsageException("--networks-from " + dir + " has an unreadable " + RunDirectory.MANIFEST + " (" + e.getMessage() + ").");
        }
    }

    /** The settings that differ, as "name (this run's value) here, (theirs) there", the choosing ones left out. */
    static List<String> differences(JsonNode ours, JsonNode theirs) {
        ObjectNode a = ours.deepCopy();
        ObjectNode b = theirs.isObject() ? ((ObjectNode) theirs).deepCopy() : RunDirectory.JSON.createObjectNode();
        a.remove(CHOOSING);
        b.remove(CHOOSING);
        List<String> differ = new ArrayList<>();
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        a.fieldNames().forEachRemaining(names::add);
        b.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            if (!Objects.equals(a.get(name), b.get(name))) {
                differ.add(name + " " + a.get(name) + " here, " + b.get(name) + " there");
            }
        }
        return differ;
    }

    /**
     * Copies into each unfinished job's folder the first finished network of the same name the earlier runs hold,
     * and records in the run's manifest where each came from.
     */
    public void copy(List<? extends NetworkUnits.Job> jobs, RunDirectory run, PrintStream console) {
        Map<String, Object> copied = new LinkedHashMap<>();
        for (NetworkUnits.Job job : jobs) {
            if (NetworkUnits.finished(job.dir())) {
                continue;
            }
            for (Source source : sources) {
                Path theirs = source.dir().resolve(NetworkUnits.NETWORKS).resolve(job.dir().getFileName());
                if (NetworkUnits.finished(theirs)) {
                    copyFolder(theirs, job.dir());
                    copied.put(job.dir().getFileName().toString(), Map.of("run", source.dir().toAbsolutePath().normalize().toString(),
                            "git_commit", source.commit()));
                    break;
                }
            }
        }
        if (!copied.isEmpty()) {
            console.printf("%d networks copied from --networks-from: %s%n", copied.size(), String.join(", ", copied.keySet()));
            run.recordInManifest("networks_from", copied);
        }
    }

    private static void copyFolder(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals(NetworkUnits.RESULT)) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            // the result last: a copy cut short leaves the network unfinished, to be trained
            Files.copy(from.resolve(NetworkUnits.RESULT), to.resolve(NetworkUnits.RESULT), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the network " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }
}
