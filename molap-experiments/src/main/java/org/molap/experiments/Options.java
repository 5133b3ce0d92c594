package org.molap.experiments;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options a run was given, by name (from the command line or a config file, parsed by {@link RunCommandLine});
 * the experiments read them typed and fall back to their profile's defaults for the ones not given.
 */
public final class Options {
    private final Map<String, String> values = new LinkedHashMap<>();
    private Path configFile;
    private Path resumeDir;

    static Options of(Map<String, String> values, Path configFile) {
        Options o = new Options();
        o.values.putAll(values);
        o.configFile = configFile;
        return o;
    }

    private Options() {
    }

    /** The option lists, one after another: an experiment's options from shared groups. */
    @SafeVarargs
    public static java.util.List<RunOption> join(java.util.List<RunOption>... groups) {
        return java.util.Arrays.stream(groups).flatMap(java.util.List::stream).toList();
    }

    /** The config file the options came from in part, or null. */
    public Path configFile() {
        return configFile;
    }

    public Profile profile() {
        return Profile.parse(values.getOrDefault("profile", "quick"));
    }

    public Path out() {
        return Path.of(values.getOrDefault("out", "runs"));
    }

    public String get(String key) {
        return values.get(key);
    }

    public Integer integer(String key) {
        String v = values.get(key);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("Option --" + key + " needs a whole number, got '" + v + "'.");
        }
    }

    /** A whole-number option that must be positive, or {@code fallback} when it is not given. */
    public int positive(String key, int fallback) {
        Integer v = integer(key);
        if (v == null) {
            return fallback;
        }
        if (v <= 0) {
            throw new UsageException("Option --" + key + " must be positive, got " + v + ".");
        }
        return v;
    }

    public Double number(String key) {
        String v = values.get(key);
        if (v == null) {
            return null;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("Option --" + key + " needs a number, got '" + v + "'.");
        }
    }

    public Long seed() {
        String v = values.get("seed");
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("Option --seed needs a whole number, got '" + v + "'.");
        }
    }

    public Map<String, String> asMap() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The same options, to continue the run in {@code dir} from its checkpoints ({@code ./molap resume}). */
    public Options resuming(Path dir) {
        Options o = of(values, configFile);
        o.resumeDir = dir;
        return o;
    }

    /** The run directory to resume, or null for a new run. */
    public Path resumeDir() {
        return resumeDir;
    }
}
