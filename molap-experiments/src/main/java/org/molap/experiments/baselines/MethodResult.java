package org.molap.experiments.baselines;

import org.molap.dl4j.train.PhaseRecord;
import org.molap.experiments.molap.MolapExperiment;
import org.molap.experiments.molap.TaskScore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one method of the comparison did: its test score per task and the records of every training phase,
 * from which its parameter and update counts are taken (seed 000 Table 1, Fig. 1C).
 *
 * @param sharedVariables variables that are one array across all of the method's phases (MoLaP's W_rec and b,
 *                        all of DNI's weights); every other variable is a new array in each phase
 */
public record MethodResult(String method, String label, Map<String, TaskScore> scores, List<PhaseRecord> phases,
                           Set<String> sharedVariables, double seconds, Map<String, Object> extra) {

    public MethodResult(String method, String label, Map<String, TaskScore> scores, List<PhaseRecord> phases,
                        Set<String> sharedVariables, double seconds) {
        this(method, label, scores, phases, sharedVariables, seconds, Map.of());
    }

    /** The same result with one more entry for results.json. */
    public MethodResult with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extra);
        more.put(key, value);
        return new MethodResult(method, label, scores, phases, sharedVariables, seconds, more);
    }

    /** Scalar parameters the method holds at the end: shared variables once, per-phase variables per phase. */
    public long parameters() {
        Map<String, Long> shared = new LinkedHashMap<>();
        long own = 0;
        for (PhaseRecord p : phases) {
            for (Map.Entry<String, Long> v : p.variableSizes().entrySet()) {
                if (sharedVariables.contains(v.getKey())) {
                    shared.merge(v.getKey(), v.getValue(), Math::max);
                } else {
                    own += v.getValue();
                }
            }
        }
        return own + shared.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Parameters that some phase trained, counted once per phase that trained them (Table 1's "optimised"). */
    public long trainedParameters() {
        return phases.stream().mapToLong(PhaseRecord::trainableParameters).sum();
    }

    /** Scalar parameter updates actually applied: trainable entries times iterations, summed over phases. */
    public long parameterUpdates() {
        return phases.stream().mapToLong(PhaseRecord::parameterUpdates).sum();
    }

    public double meanAccuracy() {
        return TaskScore.means(scores.values())[0];
    }

    /** The results.json entry of the method. */
    public Map<String, Object> json() {
        Map<String, Object> tasks = new LinkedHashMap<>();
        scores.forEach((task, score) -> tasks.put(task, score.json()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("tasks", tasks);
        m.put("mean_accuracy", meanAccuracy());
        m.put("mean_" + TaskScore.LENIENT_KEY, TaskScore.means(scores.values())[1]);
        m.put("parameters", parameters());
        m.put("trained_parameters", trainedParameters());
        m.put("parameter_updates", parameterUpdates());
        m.put("phases", phases.stream().map(MolapExperiment::phaseMap).toList());
        m.put("wall_clock_seconds", seconds);
        m.putAll(extra);
        return m;
    }
}
