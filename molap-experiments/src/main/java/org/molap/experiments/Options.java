package org.molap.experiments;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of {@code molap run}: {@code --profile}, {@code --out}, {@code --seed}, and per-experiment
 * overrides such as {@code --tasks} or {@code --modules}. Unknown options are user errors.
 */
public final class Options {
    private static final Set<String> KNOWN = Set.of("profile", "out", "seed", "tasks", "modules", "units", "iterations", "stages", "methods", "g", "primitives", "mem-delay", "core", "engine", "alpha", "primitive-channels", "context-streams", "runs", "dni-alpha");
    private final Map<String, String> values = new LinkedHashMap<>();

    public static Options parse(List<String> args) {
        Options o = new Options();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                throw new UsageException("Unexpected argument '" + a + "'; options look like --profile quick (see ./molap --help).");
            }
            String key = a.substring(2);
            String value = null;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            }
            if (!KNOWN.contains(key)) {
                throw new UsageException("Unknown option --" + key + "; known options are --" + String.join(", --", KNOWN.stream().sorted().toList()) + ".");
            }
            if (value == null || value.isBlank()) {
                throw new UsageException("Option --" + key + " needs a value.");
            }
            o.values.put(key, value);
        }
        return o;
    }

    private Options() {
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
        return Map.copyOf(values);
    }
}
