package org.molap.dl4j.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which probes run, and how often: every {@code every} iterations of each phase, counting from its first. With no
 * probes (the default) {@link #due} costs one comparison per iteration.
 */
public record ProbeSchedule(List<Probe> probes, int every) {
    /** No probes. */
    public static final ProbeSchedule NONE = new ProbeSchedule(List.of(), 1);

    public ProbeSchedule {
        probes = List.copyOf(probes);
        if (every < 1) {
            throw new IllegalArgumentException("Probes run every n >= 1 iterations, got " + every + ".");
        }
    }

    /** The probes' values at this iteration, by name, in order; empty when none is due. */
    public Map<String, Double> due(TrainingListener.Iteration it) {
        if (probes.isEmpty() || it.iteration() % every != 0) {
            return Map.of();
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Probe p : probes) {
            double v = p.measure(it);
            if (!Double.isNaN(v)) {          // NaN: the probe does not apply to this phase
                values.put(p.name(), v);
            }
        }
        return values;
    }
}
