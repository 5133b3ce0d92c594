package org.molap.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the exporter recognises in results.json: per-task accuracies (in file order), canonical
 * correlations and training phases. Everything else is left for the generic scalar table. A key whose
 * shape is not the expected one is treated as unrecognised, not as an error.
 */
final class Results {
    /** One task's test accuracy, per output unit when given, and its output channel names. */
    record Task(String name, double accuracy, double[] perUnit, List<String> channels, double lenientAccuracy) {
    }

    /** The results.json key of a task's accuracy at the lenient tolerance 0.2 (absent: NaN). */
    static final String LENIENT = "accuracy_at_tolerance_0.2";

    static final String TASKS = "tasks";
    static final String CANONICAL_CORRELATIONS = "canonical_correlations";
    static final String PHASES = "phases";
    static final String METHODS = "methods";

    /**
     * One method of a comparison: accuracy per task (file order) and its parameter counts. For a summary over
     * seeds, {@code spread} holds the standard deviation of each task's accuracy and "mean" that of the mean
     * (empty otherwise).
     */
    record Method(String key, String label, Map<String, Double> accuracy, double mean, long parameters,
                  long trainedParameters, long parameterUpdates, Map<String, Double> spread) {
    }

    /** A claim of a paper judged on the runs (results.json "claims"). */
    record Claim(String claim, String verdict, String criterion, String evidence) {
    }

    static final String CLAIMS = "claims";
    static final String TIMELINE = "timeline";

    /**
     * A trial's timeline in steps (results.json "timeline"): silent start, stimulus onset, go cue, scored window; the
     * task's time per step (NaN when absent: figures then count steps) and, per task, its stimulus periods by name
     * as [from, to) steps (empty when absent).
     */
    record Timeline(int steps, int silentEnd, int stimulusOnset, int goCue, int scoredStart, double dt,
                    Map<String, Map<String, int[]>> stimulusPeriods) {
    }

    /** Null when absent or not of the expected shape. */
    Timeline timeline;
    /** Judged claims in file order; empty when absent. */
    final List<Claim> claims = new ArrayList<>();

    /** Methods of a comparison (results.json "methods"), in file order; empty when absent. */
    final List<Method> methods = new ArrayList<>();
    private static final Set<String> HEADER = Set.of("experiment", "profile");

    final List<Task> tasks = new ArrayList<>();
    /** Null when absent. */
    double[] canonicalCorrelations;
    /** Phase objects in order; empty when absent. */
    final List<JsonNode> phases = new ArrayList<>();
    /** Top-level keys rendered by a dedicated section (excluded from the generic table). */
    final Set<String> recognised = new LinkedHashSet<>(HEADER);

    static Results of(JsonNode results) {
        Results r = new Results();
        JsonNode tasks = results.get(TASKS);
        if (tasks != null && tasks.isObject() && !tasks.isEmpty()) {
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) tasks::fields) {
                JsonNode t = e.getValue();
                if (!t.isObject() || !t.path("accuracy").isNumber()) {
                    r.tasks.clear();
                    break;
                }
                r.tasks.add(new Task(e.getKey(), t.get("accuracy").asDouble(), numbers(t.get("per_unit_accuracy")),
                        texts(t.get("output_channels")), t.path(LENIENT).asDouble(Double.NaN)));
            }
            if (!r.tasks.isEmpty()) {
                r.recognised.add(TASKS);
            }
        }
        JsonNode tl = results.path(TIMELINE);
        if (tl.path("steps").isInt() && tl.path("silent").size() == 2 && tl.path("stimulus_onset").isInt()
                && tl.path("go_cue").isInt() && tl.path("scored_window").size() == 2) {
            Map<String, Map<String, int[]>> stimulus = new java.util.LinkedHashMap<>();
            tl.path("stimulus_periods").fields().forEachRemaining(task -> {
                Map<String, int[]> periods = new java.util.LinkedHashMap<>();
                task.getValue().fields().forEachRemaining(p -> {
                    if (p.getValue().size() == 2 && p.getValue().get(0).isInt() && p.getValue().get(1).isInt()) {
                        periods.put(p.getKey(), new int[] {p.getValue().get(0).asInt(), p.getValue().get(1).asInt()});
                    }
                });
                stimulus.put(task.getKey(), periods);
            });
            r.timeline = new Timeline(tl.get("steps").asInt(), tl.get("silent").get(1).asInt(), tl.get("stimulus_onset").asInt(),
                    tl.get("go_cue").asInt(), tl.get("scored_window").get(0).asInt(), tl.path("dt").asDouble(Double.NaN), stimulus);
            r.recognised.add(TIMELINE);
        }
        double[] cc = numbers(results.get(CANONICAL_CORRELATIONS));
        if (cc != null) {
            r.canonicalCorrelations = cc;
            r.recognised.add(CANONICAL_CORRELATIONS);
        }
        JsonNode phases = results.get(PHASES);
        if (phases != null && phases.isArray() && phases.size() > 0) {
            phases.forEach(p -> {
                if (p.isObject()) {
                    r.phases.add(p);
                }
            });
            if (r.phases.size() == phases.size()) {
                r.recognised.add(PHASES);
            } else {
                r.phases.clear();
            }
        }
        JsonNode methods = results.get(METHODS);
        if (methods != null && methods.isObject()) {
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) methods::fields) {
                JsonNode m = e.getValue();
                Map<String, Double> accuracy = new java.util.LinkedHashMap<>();
                Map<String, Double> spread = new java.util.LinkedHashMap<>();
                m.path(TASKS).fields().forEachRemaining(t -> {
                    accuracy.put(t.getKey(), t.getValue().path("accuracy").asDouble(Double.NaN));
                    if (t.getValue().path("sd").isNumber()) {
                        spread.put(t.getKey(), t.getValue().get("sd").asDouble());
                    }
                });
                if (m.path("mean_accuracy_over_seeds").path("sd").isNumber()) {
                    spread.put("mean", m.path("mean_accuracy_over_seeds").get("sd").asDouble());
                }
                r.methods.add(new Method(e.getKey(), m.path("label").asText(e.getKey()), accuracy,
                        m.path("mean_accuracy").asDouble(Double.NaN), m.path("parameters").asLong(-1),
                        m.path("trained_parameters").asLong(-1), m.path("parameter_updates").asLong(-1), spread));
            }
            if (!r.methods.isEmpty()) {
                r.recognised.add(METHODS);
            }
        }
        JsonNode claims = results.get(CLAIMS);
        if (claims != null && claims.isArray()) {
            claims.forEach(c -> r.claims.add(new Claim(c.path("claim").asText(), c.path("verdict").asText(),
                    c.path("criterion").asText(), c.path("evidence").asText())));
            r.recognised.add(CLAIMS);
        }
        return r;
    }

    /** The task of that name, or null. */
    Task task(String name) {
        return tasks.stream().filter(t -> t.name.equals(name)).findFirst().orElse(null);
    }

    /** A JSON array of numbers as doubles; null when absent or not all numbers. */
    static double[] numbers(JsonNode a) {
        if (a == null || !a.isArray()) {
            return null;
        }
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            if (!a.get(i).isNumber()) {
                return null;
            }
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    private static List<String> texts(JsonNode a) {
        List<String> v = new ArrayList<>();
        if (a != null && a.isArray()) {
            a.forEach(x -> v.add(x.asText()));
        }
        return v;
    }
}
